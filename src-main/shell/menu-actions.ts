/**
 * Carries out a chosen menu item. Pure: everything Electron does (send to the window, dialogs,
 * opening folders and links) arrives as a function, so the decisions — which export, which
 * folder, which links may open — are tested under plain Node.
 */
import type { Result } from '../errors.js';
import { APP_VERSION } from '../version.js';
import type { MenuCommand, SaveFileOutcome } from './desktop-channels.js';
import { backUpDatabase, restoreDatabase, type BackupMenuDeps } from './menu-backup.js';
import type { MenuAction } from './menu-template.js';
import { isAllowedExternalUrl } from './policy.js';

/** What the menu needs from main and from Electron (the backup items' needs included). */
export interface MenuActionDeps extends BackupMenuDeps {
  /** The gateway (src-main/gateway.ts): the same validated channels the renderer calls. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Sends a command to the main window's renderer (brought to the front first). */
  sendToRenderer(command: MenuCommand): void;
  /** Validates and saves an export through the save dialog (save-file.ts's saveExport). */
  saveFile(file: unknown): Promise<Result<SaveFileOutcome>>;
  showMessage(title: string, message: string, detail: string): Promise<void>;
  showError(title: string, message: string): void;
  /** Opens a folder in the file manager; answers an error message, '' on success (shell.openPath). */
  openPath(folder: string): Promise<string>;
  /** Opens a web page in the system browser (navigation.ts's openInBrowser, allowlisted). */
  openInBrowser(url: string): Promise<void>;
}

function logDirOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const logDir: unknown = Reflect.get(value, 'logDir');
  return typeof logDir === 'string' && logDir !== '' ? logDir : null;
}

/** The About box's text. */
export function aboutText(version: string = APP_VERSION): { message: string; detail: string } {
  return {
    message: `Trax Admin ${version}`,
    detail:
      'Manage the email addresses and two-factor sign-in of TraxSolutions users.\n' +
      'Data, backups and logs are kept in the data folder on this workstation.',
  };
}

/** Runs `action`; failures are shown in an error box, never thrown. */
export async function runMenuAction(action: MenuAction, deps: MenuActionDeps): Promise<void> {
  switch (action.kind) {
    case 'renderer':
      deps.sendToRenderer(action.command);
      return;
    case 'export': {
      // The roster export is what Manage Users shows: the renderer holds its search and sort.
      if (action.channel === 'io.exportRoster') {
        deps.sendToRenderer({ kind: 'exportRoster' });
        return;
      }
      const file = await deps.invoke(action.channel, {});
      const saved = file.ok ? await deps.saveFile(file.value) : file;
      if (!saved.ok) deps.showError('The export could not be saved', saved.error.message);
      return;
    }
    case 'backUpDatabase':
      return backUpDatabase(deps);
    case 'restoreDatabase':
      return restoreDatabase(deps);
    case 'about': {
      const { message, detail } = aboutText();
      await deps.showMessage('About Trax Admin', message, detail);
      return;
    }
    case 'openLogFolder': {
      const info = await deps.invoke('app.info', undefined);
      const logDir = info.ok ? logDirOf(info.value) : null;
      const problem = logDir ? await deps.openPath(logDir) : 'The log folder is not known.';
      if (problem) deps.showError('The log folder could not be opened', problem);
      return;
    }
    case 'openExternal':
      // The same allowlist as links in the page: https to the guide's own sites only.
      if (isAllowedExternalUrl(action.url)) await deps.openInBrowser(action.url);
      return;
  }
}
