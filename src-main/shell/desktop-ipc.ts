import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import type { Result } from '../errors.js';
import { SAVE_FILE_CHANNEL, type SaveFileOutcome } from './desktop-channels.js';
import { isTrustedSender, REFUSED_SENDER } from './policy.js';
import { saveDialogFilters, saveExport } from './save-file.js';

/**
 * Saves an export through the system's save dialog, suggesting the name in Documents. The checks
 * and the write's outcome are save-file.ts's; this adds only the dialog.
 */
export function saveThroughDialog(
  window: BrowserWindow | null,
  file: unknown,
): Promise<Result<SaveFileOutcome>> {
  return saveExport(file, {
    async choosePath(fileName) {
      const options = {
        title: 'Save export',
        defaultPath: path.join(app.getPath('documents'), fileName),
        filters: saveDialogFilters(fileName),
      };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    write: (filePath, text) => writeFile(filePath, text, 'utf8'),
  });
}

/**
 * The renderer's `traxAdmin.saveFile`: answered only for our main frame, like the contract's
 * channels (ipc.ts).
 */
export function registerSaveFile(mainWindow: () => BrowserWindow | null): void {
  ipcMain.handle(SAVE_FILE_CHANNEL, (event, file: unknown) => {
    const window = mainWindow();
    if (!isTrustedSender(event.senderFrame, window?.webContents.mainFrame ?? null)) {
      return REFUSED_SENDER;
    }
    return saveThroughDialog(window, file);
  });
}
