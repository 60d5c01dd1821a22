import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ROOT } from '../app-root.js';
import { APP_ENTRY_URL, mainWindowOptions } from './policy.js';
import { askBeforeUnload } from './unload-guard.js';
import { loadWindowState, saveWindowState, type Area } from './window-state.js';

/** The window's icon on Linux and Windows (packaged apps also carry it in their installer). */
const WINDOW_ICON = path.join(APP_ROOT, 'resources', 'icon.png');

/** The displays' work areas, the primary display's first (window-state.ts falls back to it). */
function workAreas(): Area[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

/**
 * Opens the main window on the renderer, where and as large as it was last time (remembered in
 * `dataDir`, fitted to today's displays by window-state.ts). Security settings come from
 * policy.ts (tested there); `onShown` runs once the first paint is on screen. Closing it with
 * unsaved changes asks first (unload-guard.ts).
 */
export function createMainWindow(
  preloadPath: string,
  dataDir: string,
  onShown: () => void,
): BrowserWindow {
  const state = loadWindowState(dataDir, workAreas());
  const { maximized, ...bounds } = state;
  const window = new BrowserWindow({
    ...mainWindowOptions(preloadPath),
    ...bounds,
    icon: WINDOW_ICON,
  });
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
    onShown();
  });
  askBeforeUnload(window);
  window.on('close', () => {
    try {
      saveWindowState(dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      // Not remembering the size is no reason to keep the window from closing.
      console.error('The window size could not be saved:', error);
    }
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
