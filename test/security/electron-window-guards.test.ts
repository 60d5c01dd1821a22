/**
 * The guards the shell puts on its web contents, run under Node with a stand-in for the
 * 'electron' module (its binary cannot run on our machines), by calling the handlers the shell
 * really installs: closing the window with unsaved changes asks the renderer's own leave
 * question; new windows are always denied (an allowlisted https link opens in the system browser
 * instead); navigation and redirects stay on app://; webviews are never attached.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: { preventDefault(): void }, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  opened: [] as string[],
  messageBoxes: [] as { parent: unknown; options: Record<string, unknown> }[],
  /** The button index the stand-in message box answers. */
  answer: 0,
  windows: [] as {
    webContents: { listeners: Map<string, Listener[]> };
    events: Map<string, () => void>;
  }[],
}));

vi.mock('electron', () => {
  class WebContentsStandIn {
    listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
  }
  return {
    dialog: {
      showMessageBoxSync: (parent: unknown, options: Record<string, unknown>) => {
        electron.messageBoxes.push({ parent, options });
        return electron.answer;
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    BrowserWindow: class {
      webContents = new WebContentsStandIn();
      events = new Map<string, () => void>();
      constructor() {
        electron.windows.push(this);
      }
      once(name: string, fn: () => void) {
        this.events.set(name, fn);
      }
      on(name: string, fn: () => void) {
        this.events.set(name, fn);
      }
      loadURL() {
        return Promise.resolve();
      }
    },
    shell: {
      openExternal: (url: string) => {
        electron.opened.push(url);
        return Promise.resolve();
      },
    },
  };
});

/** Fires `name` on the listeners registered for it; answers whether one prevented it. */
function emit(listeners: Map<string, Listener[]>, name: string, ...args: unknown[]): boolean {
  const registered = listeners.get(name) ?? [];
  if (registered.length === 0) throw new Error(`nothing listens to ${name}`);
  let prevented = false;
  for (const listener of registered)
    listener({ preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

beforeEach(() => {
  electron.opened.length = 0;
  electron.messageBoxes.length = 0;
});

describe('closing the window with unsaved changes', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-unload-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function openWindow() {
    const { createMainWindow } = await import('../../src-main/shell/window.js');
    const window = createMainWindow('/app/preload.cjs', dataDir, () => {});
    const standIn = electron.windows.at(-1);
    if (!standIn) throw new Error('no window was created');
    return { window, listeners: standIn.webContents.listeners };
  }

  it('asks the renderer’s leave question, and Discard changes lets the window close', async () => {
    const { window, listeners } = await openWindow();
    electron.answer = 0;
    expect(emit(listeners, 'will-prevent-unload')).toBe(true);
    expect(electron.messageBoxes).toEqual([
      {
        parent: window,
        options: expect.objectContaining({
          title: 'Leave without saving?',
          detail: 'You have changes that are not saved. If you leave now, they will be lost.',
          buttons: ['Discard changes', 'Stay on this page'],
        }),
      },
    ]);
  });

  it('Stay on this page (also the default and Escape) keeps the window open', async () => {
    const { listeners } = await openWindow();
    electron.answer = 1;
    expect(emit(listeners, 'will-prevent-unload')).toBe(false);
    expect(electron.messageBoxes[0]?.options).toMatchObject({ defaultId: 1, cancelId: 1 });
  });

  it('uses the very words of the renderer’s own leave dialog', async () => {
    const { LEAVE_QUESTION } = await import('../../src-main/shell/unload-guard.js');
    const app = readFileSync('src-renderer/App.svelte', 'utf8');
    expect(app).toContain(`title="${LEAVE_QUESTION.title}"`);
    expect(app).toContain(`message="${LEAVE_QUESTION.message}"`);
    expect(app).toContain(`confirmLabel="${LEAVE_QUESTION.leave}"`);
    expect(app).toContain(`cancelLabel="${LEAVE_QUESTION.stay}"`);
  });
});

describe('the navigation guards', () => {
  let listeners: Map<string, Listener[]>;
  let openHandler: ((details: { url: string }) => unknown) | undefined;

  beforeEach(async () => {
    listeners = new Map();
    openHandler = undefined;
    const contents = {
      on: (name: string, fn: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), fn]),
      setWindowOpenHandler: (fn: (details: { url: string }) => unknown) => (openHandler = fn),
    };
    const { guardNavigation } = await import('../../src-main/shell/navigation.js');
    guardNavigation(contents as never);
  });

  /** Lets the handlers' fire-and-forget openExternal calls settle. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('deny every new window, and open only allowlisted https links in the system browser', async () => {
    if (!openHandler) throw new Error('no window-open handler was installed');
    for (const url of [
      'https://www.nfocus.com/',
      'https://traxsolutions.com/help',
      'http://www.nfocus.com/',
      'https://nfocus.com.evil.example/',
      'https://user:pw@www.nfocus.com/',
      'app://trax/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(openHandler({ url }), url).toEqual({ action: 'deny' });
    }
    await settle();
    expect(electron.opened).toEqual(['https://www.nfocus.com/', 'https://traxsolutions.com/help']);
  });

  it('prevent navigation away from app://, opening only the support site in the browser', async () => {
    const urls = [
      'https://www.nfocus.com/',
      'https://evil.example/',
      'file:///etc/passwd',
      'app://trax/index.html',
      'app://trax/index.html#/users',
    ];
    const prevented = urls.filter((url) => emit(listeners, 'will-navigate', url));
    expect(prevented).toEqual([
      'https://www.nfocus.com/',
      'https://evil.example/',
      'file:///etc/passwd',
    ]);
    await settle();
    expect(electron.opened).toEqual(['https://www.nfocus.com/']);
  });

  it('prevent redirects off app://, and open nothing for them', async () => {
    const urls = [
      'https://www.nfocus.com/',
      'https://evil.example/',
      'app://evil/index.html',
      'data:text/html,hi',
      'app://trax/index.html',
    ];
    const prevented = urls.filter((url) => emit(listeners, 'will-redirect', url));
    expect(prevented).toEqual(urls.slice(0, 4));
    await settle();
    expect(electron.opened).toEqual([]);
  });

  it('refuse to attach any webview', () => {
    const webPreferences = {};
    expect(
      emit(listeners, 'will-attach-webview', webPreferences, { src: 'app://trax/index.html' }),
    ).toBe(true);
    expect(emit(listeners, 'will-attach-webview', webPreferences, { src: 'https://x/' })).toBe(
      true,
    );
  });
});
