/**
 * The demo roster: on first start with an empty database, the guide's own users and about 150
 * others from `resources/demo-roster.csv`, so Manage Users has something to show and page through
 * before a real roster is imported. The roster is flagged as demo data so the UI can say so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../db/connection.js';
import { PrefsRepository } from '../db/prefs-repository.js';
import { USER_STATUSES, type UserStatus } from './schemas.js';

/** The demo roster's file name inside the resources folder. */
export const DEMO_ROSTER_FILE = 'demo-roster.csv';

/** One line of the demo roster, by its header names. */
interface DemoRecord {
  'User Name': string;
  'First Name': string;
  'Last Name': string;
  Email: string;
  'Work Phone': string;
  Status: string;
  'Create Date': string;
  'Last Login Date': string;
}

/**
 * Seeds the demo roster when `users` is empty, in one transaction. Answers how many users were
 * added (0 when the roster already had users). The CSV is ours, so its deliberate problems (a
 * missing or malformed address) are inserted as they are: finding them is what the app is for.
 */
export function seedDemoRosterIfEmpty(db: Database, resourcesDir: string, clock: () => Date) {
  const hasUsers = db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
  if (hasUsers) return 0;
  const records = parse(readFileSync(path.join(resourcesDir, DEMO_ROSTER_FILE), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as DemoRecord[];
  const now = clock().toISOString();
  const insert = db.prepare(
    'INSERT INTO users (user_name, first_name, last_name, email, work_phone, status, ' +
      'created_at, last_login_at, updated_at) VALUES (@userName, @firstName, @lastName, @email, ' +
      '@workPhone, @status, @createdAt, @lastLoginAt, @now)',
  );
  const prefs = new PrefsRepository(db);
  db.transaction(() => {
    for (const record of records) {
      insert.run({
        userName: record['User Name'],
        firstName: record['First Name'],
        lastName: record['Last Name'],
        email: record.Email,
        workPhone: record['Work Phone'],
        status: statusOf(record.Status),
        createdAt: isoDate(record['Create Date']),
        lastLoginAt: isoDate(record['Last Login Date']),
        now,
      });
    }
    prefs.setDemoRoster(true);
  })();
  return records.length;
}

function statusOf(value: string): UserStatus {
  const status = USER_STATUSES.find((s) => s.toLowerCase() === value.toLowerCase());
  if (!status) throw new Error(`Demo roster: unknown status "${value}".`);
  return status;
}

/** The CSV's dates are UTC without a zone ("2022-02-15T19:39"); stored as full ISO strings. */
function isoDate(value: string): string | null {
  if (value === '') return null;
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Demo roster: bad date "${value}".`);
  return date.toISOString();
}
