/**
 * The shell's own IPC, beside the contract: the menu telling the renderer what to show, and the
 * renderer asking main to save an export. Pure (no runtime 'electron' import): the preload bundles
 * it, the renderer imports its types, and test/security checks it under plain Node.
 */
import type { Result } from '../errors.js';

/** Main → renderer: a menu command (see {@link MenuCommand}). */
export const MENU_COMMAND_CHANNEL = 'trax-shell:menu-command';
/** Renderer → main: "save this export" ({@link SaveFileRequest}); main asks where. */
export const SAVE_FILE_CHANNEL = 'trax-shell:save-file';

/**
 * What a menu item asks of the renderer: show a screen (a hash route such as `/users`), focus
 * the Manage Users search box (Edit → Find users…, the same as Ctrl/Cmd+F in the page), or export
 * the users Manage Users shows (File → Export… → Roster: only the renderer knows its search,
 * filters and sort).
 */
export type MenuCommand =
  { kind: 'navigate'; route: string } | { kind: 'find' } | { kind: 'exportRoster' };

/** A suggested file name and the text to write; never a path. */
export interface SaveFileRequest {
  fileName: string;
  text: string;
}

/**
 * What the renderer learns of a save: the file written (its path, for "Saved to …"), or that the
 * administrator cancelled the dialog.
 */
export type SaveFileOutcome = { saved: true; filePath: string } | { saved: false };

/** The named functions the preload adds to `window.traxAdmin` beside the contract's channels. */
export interface DesktopBridge {
  /** Subscribes to menu commands; answers the function that unsubscribes. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Asks main to save an export through the system's save dialog. */
  saveFile(file: SaveFileRequest): Promise<Result<SaveFileOutcome>>;
}

/** The names {@link DesktopBridge} adds; the preload security spec expects exactly these. */
export const DESKTOP_BRIDGE_FUNCTIONS = ['onMenuCommand', 'saveFile'] as const;

/** Routes are hash paths of plain segments, e.g. `/mail/outbox` (nothing to inject). */
const ROUTE_PATTERN = /^(\/[a-z0-9-]+)+$/;

/** True for a well-formed {@link MenuCommand}; the preload forwards nothing else. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const kind: unknown = Reflect.get(value, 'kind');
  if (kind === 'find' || kind === 'exportRoster') return Object.keys(value).length === 1;
  if (kind !== 'navigate') return false;
  const route: unknown = Reflect.get(value, 'route');
  return (
    Object.keys(value).length === 2 &&
    typeof route === 'string' &&
    route.length <= 100 &&
    ROUTE_PATTERN.test(route)
  );
}
