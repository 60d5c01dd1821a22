/**
 * The backups folder of a data folder: creating a backup of the live database, listing what is
 * there, and checking that a file is a Trax Admin database this version can open. The renderer
 * only ever names a backup by a file name taken from {@link listBackups}; paths never cross.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../db/sqlite.js';
import { backUp, type Database } from '../db/connection.js';
import { latestVersion, schemaVersion } from '../db/migrate.js';
import { AppError } from '../errors.js';

/** One backup file as the Backups screen lists it. */
export interface BackupInfo {
  /** The file's name inside `<dataDir>/backups/` (never a path). */
  fileName: string;
  /** When it was made (ISO 8601), read from the name the backup helper gave it. */
  createdAt: string;
  sizeBytes: number;
}

/** The backups folder inside a data folder (where src-main/db/connection.ts writes them). */
export const BACKUP_DIR = 'backups';

/** Names the backup helper gives: `trax-admin-20260102T030405Z-label.db`. */
const BACKUP_NAME = /^trax-admin-(\d{8}T\d{6}Z)-[a-z0-9-]+\.db$/;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Copies the live database into the backups folder with `label` in its name. */
export function createBackup(
  db: Database,
  databaseFile: string,
  label: string,
  clock: () => Date,
): BackupInfo {
  const target = backUp(db, databaseFile, label, clock);
  return describe(path.dirname(target), path.basename(target));
}

/** Every backup in `dir`, newest first. A missing folder has none. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && BACKUP_NAME.test(entry.name))
    .map((entry) => describe(dir, entry.name))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/**
 * The backup named `fileName` and its full path, only if that exact name is in the listing of
 * `dir`: anything else (a path, `..`, a file that is not a backup) is refused.
 */
export function resolveListedBackup(
  dir: string,
  fileName: string,
): { file: string; backup: BackupInfo } {
  const backup = listBackups(dir).find((listed) => listed.fileName === fileName);
  if (!backup) {
    throw new AppError('NOT_FOUND', 'That backup is not in the backups folder any more.');
  }
  return { file: path.join(dir, backup.fileName), backup };
}

/**
 * Checks, without writing to it, that `file` is a Trax Admin database this version can restore:
 * the SQLite header, an intact file, a schema version no newer than this build's, and a users
 * table. Answers its schema version.
 */
export function verifyBackup(file: string, migrationsDir?: string): number {
  const refuse = (why: string) =>
    new AppError('CONFLICT', `This backup cannot be restored: ${why} Nothing was changed.`);
  if (!hasSqliteHeader(file)) throw refuse('it is not an SQLite database.');
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = openSqlite(file, { readonly: true, fileMustExist: true });
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw refuse('the file is damaged.');
    const version = schemaVersion(probe);
    if (version > latestVersion(migrationsDir)) {
      throw refuse('it was made by a newer version of Trax Admin.');
    }
    const users = probe
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users'")
      .get();
    if (!users) throw refuse('it is not a Trax Admin database (it has no users table).');
    return version;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('the file cannot be read.');
  } finally {
    probe?.close();
  }
}

function describe(dir: string, fileName: string): BackupInfo {
  const stamp = BACKUP_NAME.exec(fileName)?.[1];
  const fromName = stamp
    ? new Date(
        stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
      )
    : null;
  const stats = statSync(path.join(dir, fileName));
  const createdAt = fromName && !isNaN(fromName.getTime()) ? fromName : stats.mtime;
  return { fileName, createdAt: createdAt.toISOString(), sizeBytes: stats.size };
}

function hasSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return (
      readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER)
    );
  } finally {
    closeSync(fd);
  }
}
