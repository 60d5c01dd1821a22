import { z } from 'zod';
import { channel, NoInput } from '../contract-kit.js';
import type { BackupInfo } from './backup-files.js';

export type { BackupInfo } from './backup-files.js';

/** What a restore answers: the backup that was restored and the one that keeps the old data. */
export interface RestoreOutcome {
  restored: BackupInfo;
  /** The data as it was just before the restore, kept as a new backup. */
  keptAs: BackupInfo;
}

/** Backing up and restoring the database (files in `<dataDir>/backups/`). */
export const backupChannels = {
  /** Copies the database now (a consistent snapshot) and answers the new backup. */
  'backup.create': channel<BackupInfo>()(NoInput),
  /** Every backup in the backups folder, newest first. */
  'backup.list': channel<BackupInfo[]>()(NoInput),
  /**
   * Replaces the current data with a listed backup, after verifying it and keeping the current
   * data as a "before-restore" backup. `fileName` must be a name from `backup.list`.
   */
  'backup.restore': channel<RestoreOutcome>()(
    z.strictObject({ fileName: z.string().min(1).max(200) }),
  ),
} as const;
