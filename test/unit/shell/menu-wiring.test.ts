/**
 * The File menu's backup items as Electron wires them (shell/menu.ts), under Node with a
 * stand-in for the 'electron' module (its binary cannot run here) and the real app behind the
 * gateway: the native boxes and the open dialog open over the main window, "Show in folder"
 * reaches the file manager, and a restore reloads the window.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import { fixedClock, tempDir } from '../db/temp-db.js';

const electron = vi.hoisted(() => ({
  appMenu: null as unknown,
  boxes: [] as { parent: unknown; options: Record<string, unknown> }[],
  openDialogs: [] as { parent: unknown; options: Record<string, unknown> }[],
  /** What the stand-in boxes answer, in order (then the cancel button). */
  answers: [] as number[],
  picked: [] as string[],
  shown: [] as string[],
  errors: [] as string[],
}));

vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => (electron.appMenu = menu),
  },
  dialog: {
    showMessageBox: (parent: unknown, options: Record<string, unknown>) => {
      electron.boxes.push({ parent, options });
      return Promise.resolve({ response: electron.answers.shift() ?? options['cancelId'] ?? 0 });
    },
    showOpenDialog: (parent: unknown, options: Record<string, unknown>) => {
      electron.openDialogs.push({ parent, options });
      return Promise.resolve({ canceled: false, filePaths: electron.picked });
    },
    showErrorBox: (title: string, message: string) => electron.errors.push(`${title}: ${message}`),
  },
  shell: { showItemInFolder: (file: string) => electron.shown.push(file) },
}));

let folder: ReturnType<typeof tempDir>;
let app: TraxApp;
const reloads: number[] = [];
const window = {
  isMinimized: () => false,
  focus: () => {},
  webContents: { send: () => {}, reload: () => reloads.push(1) },
};

beforeEach(async () => {
  folder = tempDir('trax-menu-wiring-');
  app = createApp({
    dataDir: path.join(folder.dir, 'data'),
    shell: 'electron',
    clock: fixedClock('2026-03-01T10:00:00.000Z'),
  });
  const { installMenu } = await import('../../../src-main/shell/menu.js');
  installMenu(app.invoke, () => window as never);
});
afterEach(() => {
  app.close();
  folder.cleanup();
});

/** Chooses File → `label` as a click would (its work goes on in the background). */
function chooseFileMenuItem(label: string): void {
  const { template } = electron.appMenu as { template: MenuItemConstructorOptions[] };
  const file = template.find((m) => m.label === 'File')?.submenu;
  if (!Array.isArray(file)) throw new Error('no File menu');
  const entry = file.find((m) => m.label === label);
  if (!entry?.click) throw new Error(`no File → ${label}`);
  entry.click({} as never, undefined, {} as never);
}

it('Back up database… backs up, and Show in folder shows the copy', async () => {
  electron.answers = [0];
  chooseFileMenuItem('Back up database…');
  await vi.waitFor(() => expect(electron.shown).toHaveLength(1));
  const backups = path.join(folder.dir, 'data', 'backups');
  expect(readdirSync(backups)).toEqual(['trax-admin-20260301T100000Z-manual.db']);
  expect(electron.boxes[0]).toMatchObject({
    parent: window,
    options: { title: 'Database backed up', buttons: ['Show in folder', 'OK'] },
  });
  expect(electron.shown).toEqual([path.join(backups, 'trax-admin-20260301T100000Z-manual.db')]);
});

it('Restore database… opens in the backups folder, asks, restores and reloads', async () => {
  const backups = path.join(folder.dir, 'data', 'backups');
  const made = await app.invoke('backup.create', undefined);
  if (!made.ok) throw new Error('no backup');
  const elsewhere = path.join(folder.dir, 'elsewhere');
  mkdirSync(elsewhere);
  electron.picked = [path.join(elsewhere, 'copy.db')];
  copyFileSync(
    path.join(backups, (made.value as { fileName: string }).fileName),
    electron.picked[0] ?? '',
  );
  electron.boxes.length = 0;
  electron.answers = [0, 0];

  chooseFileMenuItem('Restore database…');
  await vi.waitFor(() => expect(electron.boxes).toHaveLength(2));
  expect(reloads).toHaveLength(1);
  expect(electron.openDialogs).toEqual([
    {
      parent: window,
      options: expect.objectContaining({ defaultPath: backups, properties: ['openFile'] }),
    },
  ]);
  expect(electron.boxes.map((b) => [b.parent, b.options['title']])).toEqual([
    [window, 'Restore database'],
    [window, 'Database restored'],
  ]);
  expect(readdirSync(backups).some((f) => f.endsWith('-before-restore.db'))).toBe(true);
  expect(electron.errors).toEqual([]);
});
