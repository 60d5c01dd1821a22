/**
 * Builds the change-log services from the database and the clock: the one call app.ts makes.
 * `recorder` is also the roster's ChangeRecorder (UsersRepository's third argument) and records
 * password changes (src-main/auth/password-log.ts).
 */
import type { Database } from '../db/connection.js';
import { AuditRecorder } from './audit-recorder.js';
import { ChangeLog } from './change-log.js';
import { UserTabs } from './tabs.js';

/** The change log, its recorder and the View Details list tabs. */
export function createAuditServices(options: { db: Database; clock: () => Date }) {
  const { db, clock } = options;
  const recorder = new AuditRecorder(db, clock);
  return { recorder, changeLog: new ChangeLog(db, clock), tabs: new UserTabs(db, recorder) };
}

export type AuditServices = ReturnType<typeof createAuditServices>;
