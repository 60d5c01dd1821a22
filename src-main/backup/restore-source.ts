/**
 * Restoring from a file the administrator picked anywhere (File → Restore database… in the
 * desktop window). `backup.restore` only takes names from the backups folder — the renderer
 * never passes a path — so a picked file is first verified and copied into that folder; then
 * the one restore path (handlers.ts → restore.ts, with its guards and its before-restore
 * backup) restores it by name. The copy stays, like every backup: it is what was restored.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../db/sqlite.js';
import {
  BACKUP_DIR,
  createBackup,
  listBackups,
  verifyBackup,
  type BackupInfo,
} from './backup-files.js';

/** The label of a picked file's copy: `trax-admin-<time>-restore-source.db`. */
export const RESTORE_SOURCE_LABEL = 'restore-source';

/** A picked file, ready for `backup.restore`. */
export interface StagedBackup {
  /** The backup to restore by name (`backup.restore`'s `fileName`). */
  backup: BackupInfo;
  /** False when the file already was a backup in the backups folder (nothing was copied). */
  copied: boolean;
}

/**
 * Verifies `sourceFile` (a Trax Admin database this version can open, see verifyBackup) and
 * makes it restorable by name: a backup already listed in the backups folder beside
 * `databaseFile` is used as it is; any other file is copied there as a consistent snapshot.
 * @throws AppError CONFLICT when the file cannot be restored; nothing is written then.
 */
export function stageForRestore(
  sourceFile: string,
  databaseFile: string,
  clock: () => Date,
  migrationsDir?: string,
): StagedBackup {
  verifyBackup(sourceFile, migrationsDir);
  const dir = path.join(path.dirname(databaseFile), BACKUP_DIR);
  const listed = listedBackupAt(sourceFile, dir);
  if (listed) return { backup: listed, copied: false };
  // A read-only connection: the picked file is never written to, not even its WAL.
  const source = openSqlite(sourceFile, { readonly: true, fileMustExist: true });
  try {
    return {
      backup: createBackup(source, databaseFile, RESTORE_SOURCE_LABEL, clock),
      copied: true,
    };
  } finally {
    source.close();
  }
}

/** The listing of `file` when it is one of the backups in `dir` (links resolved), else null. */
function listedBackupAt(file: string, dir: string): BackupInfo | null {
  let real: string;
  let backupsFolder: string;
  try {
    real = realpathSync(file);
    backupsFolder = realpathSync(dir);
  } catch {
    return null; // no backups folder yet
  }
  if (path.dirname(real) !== backupsFolder) return null;
  return listBackups(dir).find((backup) => backup.fileName === path.basename(real)) ?? null;
}
