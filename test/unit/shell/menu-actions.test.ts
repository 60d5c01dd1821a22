/**
 * What the menu items do, with the real app behind the gateway (a temp data folder, the demo
 * roster) and real files; only Electron's own parts — the window, dialogs, the file manager and
 * the system browser — are stand-ins recording what they were asked.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import { APP_VERSION } from '../../../src-main/version.js';
import type { MenuCommand } from '../../../src-main/shell/desktop-channels.js';
import { runMenuAction, type MenuActionDeps } from '../../../src-main/shell/menu-actions.js';
import { flattenMenu, menuSpec, SUPPORT_SITE_URL } from '../../../src-main/shell/menu-template.js';
import { saveExport } from '../../../src-main/shell/save-file.js';

let dir: string;
let app: TraxApp;
let sent: MenuCommand[];
let messages: string[];
let errors: string[];
let opened: string[];
let external: string[];
let deps: MenuActionDeps;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'trax-menu-'));
  app = createApp({ dataDir: path.join(dir, 'data'), shell: 'electron' });
  [sent, messages, errors, opened, external] = [[], [], [], [], []];
  deps = {
    invoke: app.invoke,
    sendToRenderer: (command) => sent.push(command),
    saveFile: (file) =>
      saveExport(file, {
        choosePath: (fileName) => Promise.resolve(path.join(dir, fileName)),
        write: (filePath, text) => writeFile(filePath, text, 'utf8'),
      }),
    showMessage: (title, message, detail) => {
      messages.push(`${title}|${message}|${detail}`);
      return Promise.resolve();
    },
    showError: (title, message) => void errors.push(`${title}: ${message}`),
    openPath: (folder) => {
      opened.push(folder);
      return Promise.resolve('');
    },
    openInBrowser: (url) => {
      external.push(url);
      return Promise.resolve();
    },
    // The backup items' dialogs: menu-backup.test.ts.
    ask: () => Promise.reject(new Error('no question expected')),
    chooseBackupFile: () => Promise.reject(new Error('no file dialog expected')),
    showItemInFolder: () => {},
    reloadRenderer: () => {},
  };
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

function actionOf(label: string) {
  const action = flattenMenu(menuSpec('linux')).find((i) => i.label === label)?.action;
  if (!action) throw new Error(`no action for ${label}`);
  return action;
}

describe('menu actions', () => {
  it('Admin → Manage Users tells the renderer to show /users', async () => {
    await runMenuAction(actionOf('Manage Users'), deps);
    expect(sent).toEqual([{ kind: 'navigate', route: '/users' }]);
  });

  it('File → Export… → Roster asks the renderer: only Manage Users knows its search and sort', async () => {
    await runMenuAction(actionOf('Roster'), deps);
    expect(sent).toEqual([{ kind: 'exportRoster' }]);
    expect(errors).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.csv'))).toEqual([]);
  });

  it('File → Export… → Readiness report saves the CSV through the save dialog', async () => {
    await runMenuAction(actionOf('Readiness report'), deps);
    expect(errors).toEqual([]);
    const exported = await app.invoke('io.exportReadiness', {});
    if (!exported.ok) throw new Error('export failed');
    const { fileName, text } = exported.value as { fileName: string; text: string };
    expect(readFileSync(path.join(dir, fileName), 'utf8')).toBe(text);
    expect(text).toContain('FrontDesk');
  });

  it('File → Export… → Changes since last sync saves too', async () => {
    await runMenuAction(actionOf('Changes since last sync'), deps);
    expect(errors).toEqual([]);
  });

  it('shows an error box when the export cannot be saved', async () => {
    await runMenuAction(actionOf('Readiness report'), {
      ...deps,
      saveFile: (file) =>
        saveExport(file, {
          choosePath: () => Promise.resolve(path.join(dir, 'missing-folder', 'x.csv')),
          write: (filePath, text) => writeFile(filePath, text, 'utf8'),
        }),
    });
    expect(errors).toEqual([
      expect.stringMatching(/^The export could not be saved: The file could not be saved: /),
    ]);
  });

  it('Help → Open log folder opens the log folder app.info names', async () => {
    await runMenuAction(actionOf('Open log folder'), deps);
    expect(opened).toEqual([path.join(dir, 'data', 'logs')]);
    expect(errors).toEqual([]);
  });

  it('says so when the file manager cannot open the folder', async () => {
    await runMenuAction(actionOf('Open log folder'), {
      ...deps,
      openPath: () => Promise.resolve('No application is associated with folders.'),
    });
    expect(errors).toEqual([
      'The log folder could not be opened: No application is associated with folders.',
    ]);
  });

  it('Help → About shows the version', async () => {
    await runMenuAction(actionOf('About'), deps);
    expect(messages).toEqual([expect.stringContaining(`|Trax Admin ${APP_VERSION}|`)]);
  });

  it('opens the support site in the system browser, and never a site off the allowlist', async () => {
    await runMenuAction(actionOf('nfocus.com support site'), deps);
    expect(external).toEqual([SUPPORT_SITE_URL]);
    for (const url of [
      'http://www.nfocus.com/',
      'https://nfocus.com.evil.example/',
      'file:///etc',
    ]) {
      await runMenuAction({ kind: 'openExternal', url }, deps);
    }
    expect(external).toEqual([SUPPORT_SITE_URL]);
  });
});
