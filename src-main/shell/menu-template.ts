/**
 * The native menus as data: labels, accelerators and what each item does. Pure (only Electron's
 * types), so test/unit/shell checks every label, shortcut and route under plain Node; menu.ts
 * only builds it and carries out the actions.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './desktop-channels.js';

/** The exports File → Export… offers; main runs the channel and saves through a dialog. */
export type ExportChannel = 'io.exportRoster' | 'io.exportReadiness' | 'io.exportChanges';

/** The guide's support site, opened in the system browser (allowlisted in policy.ts). */
export const SUPPORT_SITE_URL = 'https://www.nfocus.com/';

/** What choosing a menu item does. */
export type MenuAction =
  /** Sent to the renderer: show a screen, or focus the search box. */
  | { kind: 'renderer'; command: MenuCommand }
  /** Run an export channel with its defaults and save the file through a save dialog. */
  | { kind: 'export'; channel: ExportChannel }
  /** Back the database up now and say where the copy is (menu-backup.ts). */
  | { kind: 'backUpDatabase' }
  /** Pick a backup file, verify it, ask, restore it and reload the window (menu-backup.ts). */
  | { kind: 'restoreDatabase' }
  | { kind: 'about' }
  | { kind: 'openLogFolder' }
  | { kind: 'openExternal'; url: string };

/** One menu entry: a separator, a built-in role, or a labelled item with an action or submenu. */
export interface MenuSpecItem {
  label?: string;
  type?: 'separator';
  role?: MenuItemConstructorOptions['role'];
  accelerator?: string;
  /**
   * False when the page itself handles the shortcut (Ctrl/Cmd+F in both shells): the menu shows
   * it without taking the key away from the renderer.
   */
  registerAccelerator?: boolean;
  action?: MenuAction;
  submenu?: MenuSpecItem[];
}

const separator: MenuSpecItem = { type: 'separator' };

function go(label: string, route: string, accelerator?: string): MenuSpecItem {
  const item: MenuSpecItem = {
    label,
    action: { kind: 'renderer', command: { kind: 'navigate', route } },
  };
  if (accelerator) item.accelerator = accelerator;
  return item;
}

function exportItem(label: string, channel: ExportChannel): MenuSpecItem {
  return { label, action: { kind: 'export', channel } };
}

const quit: MenuSpecItem = { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' };

/** The menu bar for `platform` (`process.platform`). macOS puts Quit in the application menu. */
export function menuSpec(platform: NodeJS.Platform): MenuSpecItem[] {
  const mac = platform === 'darwin';
  const appMenu: MenuSpecItem = {
    label: 'Trax Admin',
    submenu: [
      { label: 'About Trax Admin', action: { kind: 'about' } },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      quit,
    ],
  };
  const file: MenuSpecItem = {
    label: 'File',
    submenu: [
      go('Import roster…', '/import'),
      {
        label: 'Export…',
        submenu: [
          exportItem('Roster', 'io.exportRoster'),
          exportItem('Readiness report', 'io.exportReadiness'),
          exportItem('Changes since last sync', 'io.exportChanges'),
        ],
      },
      separator,
      // Both act at once through native dialogs; the Backups screen (Admin) lists the copies.
      { label: 'Back up database…', action: { kind: 'backUpDatabase' } },
      { label: 'Restore database…', action: { kind: 'restoreDatabase' } },
      ...(mac ? [] : [separator, quit]),
    ],
  };
  // Without the edit roles, copy and paste do not work in text fields on macOS.
  const edit: MenuSpecItem = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      {
        label: 'Find users…',
        accelerator: 'CmdOrCtrl+F',
        registerAccelerator: false,
        action: { kind: 'renderer', command: { kind: 'find' } },
      },
    ],
  };
  // Zoom keeps text resizable to 200 % (WCAG 1.4.4) in the desktop window too.
  const view: MenuSpecItem = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const admin: MenuSpecItem = {
    label: 'Admin',
    submenu: [
      go('Manage Users', '/users'),
      go('Readiness', '/readiness'),
      go('Outbox', '/mail/outbox'),
      go('Settings', '/settings/email'),
      go('Backups', '/backups'),
    ],
  };
  const simulator: MenuSpecItem = {
    label: 'Simulator',
    submenu: [go('Login page', '/simulator'), go('Two-factor settings', '/settings/two-factor')],
  };
  const help: MenuSpecItem = {
    label: 'Help',
    role: 'help',
    submenu: [
      go('More Information', '/simulator/faq', 'F1'),
      { label: 'nfocus.com support site', action: { kind: 'openExternal', url: SUPPORT_SITE_URL } },
      separator,
      { label: 'Open log folder', action: { kind: 'openLogFolder' } },
      separator,
      { label: 'About', action: { kind: 'about' } },
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, admin, simulator, help];
}

/** Every item of `spec`, submenus included, depth first. */
export function flattenMenu(spec: readonly MenuSpecItem[]): MenuSpecItem[] {
  return spec.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}

/** Electron's template for `spec`: each item with an action calls `run` with it when chosen. */
export function toElectronTemplate(
  spec: readonly MenuSpecItem[],
  run: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  return spec.map((item) => {
    const { action, submenu, ...rest } = item;
    const options: MenuItemConstructorOptions = { ...rest };
    if (submenu) options.submenu = toElectronTemplate(submenu, run);
    if (action) options.click = () => run(action);
    return options;
  });
}
