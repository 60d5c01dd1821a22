/**
 * File → Back up database… and File → Restore database…, with the real app behind the gateway
 * (a temp data folder, the demo roster) and real database files; only Electron's own parts — the
 * message boxes, the open dialog, the file manager and the window — are stand-ins that record
 * what they were asked and give the administrator's answer.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { BackupInfo } from '../../../src-main/backup/channels.js';
import type { UserSearchPage } from '../../../src-main/roster/schemas.js';
import { runMenuAction, type MenuActionDeps } from '../../../src-main/shell/menu-actions.js';
import type { Question } from '../../../src-main/shell/menu-backup.js';
import { fixedClock, tempDir } from '../db/temp-db.js';

let folder: ReturnType<typeof tempDir>;
let app: TraxApp;
let dataDir: string;
let backups: string;
let elsewhere: string;
let asked: Question[];
let answers: number[];
let picked: string | null;
let pickerFolders: string[];
let happened: string[];
let deps: MenuActionDeps;

beforeEach(() => {
  folder = tempDir('trax-menu-backup-');
  dataDir = path.join(folder.dir, 'data');
  backups = path.join(dataDir, 'backups');
  elsewhere = path.join(folder.dir, 'usb-stick');
  mkdirSync(elsewhere);
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  app = createApp({ dataDir, shell: 'electron', clock });
  [asked, answers, pickerFolders, happened] = [[], [], [], []];
  picked = null;
  const refuse = () => Promise.reject(new Error('not part of this test'));
  deps = {
    invoke: app.invoke,
    clock,
    ask: (question) => {
      asked.push(question);
      return Promise.resolve(answers.shift() ?? question.cancelId);
    },
    showMessage: (title, message, detail) => {
      happened.push(`message ${title}|${message}|${detail}`);
      return Promise.resolve();
    },
    showError: (title, message) => void happened.push(`error ${title}: ${message}`),
    chooseBackupFile: (start) => {
      pickerFolders.push(start);
      return Promise.resolve(picked);
    },
    showItemInFolder: (file) => void happened.push(`show ${file}`),
    reloadRenderer: () => void happened.push('reload'),
    sendToRenderer: () => void happened.push('renderer'),
    saveFile: refuse,
    openPath: refuse,
    openInBrowser: refuse,
  };
});
afterEach(() => {
  app.close();
  folder.cleanup();
});

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const result = (await promise) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function frontDeskEmail(): Promise<string | undefined> {
  const page = await value<UserSearchPage>(app.invoke('users.search', { query: 'FrontDesk' }));
  return page.rows.find((r) => r.userName === 'FrontDesk')?.email;
}

async function setFrontDeskEmail(email: string): Promise<void> {
  const page = await value<UserSearchPage>(app.invoke('users.search', { query: 'FrontDesk' }));
  const row = page.rows.find((r) => r.userName === 'FrontDesk');
  if (!row) throw new Error('FrontDesk is missing');
  const { userName, firstName, lastName, workPhone, status } = row;
  await value(
    app.invoke('users.update', {
      id: row.id,
      profile: { userName, email, firstName, lastName, workPhone, status },
    }),
  );
}

/** A backup of today's data, copied out of the data folder, then the data changed. */
async function backupOnAStick(): Promise<string> {
  const made = await value<BackupInfo>(app.invoke('backup.create', undefined));
  const file = path.join(elsewhere, 'before-the-import.db');
  copyFileSync(path.join(backups, made.fileName), file);
  await setFrontDeskEmail('dana.front@maricopa-cares.org');
  return file;
}

describe('File → Back up database…', () => {
  it('backs up now, says where, and shows the copy in its folder when asked', async () => {
    answers = [0];
    await runMenuAction({ kind: 'backUpDatabase' }, deps);
    const file = path.join(backups, 'trax-admin-20260301T100000Z-manual.db');
    expect(readdirSync(backups)).toEqual([path.basename(file)]);
    expect(asked).toEqual([
      expect.objectContaining({
        title: 'Database backed up',
        detail: expect.stringContaining(file),
        buttons: ['Show in folder', 'OK'],
        cancelId: 1,
      }),
    ]);
    expect(happened).toEqual([`show ${file}`]);
  });

  it('shows nothing more on OK', async () => {
    answers = [1];
    await runMenuAction({ kind: 'backUpDatabase' }, deps);
    expect(readdirSync(backups)).toHaveLength(1);
    expect(happened).toEqual([]);
  });
});

describe('File → Restore database…', () => {
  it('restores a file picked anywhere after asking, keeps the replaced data, reloads', async () => {
    picked = await backupOnAStick();
    answers = [0];
    await runMenuAction({ kind: 'restoreDatabase' }, deps);

    expect(pickerFolders).toEqual([backups]);
    expect(asked).toEqual([
      expect.objectContaining({
        title: 'Restore database',
        message: 'Restore this backup?',
        detail: expect.stringContaining(picked),
        buttons: ['Restore', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      }),
    ]);
    expect(await frontDeskEmail()).toBe('frontdeskt@email.com');
    const kept = readdirSync(backups).filter((f) => f.endsWith('-before-restore.db'));
    expect(kept).toEqual(['trax-admin-20260301T100000Z-before-restore.db']);
    expect(readdirSync(backups)).toContain('trax-admin-20260301T100000Z-restore-source.db');
    expect(happened).toEqual([
      'reload',
      expect.stringMatching(/^message Database restored\|The backup was restored\.\|/),
    ]);
    expect(happened[1]).toContain(kept[0]);

    // The kept data really is the replaced data: restoring it brings the edit back.
    picked = path.join(backups, kept[0] ?? '');
    answers = [0];
    await runMenuAction({ kind: 'restoreDatabase' }, deps);
    expect(await frontDeskEmail()).toBe('dana.front@maricopa-cares.org');
  });

  it('changes nothing when the administrator cancels the question', async () => {
    picked = await backupOnAStick();
    const before = readdirSync(backups);
    answers = [1];
    await runMenuAction({ kind: 'restoreDatabase' }, deps);
    expect(asked).toHaveLength(1);
    expect(await frontDeskEmail()).toBe('dana.front@maricopa-cares.org');
    expect(readdirSync(backups)).toEqual(before);
    expect(happened).toEqual([]);
  });

  it('does nothing when no file is picked', async () => {
    picked = null;
    await runMenuAction({ kind: 'restoreDatabase' }, deps);
    expect(pickerFolders).toEqual([backups]);
    expect(asked).toEqual([]);
    expect(happened).toEqual([]);
    expect(existsSync(backups)).toBe(false);
  });

  it.each([
    ['a CSV export', (file: string) => writeFileSync(file, 'User Name,Email\n'), /not an SQLite/],
    ['a folder', (file: string) => mkdirSync(file), /cannot be read/],
  ])('refuses %s before asking anything, and changes nothing', async (_what, make, why) => {
    await setFrontDeskEmail('dana.front@maricopa-cares.org');
    picked = path.join(elsewhere, 'roster.db');
    make(picked);
    await runMenuAction({ kind: 'restoreDatabase' }, deps);
    expect(asked).toEqual([]);
    expect(happened).toEqual([expect.stringMatching(/^error This file cannot be restored: /)]);
    expect(happened[0]).toMatch(why);
    expect(happened[0]).toMatch(/Nothing was changed\.$/);
    expect(await frontDeskEmail()).toBe('dana.front@maricopa-cares.org');
    expect(existsSync(backups)).toBe(false);
  });
});
