/**
 * The shell's desktop wiring under Node with a stand-in for the 'electron' module (its binary
 * cannot run on our machines): the save-file IPC handler answers only our main frame and never
 * takes a path; the menu bar reaches the renderer; the main window opens at its remembered
 * bounds with the checked web preferences. (Navigation, new windows and the unload question:
 * electron-window-guards.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_CHANNEL, SAVE_FILE_CHANNEL } from '../../src-main/shell/desktop-channels.js';
import { windowWebPreferences } from '../../src-main/shell/policy.js';
import { loadWindowState, saveWindowState } from '../../src-main/shell/window-state.js';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  saveDialogs: [] as unknown[],
  opened: [] as string[],
  appMenu: null as unknown,
  windows: [] as {
    options: Record<string, unknown>;
    events: Map<string, () => void>;
    loaded: string[];
  }[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) =>
      electron.handlers.set(channel, fn),
  },
  app: { getPath: () => '/home/admin/Documents' },
  dialog: {
    showSaveDialog: (...args: unknown[]) => {
      electron.saveDialogs.push(args);
      return Promise.resolve({ canceled: true });
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => (electron.appMenu = menu),
  },
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  },
  BrowserWindow: class {
    events = new Map<string, () => void>();
    loaded: string[] = [];
    webContents = { on: () => {} };
    constructor(readonly options: Record<string, unknown>) {
      electron.windows.push(this);
    }
    once(name: string, fn: () => void) {
      this.events.set(name, fn);
    }
    on(name: string, fn: () => void) {
      this.events.set(name, fn);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    getNormalBounds() {
      return { x: 300, y: 120, width: 1000, height: 700 };
    }
    isMaximized() {
      return true;
    }
  },
  shell: {
    openExternal: (url: string) => {
      electron.opened.push(url);
      return Promise.resolve();
    },
  },
}));

const mainFrame = { processId: 7, routingId: 1, url: 'app://trax/index.html' };

describe('the save-file IPC handler', () => {
  const window = { webContents: { mainFrame } };

  beforeEach(async () => {
    electron.handlers.clear();
    electron.saveDialogs.length = 0;
    const { registerSaveFile } = await import('../../src-main/shell/desktop-ipc.js');
    registerSaveFile(() => window as never);
  });

  it('refuses other frames before any dialog is shown', async () => {
    const handler = electron.handlers.get(SAVE_FILE_CHANNEL);
    for (const senderFrame of [
      null,
      { ...mainFrame, routingId: 9 },
      { ...mainFrame, url: 'https://evil.example/' },
    ]) {
      const result = await handler?.({ senderFrame }, { fileName: 'roster.csv', text: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(electron.saveDialogs).toEqual([]);
  });

  it('refuses a path as the name, and offers a plain name in Documents for our frame', async () => {
    const handler = electron.handlers.get(SAVE_FILE_CHANNEL);
    const refused = await handler?.(
      { senderFrame: mainFrame },
      { fileName: '../x.csv', text: 'x' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(electron.saveDialogs).toEqual([]);
    const cancelled = await handler?.(
      { senderFrame: mainFrame },
      { fileName: 'roster.csv', text: 'x' },
    );
    expect(cancelled).toEqual({ ok: true, value: { saved: false } });
    expect(electron.saveDialogs).toEqual([
      [
        window,
        expect.objectContaining({ defaultPath: path.join('/home/admin/Documents', 'roster.csv') }),
      ],
    ]);
  });
});

describe('the menu bar', () => {
  it('is installed, and Admin → Manage Users tells the window to show /users', async () => {
    const { installMenu } = await import('../../src-main/shell/menu.js');
    const sentToWindow: unknown[][] = [];
    const window = {
      isMinimized: () => false,
      focus: () => {},
      webContents: { send: (...args: unknown[]) => sentToWindow.push(args) },
    };
    installMenu(
      () => Promise.resolve({ ok: true, value: null }),
      () => window as never,
    );
    const { template } = electron.appMenu as { template: MenuItemConstructorOptions[] };
    const admin = template.find((m) => m.label === 'Admin')?.submenu;
    if (!Array.isArray(admin)) throw new Error('no Admin menu');
    admin.find((m) => m.label === 'Manage Users')?.click?.({} as never, undefined, {} as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sentToWindow).toEqual([[MENU_COMMAND_CHANNEL, { kind: 'navigate', route: '/users' }]]);

    electron.opened.length = 0;
    const help = template.find((m) => m.label === 'Help')?.submenu;
    if (!Array.isArray(help)) throw new Error('no Help menu');
    help
      .find((m) => m.label === 'nfocus.com support site')
      ?.click?.({} as never, undefined, {} as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.opened).toEqual(['https://www.nfocus.com/']);
  });
});

describe('the main window', () => {
  it('opens at the remembered bounds with the checked web preferences, and saves them on close', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-window-wiring-'));
    try {
      saveWindowState(dataDir, { x: 100, y: 80, width: 1100, height: 760, maximized: false });
      const { createMainWindow } = await import('../../src-main/shell/window.js');
      createMainWindow('/app/preload.cjs', dataDir, () => {});
      const opened = electron.windows.at(-1);
      expect(opened?.options).toMatchObject({
        x: 100,
        y: 80,
        width: 1100,
        height: 760,
        show: false,
        webPreferences: windowWebPreferences('/app/preload.cjs'),
      });
      expect(opened?.options).not.toHaveProperty('maximized');
      expect(opened?.loaded).toEqual(['app://trax/index.html']);
      opened?.events.get('close')?.();
      expect(loadWindowState(dataDir, [{ x: 0, y: 0, width: 1920, height: 1040 }])).toEqual({
        x: 300,
        y: 120,
        width: 1000,
        height: 700,
        maximized: true,
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
