/**
 * Shared set-up of the mail tests: a real database file in a temporary folder, a roster written
 * straight into `users`, a fixed clock, and SMTP settings. Tests about the password use the real
 * keychain (test/unit/secrets/test-keychain.ts); the others set no user name, so no password is
 * looked up at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../src-main/db/connection.js';
import {
  MailSettingsRepository,
  DEFAULT_MAIL_SETTINGS,
  type MailSettings,
} from '../../../src-main/mail/settings.js';

/** A database file in a fresh temporary folder. */
export function tempDatabase(): { db: Database; dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-mail-'));
  const file = path.join(dir, 'trax-admin.db');
  const db = openDatabase(file, { clock: fixedClock() });
  return {
    db,
    dir,
    file,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock that stands still at `iso` until moved. */
export function fixedClock(iso = '2026-03-11T15:00:00.000Z') {
  let now = new Date(iso);
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

/**
 * The runner's pauses without waiting: each moves `clock` on by its length (or ends at once
 * when aborted), and is recorded in `pauses`.
 */
export function movingSleep(clock: ReturnType<typeof fixedClock>) {
  const pauses: number[] = [];
  const sleep = async (ms: number, signal: AbortSignal) => {
    if (signal.aborted) return;
    pauses.push(ms);
    clock.advance(ms);
  };
  return { sleep, pauses };
}

/** A user row for {@link addUsers}. */
export interface TestUser {
  userName: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  status?: 'Active' | 'Inactive';
}

/** Writes users straight into the roster table; answers their ids in order. */
export function addUsers(db: Database, users: TestUser[]): number[] {
  const insert = db.prepare(
    'INSERT INTO users (user_name, first_name, last_name, email, status) VALUES (?, ?, ?, ?, ?)',
  );
  return users.map((u) =>
    Number(
      insert.run(
        u.userName,
        u.firstName ?? '',
        u.lastName ?? '',
        u.email ?? '',
        u.status ?? 'Active',
      ).lastInsertRowid,
    ),
  );
}

/** `n` active users named user1…userN at example.com. */
export function addManyUsers(db: Database, n: number): number[] {
  return addUsers(
    db,
    Array.from({ length: n }, (_, i) => ({
      userName: `user${i + 1}`,
      firstName: `First${i + 1}`,
      lastName: `Last${i + 1}`,
      email: `user${i + 1}@example.com`,
    })),
  );
}

/** Saves SMTP settings pointing at a test server on 127.0.0.1, without AUTH unless `user` is given. */
export function useSmtp(db: Database, port: number, changes: Partial<MailSettings> = {}) {
  return new MailSettingsRepository(db).save({
    ...DEFAULT_MAIL_SETTINGS,
    mode: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'starttls',
    user: '',
    fromName: 'Trax Administrator',
    fromAddress: 'admin@trax.example.com',
    messagesPerMinute: 100_000,
    connections: 2,
    ...changes,
  });
}
