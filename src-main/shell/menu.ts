import { dialog, Menu, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { Gateway } from '../gateway.js';
import { MENU_COMMAND_CHANNEL } from './desktop-channels.js';
import { saveThroughDialog } from './desktop-ipc.js';
import { runMenuAction } from './menu-actions.js';
import { openInBrowser } from './navigation.js';
import { menuSpec, toElectronTemplate } from './menu-template.js';

/**
 * Installs the native menus. What they hold is menu-template.ts's, what they do is
 * menu-actions.ts's and menu-backup.ts's (all tested); this only hands them Electron's dialogs,
 * shell and window.
 */
export function installMenu(invoke: Gateway, mainWindow: () => BrowserWindow | null): void {
  /** A message box over the window (or alone, when there is none); answers the button index. */
  async function showBox(options: MessageBoxOptions): Promise<number> {
    const window = mainWindow();
    const answer = await (window
      ? dialog.showMessageBox(window, options)
      : dialog.showMessageBox(options));
    return answer.response;
  }

  const template = toElectronTemplate(menuSpec(process.platform), (action) => {
    void runMenuAction(action, {
      invoke,
      sendToRenderer(command) {
        const window = mainWindow();
        if (!window) return;
        if (window.isMinimized()) window.restore();
        window.focus();
        window.webContents.send(MENU_COMMAND_CHANNEL, command);
      },
      saveFile: (file) => saveThroughDialog(mainWindow(), file),
      async showMessage(title, message, detail) {
        await showBox({ type: 'info', title, message, detail, buttons: ['OK'] });
      },
      ask: (question) => showBox({ ...question, noLink: true }),
      showError: (title, message) => dialog.showErrorBox(title, message),
      async chooseBackupFile(folder) {
        const window = mainWindow();
        const options = {
          title: 'Restore database',
          defaultPath: folder,
          buttonLabel: 'Restore…',
          properties: ['openFile' as const],
          filters: [
            { name: 'Trax Admin database', extensions: ['db'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const choice = await (window
          ? dialog.showOpenDialog(window, options)
          : dialog.showOpenDialog(options));
        return choice.canceled ? null : (choice.filePaths[0] ?? null);
      },
      showItemInFolder: (file) => shell.showItemInFolder(file),
      reloadRenderer: () => mainWindow()?.webContents.reload(),
      openPath: (folder) => shell.openPath(folder),
      openInBrowser,
    });
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
