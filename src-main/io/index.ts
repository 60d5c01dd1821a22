/**
 * Builds the readiness, import and export services: the one call app.ts makes for them.
 * Optional inputs are seams, not guesses: without `testResults` the test-email rules are not
 * applied; without `goLiveDate` the dashboard shows no date.
 */
import type { AuditServices } from '../audit/index.js';
import type { Database } from '../db/connection.js';
import type { PrefsRepository } from '../db/prefs-repository.js';
import type { TestResultsSource } from '../readiness/evaluate.js';
import { ReadinessService } from '../readiness/service.js';
import type { UsersRepository } from '../roster/users-repository.js';
import { Exporter } from './export.js';
import { RosterImporter } from './import-roster.js';

/** What the readiness and import/export services need. */
export interface ReadinessIoOptions {
  db: Database;
  clock: () => Date;
  prefs: PrefsRepository;
  audit: AuditServices;
  /** The roster, whose search the roster export follows. */
  users: UsersRepository;
  /** The Mail service's last test email per user. */
  testResults?: TestResultsSource;
  /** The go-live date (YYYY-MM-DD) of the sign-in policy. */
  goLiveDate?: () => string | null;
}

/** The readiness service, the importer and the exporter. */
export function createReadinessIoServices(options: ReadinessIoOptions) {
  const { db, clock, prefs, audit, users, testResults, goLiveDate } = options;
  const readiness = new ReadinessService(db, { clock, goLiveDate, testResults });
  return {
    readiness,
    importer: new RosterImporter(db, { clock, recorder: audit.recorder, prefs }),
    exporter: new Exporter(db, {
      clock,
      changeLog: audit.changeLog,
      readiness: { testResults },
      readinessIds: (filter) => readiness.idsFor(filter),
      users,
    }),
  };
}
