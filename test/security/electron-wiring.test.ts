/**
 * The shell's IPC wiring and preload, run under Node with a stand-in for the 'electron' module
 * (its binary cannot run on our machines): one handler per contract channel that answers only
 * our main frame, and a preload that exposes named functions only — never ipcRenderer. (The
 * save-file handler, navigation, menu and window: electron-desktop-wiring.test.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-main/contract.js';
import type { Result } from '../../src-main/errors.js';
import {
  DESKTOP_BRIDGE_FUNCTIONS,
  MENU_COMMAND_CHANNEL,
  SAVE_FILE_CHANNEL,
  type DesktopBridge,
} from '../../src-main/shell/desktop-channels.js';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) =>
      electron.handlers.set(channel, fn),
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      electron.invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      const set = electron.listeners.get(channel) ?? new Set();
      electron.listeners.set(channel, set.add(listener));
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      electron.listeners.get(channel)?.delete(listener),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
}));

const mainFrame = { processId: 7, routingId: 1, url: 'app://trax/index.html' };

describe('IPC handlers', () => {
  const calls: [string, unknown][] = [];

  beforeEach(async () => {
    electron.handlers.clear();
    calls.length = 0;
    const { registerIpc } = await import('../../src-main/shell/ipc.js');
    registerIpc(
      (channel, input) => {
        calls.push([channel, input]);
        return Promise.resolve({ ok: true, value: 'ran' });
      },
      () => mainFrame as never,
    );
  });

  it('exist for exactly the contract channels', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('pass our main frame through to the gateway', async () => {
    const handler = electron.handlers.get('users.search');
    const result = await handler?.({ senderFrame: { ...mainFrame } }, { query: 'a' });
    expect(result).toEqual({ ok: true, value: 'ran' });
    expect(calls).toEqual([['users.search', { query: 'a' }]]);
  });

  it.each([
    ['no frame', null],
    ['a subframe', { ...mainFrame, routingId: 9 }],
    ['a frame on a web page', { ...mainFrame, url: 'https://evil.example/' }],
  ])('refuse %s without running anything', async (_name, senderFrame) => {
    for (const handler of electron.handlers.values()) {
      const result = (await handler({ senderFrame }, {})) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(calls).toEqual([]);
  });
});

describe('the preload', () => {
  it('exposes one function per channel and the two desktop functions, nothing else', async () => {
    await import('../../src-main/shell/preload.js');
    expect([...electron.exposed.keys()]).toEqual(['traxAdmin']);
    const api = electron.exposed.get('traxAdmin') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, ...DESKTOP_BRIDGE_FUNCTIONS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('on');
  });

  it('forwards a call to its own channel only', async () => {
    electron.invoked.length = 0;
    const api = electron.exposed.get('traxAdmin') as Record<string, (input: unknown) => unknown>;
    await api['users.get']?.({ id: 1 });
    expect(electron.invoked).toEqual([['users.get', { id: 1 }]]);
  });

  it('hands saveFile to the one save channel, unchanged', async () => {
    electron.invoked.length = 0;
    const api = electron.exposed.get('traxAdmin') as DesktopBridge;
    await api.saveFile({ fileName: 'roster.csv', text: 'a,b' });
    expect(electron.invoked).toEqual([
      [SAVE_FILE_CHANNEL, { fileName: 'roster.csv', text: 'a,b' }],
    ]);
  });

  it('passes well-formed menu commands to the page, without the IPC event, until unsubscribed', () => {
    const api = electron.exposed.get('traxAdmin') as DesktopBridge;
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args) => received.push(args));
    const emit = (command: unknown) => {
      const event = { sender: { send: () => {} }, senderFrame: null };
      for (const listener of electron.listeners.get(MENU_COMMAND_CHANNEL) ?? [])
        listener(event, command);
    };
    emit({ kind: 'navigate', route: '/users' });
    emit({ kind: 'find' });
    emit({ kind: 'navigate', route: 'javascript:alert(1)' });
    emit({ kind: 'navigate', route: '/users', extra: true });
    emit({ kind: 'eval', code: '1' });
    emit('find');
    emit({ kind: 'exportRoster' });
    emit({ kind: 'exportRoster', query: 'x' });
    expect(received).toEqual([
      [{ kind: 'navigate', route: '/users' }],
      [{ kind: 'find' }],
      [{ kind: 'exportRoster' }],
    ]);
    unsubscribe();
    emit({ kind: 'find' });
    expect(received).toHaveLength(3);
    expect(electron.listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
  });
});
