/**
 * The preload: exposes one named function per contract channel as `window.traxAdmin`, plus the
 * shell's two desktop functions (menu commands in, exports out), and nothing else (never
 * ipcRenderer itself). Sandboxed preloads cannot load local modules, so
 * vite.preload.config.ts bundles this file into out/main/shell/preload.cjs.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type Channel } from '../contract.js';
import {
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  SAVE_FILE_CHANNEL,
  type DesktopBridge,
  type MenuCommand,
  type SaveFileRequest,
} from './desktop-channels.js';

const channels = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
) as Record<Channel, (input?: unknown) => Promise<unknown>>;

const desktop: DesktopBridge = {
  onMenuCommand(callback: (command: MenuCommand) => void) {
    // The page gets the command only, never the IPC event (it carries the sender object).
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
    return () => void ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
  },
  saveFile: (file: SaveFileRequest) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, file),
};

contextBridge.exposeInMainWorld('traxAdmin', { ...channels, ...desktop });
