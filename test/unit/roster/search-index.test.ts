/**
 * The in-memory search index never drifts from the users table, whoever writes it: another
 * connection (a second window, the sqlite3 shell), a rolled-back transaction, a pruned log, a
 * restored backup. Each test changes the table behind the index's back and checks what Manage
 * Users would show.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection.js';
import type { UserProfile } from '../../../src-main/roster/schemas.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { tempDatabase } from '../db/temp-db.js';

let t: ReturnType<typeof tempDatabase>;
afterEach(() => t.cleanup());

function profile(userName: string, email: string, lastName = 'Jackson'): UserProfile {
  return { userName, email, firstName: 'Brian', lastName, workPhone: '', status: 'Active' };
}

function names(users: UsersRepository, query: string, status: 'All' | 'Active' = 'All') {
  return users
    .search({
      query,
      status,
      sort: { column: 'userName', direction: 'asc' },
      page: 1,
      pageSize: 100,
    })
    .rows.map((r) => r.userName);
}

function setup() {
  t = tempDatabase();
  const users = new UsersRepository(t.db, t.clock);
  users.create(profile('BrianJackson', 'bjackson@email.com'));
  users.create(profile('AllisonBarry', 'abarry@email.com', 'Barry'));
  expect(names(users, 'email.com')).toEqual(['AllisonBarry', 'BrianJackson']);
  return users;
}

describe('the search index follows the table', () => {
  it('sees rows added, changed and deleted by another connection', () => {
    const users = setup();
    const other = new BetterSqlite3(t.file);
    other
      .prepare("INSERT INTO users (user_name, email, status) VALUES ('FrontDesk', ?, 'Active')")
      .run('frontdeskt@email.com');
    other.prepare("UPDATE users SET email = 'brian.jackson@agency.gov' WHERE id = 1").run();
    other.prepare("UPDATE users SET status = 'Inactive' WHERE user_name = 'AllisonBarry'").run();
    other.close();

    expect(names(users, 'email.com')).toEqual(['AllisonBarry', 'FrontDesk']);
    expect(names(users, 'email.com', 'Active')).toEqual(['FrontDesk']);
    expect(names(users, 'agency.gov')).toEqual(['BrianJackson']);

    const again = new BetterSqlite3(t.file);
    again.prepare("DELETE FROM users WHERE user_name = 'FrontDesk'").run();
    again.close();
    expect(names(users, 'email.com')).toEqual(['AllisonBarry']);
    expect(names(users, '')).toEqual(['AllisonBarry', 'BrianJackson']);
  });

  it('forgets a change whose transaction rolled back, even when its log number is reused', () => {
    const users = setup();
    expect(() =>
      t.db.transaction(() => {
        t.db.prepare("UPDATE users SET email = 'undone@agency.gov' WHERE id = 1").run();
        // Searched inside the transaction (as Add User's name check does): the index sees it.
        expect(names(users, 'undone')).toEqual(['BrianJackson']);
        throw new Error('cancelled');
      })(),
    ).toThrow('cancelled');
    // Another change now takes the rolled-back change's place in the log.
    const other = new BetterSqlite3(t.file);
    other.prepare("UPDATE users SET last_name = 'Barry-Smith' WHERE id = 2").run();
    other.close();

    expect(names(users, 'undone')).toEqual([]);
    expect(names(users, 'bjackson@email.com')).toEqual(['BrianJackson']);
    expect(names(users, 'barry-smith')).toEqual(['AllisonBarry']);
  });

  it('rebuilds when the log was pruned past it by another window', () => {
    const users = setup();
    const window2 = new UsersRepository(openDatabase(t.file, { clock: t.clock }), t.clock);
    expect(names(window2, 'email.com')).toEqual(['AllisonBarry', 'BrianJackson']);

    // Window 2 falls behind: a change, then enough logged changes for window 1 to prune.
    t.db.prepare("UPDATE users SET email = 'allison@agency.gov' WHERE id = 2").run();
    t.db
      .prepare(
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) ' +
          'INSERT INTO users_search_log (user_id, nonce) SELECT 1, random() FROM n',
      )
      .run();
    expect(names(users, 'agency.gov')).toEqual(['AllisonBarry']);
    const kept = Number(t.db.prepare('SELECT count(*) FROM users_search_log').pluck().get());
    expect(kept).toBeLessThan(60000);

    expect(names(window2, 'agency.gov')).toEqual(['AllisonBarry']);
    expect(names(window2, 'email.com')).toEqual(['BrianJackson']);
  });

  it('rebuilds when the data is replaced by an older copy (a restored backup)', async () => {
    const users = setup();
    const copy = `${t.file}.copy`;
    await t.db.backup(copy);
    users.create(profile('OfficeManager', 'officemanager@email.com', 'Manager'));
    t.db.prepare("UPDATE users SET email = 'b.jackson@agency.gov' WHERE id = 1").run();
    expect(names(users, 'email.com')).toEqual(['AllisonBarry', 'OfficeManager']);

    const source = new BetterSqlite3(copy, { readonly: true });
    await source.backup(t.file);
    source.close();
    expect(names(users, 'email.com')).toEqual(['AllisonBarry', 'BrianJackson']);
  });
});

describe('user names are unique regardless of case', () => {
  it('refuses a name that differs only in non-ASCII case, as in A–Z', () => {
    const users = setup();
    users.create(profile('José', 'jose@agency.gov'));
    expect(() => users.create(profile('JOSÉ', 'jose2@agency.gov'))).toThrow(
      'That user name is already taken.',
    );
    expect(() => users.create(profile('brianjackson', 'bj2@agency.gov'))).toThrow(
      'That user name is already taken.',
    );
    // Renaming a user to their own name in another case is not a conflict.
    const jose = users.search({
      query: 'josé',
      status: 'All',
      sort: { column: 'userName', direction: 'asc' },
      page: 1,
      pageSize: 5,
    }).rows[0];
    expect(jose?.userName).toBe('José');
    expect(users.update(jose?.id ?? 0, profile('JOSÉ', 'jose@agency.gov')).userName).toBe('JOSÉ');
  });

  it('finds non-ASCII text whatever its case, however short the search', () => {
    const users = setup();
    users.create(profile('ÉloiseÅberg', 'eloise@agency.gov', 'Åberg'));
    expect(names(users, 'é')).toEqual(['ÉloiseÅberg']);
    expect(names(users, 'åB')).toEqual(['ÉloiseÅberg']);
    expect(names(users, 'ÅBERG')).toEqual(['ÉloiseÅberg']);
  });
});
