import { dialog, Menu, shell, type BrowserWindow } from 'electron';
import type { Gateway } from '../gateway.js';
import { MENU_COMMAND_CHANNEL } from './desktop-channels.js';
import { saveThroughDialog } from './desktop-ipc.js';
import { runMenuAction } from './menu-actions.js';
import { openInBrowser } from './navigation.js';
import { menuSpec, toElectronTemplate } from './menu-template.js';

/**
 * Installs the native menus. What they hold is menu-template.ts's, what they do is
 * menu-actions.ts's (both tested); this only hands them Electron's dialogs and shell.
 */
export function installMenu(invoke: Gateway, mainWindow: () => BrowserWindow | null): void {
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
        const window = mainWindow();
        const options = { type: 'info' as const, title, message, detail, buttons: ['OK'] };
        await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
      },
      showError: (title, message) => dialog.showErrorBox(title, message),
      openPath: (folder) => shell.openPath(folder),
      openInBrowser,
    });
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
