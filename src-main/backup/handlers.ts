import path from 'node:path';
import type { HandlersFor } from '../contract.js';
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import {
  BACKUP_DIR,
  createBackup,
  listBackups,
  resolveListedBackup,
  type BackupInfo,
} from './backup-files.js';
import type { backupChannels } from './channels.js';
import { restoreBackup } from './restore.js';

/** What the backup handlers need from the composition root. */
export interface BackupDeps {
  db: Database;
  /** The live database file; backups go to `backups/` beside it. */
  databaseFile: string;
  clock: () => Date;
  logger: Logger;
  migrationsDir?: string;
  /** Runs once restored data is live (e.g. marks jobs the backup recorded as running). */
  afterRestore?: () => void;
  /** Refuses a restore while work it would break runs, and holds such work off meanwhile. */
  holdWork?: () => () => void;
}

/** Handlers of the `backup.*` channels. */
export function createBackupHandlers(deps: BackupDeps): HandlersFor<keyof typeof backupChannels> {
  const dir = path.join(path.dirname(deps.databaseFile), BACKUP_DIR);
  // Two restores at once would fight over the database's write lock; one waits for none.
  let restoring = false;
  const logged = (event: string, backup: BackupInfo) =>
    deps.logger.info(event, { fileName: backup.fileName, sizeBytes: backup.sizeBytes });

  return {
    'backup.create': () => {
      const backup = createBackup(deps.db, deps.databaseFile, 'manual', deps.clock);
      logged('backup created', backup);
      return backup;
    },
    'backup.list': () => listBackups(dir),
    'backup.restore': async ({ fileName }) => {
      const { file, backup: restored } = resolveListedBackup(dir, fileName);
      if (restoring) throw new AppError('CONFLICT', 'A restore is already running.');
      restoring = true;
      let keptAs: BackupInfo;
      try {
        keptAs = await restoreBackup(deps, file);
      } finally {
        restoring = false;
      }
      logged('data kept before restore', keptAs);
      logged('backup restored', restored);
      return { restored, keptAs };
    },
  };
}
