import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrefsRepository } from '../../../src-main/db/prefs-repository.js';
import { isValidEmail } from '../../../src-main/roster/email.js';
import { seedDemoRosterIfEmpty } from '../../../src-main/roster/demo-roster.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { tempDatabase } from '../db/temp-db.js';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

let t: ReturnType<typeof tempDatabase>;
afterEach(() => t?.cleanup());

describe('seedDemoRosterIfEmpty', () => {
  it("seeds the guide's users and enough others for many pages, flagged as demo", () => {
    t = tempDatabase();
    const added = seedDemoRosterIfEmpty(t.db, RESOURCES, t.clock);
    const users = new UsersRepository(t.db, t.clock);
    expect(added).toBe(users.count());
    expect(users.count()).toBeGreaterThanOrEqual(150);
    expect(new PrefsRepository(t.db).isDemoRoster()).toBe(true);

    const page = users.search({
      query: 'email.com',
      status: 'All',
      sort: { column: 'userName', direction: 'asc' },
      page: 1,
      pageSize: 25,
    });
    expect(
      page.rows.map((r) => [r.userName, r.firstName, r.lastName, r.email, r.workPhone, r.status]),
    ).toEqual([
      ['AllisonBarry', 'Allison', 'Barry', 'abarry@email.com', '(602) 954-9557', 'Active'],
      ['BrianJackson', 'Brian', 'Jackson', 'bjackson@email.com', '(602) 954-9557', 'Active'],
      ['FrontDesk', 'Front', 'Desk', 'frontdeskt@email.com', '(602) 954-9557', 'Active'],
      ['JeremyStephens', 'Jeremy', 'Stephans', 'jstephans@email.com', '(602) 954-9557', 'Inactive'],
      ['OfficeManager', 'Office', 'Manager', 'officemanager@email.com', '(602) 954-9557', 'Active'],
    ]);
    const allison = users.get(page.rows[0]?.id ?? 0);
    expect(allison.lastLoginAt).toBe('2022-02-15T19:39:00.000Z');
  });

  it('holds the problems later screens must find, but only a few', () => {
    t = tempDatabase();
    seedDemoRosterIfEmpty(t.db, RESOURCES, t.clock);
    const rows = t.db.prepare('SELECT email, status FROM users').all() as {
      email: string;
      status: string;
    }[];
    const inactive = rows.filter((r) => r.status === 'Inactive').length;
    expect(inactive).toBeGreaterThanOrEqual(10);
    expect(inactive).toBeLessThanOrEqual(15);
    expect(rows.filter((r) => !isValidEmail(r.email)).length).toBeLessThanOrEqual(3);
    const active = rows.filter((r) => r.status === 'Active').map((r) => r.email);
    expect(active).toEqual(expect.arrayContaining(['intake@maricopa-cares.org']));
    expect(
      active.filter((e, i) => e !== '' && active.indexOf(e) !== i).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('does nothing when the roster already has users', () => {
    t = tempDatabase();
    const users = new UsersRepository(t.db, t.clock);
    users.create({
      userName: 'OnlyMe',
      email: 'only.me@agency.gov',
      firstName: 'Only',
      lastName: 'Me',
      workPhone: '',
      status: 'Active',
    });
    expect(seedDemoRosterIfEmpty(t.db, RESOURCES, t.clock)).toBe(0);
    expect(users.count()).toBe(1);
    expect(new PrefsRepository(t.db).isDemoRoster()).toBe(false);
  });
});
