import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection.js';
import { latestVersion, MIGRATIONS_DIR } from '../../../src-main/db/migrate.js';
import { AppError } from '../../../src-main/errors.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { fixedClock, tempDir } from './temp-db.js';

const clock = fixedClock('2026-03-04T05:06:07.000Z');
let folder: ReturnType<typeof tempDir>;
afterEach(() => folder?.cleanup());

/** A migrations folder holding our real 0001 plus extra test steps. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = path.join(folder.dir, 'migrations');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(MIGRATIONS_DIR, '0001-users.sql'), path.join(dir, '0001-users.sql'));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('openDatabase', () => {
  it('creates a new database at the latest version with WAL and foreign keys, and no backup', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    const db = openDatabase(file, { clock });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(latestVersion()).toBeGreaterThanOrEqual(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['users', 'settings', 'users_search_log']));
    // Every table of ours is STRICT (SQLite's own sqlite_sequence cannot be).
    const loose = db
      .prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' " +
          "AND strict = 0 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .pluck()
      .all();
    expect(loose).toEqual([]);
    db.close();
    expect(existsSync(path.join(folder.dir, 'backups'))).toBe(false);
  });

  it('brings a filled first-version database through every real migration, rows intact', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    const old = openDatabase(file, { clock, migrationsDir: migrationsWith({}) });
    const insert = old.prepare(
      'INSERT INTO users (user_name, first_name, last_name, email, status) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run('FrontDesk', 'Front', 'Desk', 'frontdeskt@email.com', 'Active');
    insert.run('JeremyStephens', 'Jeremy', 'Stephans', 'jstephans@email.com', 'Inactive');
    old.close();

    const db = openDatabase(file, { clock });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare('SELECT user_name, status FROM users ORDER BY id').all()).toEqual([
      { user_name: 'FrontDesk', status: 'Active' },
      { user_name: 'JeremyStephens', status: 'Inactive' },
    ]);
    // Manage Users finds the rows that were there before the search moved out of FTS5.
    const found = new UsersRepository(db, clock).search({
      query: 'ONTDE',
      status: 'All',
      sort: { column: 'userName', direction: 'asc' },
      page: 1,
      pageSize: 25,
    });
    expect(found.rows.map((r) => r.userName)).toEqual(['FrontDesk']);
    db.close();
    // One backup of the version-1 file, named for the version it was migrated to.
    expect(readdirSync(path.join(folder.dir, 'backups'))).toEqual([
      `trax-admin-20260304T050607Z-before-v${latestVersion()}.db`,
    ]);
  });

  it('migrates an older database, keeps its rows and leaves a backup of the old version', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    const v1 = migrationsWith({});
    const old = openDatabase(file, { clock, migrationsDir: v1 });
    old
      .prepare("INSERT INTO users (user_name, email, status) VALUES (?, ?, 'Active')")
      .run('FrontDesk', 'frontdeskt@email.com');
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const v2 = migrationsWith({
      '0002-nickname.sql': "ALTER TABLE users ADD COLUMN nickname TEXT NOT NULL DEFAULT 'none';",
    });
    const db = openDatabase(file, { clock, migrationsDir: v2 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT user_name, email, nickname FROM users').all()).toEqual([
      { user_name: 'FrontDesk', email: 'frontdeskt@email.com', nickname: 'none' },
    ]);
    db.close();

    const backups = readdirSync(path.join(folder.dir, 'backups'));
    expect(backups).toEqual(['trax-admin-20260304T050607Z-before-v2.db']);
    const backup = new BetterSqlite3(path.join(folder.dir, 'backups', backups[0] ?? ''), {
      readonly: true,
    });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT user_name FROM users').pluck().all()).toEqual(['FrontDesk']);
    backup.close();
  });

  it('rolls a failing migration back, leaving the database at its previous version', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    openDatabase(file, { clock, migrationsDir: migrationsWith({}) }).close();
    const broken = migrationsWith({
      '0002-broken.sql': 'CREATE TABLE half_done (x INTEGER) STRICT; SELECT no_such_function();',
    });
    expect(() => openDatabase(file, { clock, migrationsDir: broken })).toThrow(/no_such_function/);
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").all()).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer version and leaves it byte-for-byte unchanged', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    const future = new BetterSqlite3(file);
    future.exec('CREATE TABLE things (x INTEGER) STRICT; INSERT INTO things VALUES (1);');
    future.pragma(`user_version = ${latestVersion() + 7}`);
    future.close();
    const before = readFileSync(file);

    const error = errorOf(() => openDatabase(file, { clock }));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/created by a newer version of Trax Admin/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(folder.dir, 'backups'))).toBe(false);
  });

  it('refuses a file that is not a database, naming it, and never overwrites it', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    writeFileSync(file, 'User Name,Email\nFrontDesk,frontdeskt@email.com\n');
    const before = readFileSync(file);

    const error = errorOf(() => openDatabase(file, { clock }));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not .*database/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder.dir)).toEqual(['trax-admin.db']);
  });

  it("refuses another program's SQLite database, leaving it byte-for-byte unchanged", () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    const other = new BetterSqlite3(file);
    other.exec("CREATE TABLE users (login TEXT); INSERT INTO users VALUES ('someone');");
    other.close();
    const before = readFileSync(file);

    const error = errorOf(() => openDatabase(file, { clock }));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(file);
    expect(error.message).toContain('another program');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder.dir)).toEqual(['trax-admin.db']);
  });

  it('creates its schema in an existing empty SQLite file', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    const empty = new BetterSqlite3(file);
    empty.pragma('user_version = 0');
    empty.exec('VACUUM');
    empty.close();
    const db = openDatabase(file, { clock });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });

  it('refuses a file with an SQLite header but unreadable content, leaving it unchanged', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    const junk = Buffer.alloc(4096, 0x5a);
    Buffer.from('SQLite format 3\0', 'latin1').copy(junk);
    writeFileSync(file, junk);

    expect(errorOf(() => openDatabase(file, { clock })).code).toBe('UNAVAILABLE');
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('reopens a database at the latest version without a backup', () => {
    folder = tempDir();
    const file = path.join(folder.dir, 'trax-admin.db');
    openDatabase(file, { clock }).close();
    openDatabase(file, { clock }).close();
    expect(existsSync(path.join(folder.dir, 'backups'))).toBe(false);
  });
});
