/**
 * Opens the Trax Admin database: refuses files that are not SQLite databases or that a newer
 * version created (never touching them), backs up an existing database before migrating it, and
 * sets the connection up (WAL, foreign keys, busy timeout).
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from './sqlite.js';
import { AppError } from '../errors.js';
import { latestVersion, MIGRATIONS_DIR, migrate, schemaVersion } from './migrate.js';

/** A database connection as every repository receives it. */
export type Database = BetterSqlite3.Database;

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** Names backup files; injected so tests control time. */
  clock: () => Date;
  /** Where the numbered migrations live; tests point this at a temporary folder. */
  migrationsDir?: string;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Milliseconds a statement waits for another connection's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating when missing) and migrates the database at `file`.
 * @throws AppError UNAVAILABLE when the file is not a database or is from a newer version.
 */
export function openDatabase(file: string, opts: OpenOptions): Database {
  const migrationsDir = opts.migrationsDir ?? MIGRATIONS_DIR;
  const latest = latestVersion(migrationsDir);
  const existing = existsSync(file) && statSync(file).size > 0;
  const versionBefore = existing ? inspectExisting(file, latest) : 0;

  const db = openSqlite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (existing && versionBefore < latest) {
      backUp(db, file, `before-v${latest}`, opts.clock);
    }
    migrate(db, migrationsDir);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Checks an existing file without writing to it: the SQLite header, a readable schema, and a
 * schema version this build understands. Answers that version.
 */
function inspectExisting(file: string, latest: number): number {
  if (!hasSqliteHeader(file)) {
    throw new AppError(
      'UNAVAILABLE',
      `The file ${file} is not a Trax Admin database (it is not an SQLite database). ` +
        'It was left untouched; move it away or choose another data folder.',
    );
  }
  let version: number;
  let tables: number;
  const probe = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    // Reading the schema proves the file is a usable database, not just one with a valid header.
    tables = Number(
      probe.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get(),
    );
    version = schemaVersion(probe);
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      `The database ${file} cannot be read (${(error as Error).message}). It was left untouched.`,
    );
  } finally {
    probe.close();
  }
  // Version 0 with tables: another program's database, which migrating would write into.
  if (version === 0 && tables > 0) {
    throw new AppError(
      'UNAVAILABLE',
      `The file ${file} is an SQLite database of another program, not of Trax Admin. ` +
        'It was left untouched; move it away or choose another data folder.',
    );
  }
  if (version > latest) {
    throw new AppError(
      'UNAVAILABLE',
      `The database ${file} was created by a newer version of Trax Admin ` +
        `(schema ${version}; this version knows up to ${latest}). ` +
        'It was left untouched; install the newer version to open it.',
    );
  }
  return version;
}

function hasSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the whole database (a consistent snapshot, WAL included) to
 * `<dataDir>/backups/trax-admin-<timestamp>-<label>.db` and answers the path.
 */
export function backUp(db: Database, file: string, label: string, clock: () => Date): string {
  const dir = path.join(path.dirname(file), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = clock()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  let target = path.join(dir, `trax-admin-${stamp}-${label}.db`);
  for (let n = 2; existsSync(target); n++) {
    target = path.join(dir, `trax-admin-${stamp}-${label}-${n}.db`);
  }
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
