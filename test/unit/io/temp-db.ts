/**
 * A real, migrated SQLite database in a fresh temporary folder, with a movable clock and a
 * shortcut to put users in it. Shared by the readiness, io and audit tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../src-main/db/connection.js';

/** A user row as the tests write it; unspecified fields get plain defaults. */
export interface TestUser {
  userName: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  workPhone?: string;
  status?: 'Active' | 'Inactive';
}

/** A temporary database and what the tests need around it. */
export interface TempDb {
  dir: string;
  file: string;
  db: Database;
  /** The injected clock; move `now` to move time. */
  clock: () => Date;
  setNow(iso: string): void;
  addUsers(users: readonly TestUser[]): number[];
  cleanup(): void;
}

/** Opens a new database file under the system temp folder. */
export function tempDb(startIso = '2024-03-11T12:00:00.000Z'): TempDb {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-rio-'));
  const file = path.join(dir, 'trax-admin.db');
  let now = new Date(startIso);
  const clock = () => new Date(now);
  const db = openDatabase(file, { clock });
  const insert = db.prepare(
    'INSERT INTO users (user_name, email, first_name, last_name, work_phone, status, created_at) ' +
      'VALUES (@userName, @email, @firstName, @lastName, @workPhone, @status, @now)',
  );
  return {
    dir,
    file,
    db,
    clock,
    setNow: (iso) => {
      now = new Date(iso);
    },
    addUsers: (users) =>
      db.transaction(() =>
        users.map((u) =>
          Number(
            insert.run({
              email: '',
              firstName: 'First',
              lastName: 'Last',
              workPhone: '',
              status: 'Active',
              ...u,
              now: now.toISOString(),
            }).lastInsertRowid,
          ),
        ),
      )(),
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The guide's roster, exactly as its screenshots show it (AllisonBarry from View Details). */
export const GUIDE_ROSTER: readonly TestUser[] = [
  {
    userName: 'FrontDesk',
    firstName: 'Front',
    lastName: 'Desk',
    email: 'frontdeskt@email.com',
    workPhone: '(602) 954-9557',
  },
  {
    userName: 'OfficeManager',
    firstName: 'Office',
    lastName: 'Manager',
    email: 'officemanager@email.com',
    workPhone: '(602) 954-9557',
  },
  {
    userName: 'JeremyStephens',
    firstName: 'Jeremy',
    lastName: 'Stephans',
    email: 'jstephans@email.com',
    workPhone: '(602) 954-9557',
    status: 'Inactive',
  },
  {
    userName: 'BrianJackson',
    firstName: 'Brian',
    lastName: 'Jackson',
    email: 'bjackson@email.com',
    workPhone: '(602) 954-9557',
  },
  { userName: 'AllisonBarry', firstName: 'Allison', lastName: 'Barry', email: 'abarry@email.com' },
];
