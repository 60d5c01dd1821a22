/**
 * File → Back up database… and File → Restore database…, carried out. Pure: Electron's dialogs,
 * the file manager and the window arrive as functions (menu.ts), so every step — what is asked,
 * what is verified, what is restored — is tested under plain Node with the real app and files.
 * The work itself is the backup services': `backup.create`, and `backup.restore` of a file
 * staged by restore-source.ts (the one restore path, with its guards and before-restore copy).
 */
import path from 'node:path';
import { DATABASE_FILE } from '../app.js';
import type { BackupInfo, RestoreOutcome } from '../backup/channels.js';
import { verifyBackup } from '../backup/backup-files.js';
import { stageForRestore } from '../backup/restore-source.js';
import type { AppInfo } from '../contract.js';
import { AppError, type Result } from '../errors.js';

/** A native question: its buttons by index, the answer is the index chosen. */
export interface Question {
  type: 'info' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** The button Enter chooses, and the one Escape or closing the box answers. */
  defaultId: number;
  cancelId: number;
}

/** What the backup menu items need from main and from Electron. */
export interface BackupMenuDeps {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Shows a message box with buttons; answers the index of the one chosen. */
  ask(question: Question): Promise<number>;
  showMessage(title: string, message: string, detail: string): Promise<void>;
  showError(title: string, message: string): void;
  /** The system's open dialog for one database file, starting in `folder`; null: cancelled. */
  chooseBackupFile(folder: string): Promise<string | null>;
  /** Shows the file selected in the file manager (shell.showItemInFolder). */
  showItemInFolder(file: string): void;
  /** Reloads the window, so every screen shows the restored data. */
  reloadRenderer(): void;
  /** Names the copy of a picked file (the real time unless a test sets it). */
  clock?: () => Date;
}

/** The restore question, in the Backups screen's words for a file instead of a listed date. */
export function restoreQuestion(file: string): Question {
  return {
    type: 'warning',
    title: 'Restore database',
    message: 'Restore this backup?',
    detail:
      `All current data will be replaced by the backup in ${file}. ` +
      'The current data will be kept as a backup first, so you can go back to it.',
    buttons: ['Restore', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  };
}

const RESTORE_BUTTON = 0;
const SHOW_IN_FOLDER_BUTTON = 0;

/** The data and backups folders, from app.info; null (and said so) when it fails. */
async function folders(
  deps: BackupMenuDeps,
  failure: string,
): Promise<Pick<AppInfo, 'dataDir' | 'backupDir'> | null> {
  const info = await deps.invoke('app.info', undefined);
  if (!info.ok) {
    deps.showError(failure, info.error.message);
    return null;
  }
  const { dataDir, backupDir } = info.value as AppInfo;
  return { dataDir, backupDir };
}

/** Backs the database up now and says where the copy is, offering to show it. */
export async function backUpDatabase(deps: BackupMenuDeps): Promise<void> {
  const created = await deps.invoke('backup.create', undefined);
  if (!created.ok) {
    deps.showError('The database could not be backed up', created.error.message);
    return;
  }
  const where = await folders(deps, 'The backup was made, but its folder is not known');
  if (!where) return;
  const file = path.join(where.backupDir, (created.value as BackupInfo).fileName);
  const answer = await deps.ask({
    type: 'info',
    title: 'Database backed up',
    message: 'The database was backed up.',
    detail: `The copy is ${file}.\nAdmin → Backups lists every backup and restores them.`,
    buttons: ['Show in folder', 'OK'],
    defaultId: 1,
    cancelId: 1,
  });
  if (answer === SHOW_IN_FOLDER_BUTTON) deps.showItemInFolder(file);
}

/**
 * Lets the administrator pick a backup (any folder; the backups folder first), verifies it is a
 * Trax Admin database this version can open, asks, restores it — keeping the replaced data as
 * a before-restore backup — and reloads the window. Any refusal is shown and changes nothing.
 */
export async function restoreDatabase(deps: BackupMenuDeps): Promise<void> {
  const where = await folders(deps, 'The database cannot be restored');
  if (!where) return;
  const { dataDir, backupDir } = where;
  const file = await deps.chooseBackupFile(backupDir);
  if (file === null) return;
  const cannot = (error: unknown) => deps.showError('This file cannot be restored', refusal(error));
  try {
    // Checked before asking, so nobody confirms a restore that cannot happen.
    verifyBackup(file);
  } catch (error) {
    return cannot(error);
  }
  if ((await deps.ask(restoreQuestion(file))) !== RESTORE_BUTTON) return;
  let fileName: string;
  try {
    fileName = stageForRestore(file, path.join(dataDir, DATABASE_FILE), deps.clock ?? now).backup
      .fileName;
  } catch (error) {
    return cannot(error);
  }
  const restored = await deps.invoke('backup.restore', { fileName });
  if (!restored.ok) {
    deps.showError('The backup could not be restored', restored.error.message);
    return;
  }
  deps.reloadRenderer();
  const { keptAs } = restored.value as RestoreOutcome;
  await deps.showMessage(
    'Database restored',
    'The backup was restored.',
    `Restored from ${file}.\nThe data it replaced was kept as ${keptAs.fileName} in ${backupDir}.`,
  );
}

const now = () => new Date();

/** What to tell the administrator about a file that cannot be restored. */
function refusal(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return `The file cannot be read${code ? ` (${code})` : ''}. Nothing was changed.`;
}
