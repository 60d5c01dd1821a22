/**
 * Restoring a backup into the running application.
 *
 * Every repository holds the one open connection, so closing and reopening it would mean
 * rebuilding the whole application. Instead the backup is copied INTO the live database file
 * with SQLite's online backup API, run from a read-only connection on the backup file
 * (`source.backup(liveFile)`). That API writes the destination page by page inside one write
 * transaction of its own connection, through the normal pager and WAL, and commits atomically;
 * the live connection notices the new content through the WAL index and the schema cookie (its
 * prepared statements re-prepare themselves), so every screen reads the restored data at once.
 * Copying tables with ATTACH would have to know every table of every version; `VACUUM INTO`
 * only copies out; replacing the file on disk under an open connection corrupts it.
 *
 * The copy is done in one step after the first (the progress callback asks for all remaining
 * pages), and the destination stays write-locked until it commits, so a half-copied database is
 * never visible: readers see the old data until the commit; a write arriving in that instant
 * waits (busy timeout) and fails rather than interleaving. Afterwards the migrations run, so a
 * backup made by an older version is brought up to this one, and `afterRestore` lets the
 * services fix state that only made sense in the old process (e.g. jobs recorded as running).
 */
import { openSqlite } from '../db/sqlite.js';
import type { Database } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { createBackup, verifyBackup, type BackupInfo } from './backup-files.js';

/** Pages per step that means "everything left" to better-sqlite3 (its upper bound). */
const ALL_PAGES = 0x7fffffff;

/** What {@link restoreBackup} needs. */
export interface RestoreDeps {
  db: Database;
  /** The live database file. */
  databaseFile: string;
  clock: () => Date;
  migrationsDir?: string;
  /** Runs once the restored data is live and migrated (start-up recovery of the services). */
  afterRestore?: () => void;
  /**
   * Called before anything changes: throws (AppError CONFLICT, saying why) while work that a
   * restore would break is under way, such as a Send Email job; otherwise keeps such work from
   * starting until the returned release is called.
   */
  holdWork?: () => () => void;
}

/**
 * Replaces the live data with the backup at `backupFile` (already resolved from the listing),
 * after verifying it and keeping the current data as a "before-restore" backup. Answers that
 * safety backup.
 */
export async function restoreBackup(deps: RestoreDeps, backupFile: string): Promise<BackupInfo> {
  const release = deps.holdWork?.();
  try {
    return await replaceData(deps, backupFile);
  } finally {
    release?.();
  }
}

async function replaceData(deps: RestoreDeps, backupFile: string): Promise<BackupInfo> {
  const { db, databaseFile, clock } = deps;
  verifyBackup(backupFile, deps.migrationsDir);
  if (isSending(db)) {
    throw new AppError(
      'CONFLICT',
      'A bulk email is being sent. Wait for it to finish (or cancel it), then restore.',
    );
  }
  const kept = createBackup(db, databaseFile, 'before-restore', clock);

  const source = openSqlite(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  // The restored file may be older than this build; bring it up to date like at start-up.
  migrate(db, deps.migrationsDir);
  deps.afterRestore?.();
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') {
    throw new Error(`The restored database failed its integrity check: ${String(check)}`);
  }
  return kept;
}

/** Whether a bulk send is writing to the database right now (its rows would be lost). */
function isSending(db: Database): boolean {
  const hasJobs = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'mail_jobs'")
    .get();
  if (!hasJobs) return false;
  return db.prepare("SELECT 1 FROM mail_jobs WHERE status = 'running' LIMIT 1").get() !== undefined;
}
