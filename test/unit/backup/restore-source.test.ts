/**
 * Restoring from a file picked anywhere (File → Restore database…): the real app on a temporary
 * data folder, real database files outside it. A valid file is copied into the backups folder
 * and restored by name through `backup.restore`; the picked file is never written to; a file
 * that is not a Trax Admin database is refused before anything is written.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, DATABASE_FILE, type TraxApp } from '../../../src-main/app.js';
import type { BackupInfo, RestoreOutcome } from '../../../src-main/backup/channels.js';
import { stageForRestore } from '../../../src-main/backup/restore-source.js';
import { AppError } from '../../../src-main/errors.js';
import type { UserSearchPage } from '../../../src-main/roster/schemas.js';
import { fixedClock, tempDir } from '../db/temp-db.js';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

let folder: ReturnType<typeof tempDir> | undefined;
let app: TraxApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  folder?.cleanup();
});

function start() {
  folder = tempDir();
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  const dataDir = path.join(folder.dir, 'data');
  app = createApp({ dataDir, shell: 'electron', resourcesDir: RESOURCES, clock });
  const elsewhere = path.join(folder.dir, 'usb-stick');
  mkdirSync(elsewhere);
  return {
    trax: app,
    clock,
    databaseFile: path.join(dataDir, DATABASE_FILE),
    backups: path.join(dataDir, 'backups'),
    elsewhere,
  };
}

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const result = (await promise) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function frontDeskEmail(trax: TraxApp): Promise<string | undefined> {
  const page = await value<UserSearchPage>(trax.invoke('users.search', { query: 'FrontDesk' }));
  return page.rows.find((r) => r.userName === 'FrontDesk')?.email;
}

async function setFrontDeskEmail(trax: TraxApp, email: string): Promise<void> {
  const page = await value<UserSearchPage>(trax.invoke('users.search', { query: 'FrontDesk' }));
  const row = page.rows.find((r) => r.userName === 'FrontDesk');
  if (!row) throw new Error('FrontDesk is missing');
  const { userName, firstName, lastName, workPhone, status } = row;
  await value(
    trax.invoke('users.update', {
      id: row.id,
      profile: { userName, email, firstName, lastName, workPhone, status },
    }),
  );
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a file picked outside the backups folder', () => {
  it('is copied in, restored by name, and left untouched where it was', async () => {
    const { trax, clock, databaseFile, backups, elsewhere } = start();
    const made = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    const picked = path.join(elsewhere, 'friday.db');
    copyFileSync(path.join(backups, made.fileName), picked);
    const pickedHash = sha256(picked);
    await setFrontDeskEmail(trax, 'dana.front@maricopa-cares.org');

    clock.set('2026-03-01T11:00:00.000Z');
    const staged = stageForRestore(picked, databaseFile, clock);
    expect(staged).toMatchObject({
      copied: true,
      backup: { fileName: 'trax-admin-20260301T110000Z-restore-source.db' },
    });
    const outcome = await value<RestoreOutcome>(
      trax.invoke('backup.restore', { fileName: staged.backup.fileName }),
    );
    expect(await frontDeskEmail(trax)).toBe('frontdeskt@email.com');
    expect(outcome.keptAs.fileName).toBe('trax-admin-20260301T110000Z-before-restore.db');
    expect(readdirSync(backups).sort()).toEqual(
      [made.fileName, staged.backup.fileName, outcome.keptAs.fileName].sort(),
    );
    // The picked file: same bytes, no journal or WAL left beside it.
    expect(sha256(picked)).toBe(pickedHash);
    expect(readdirSync(elsewhere)).toEqual(['friday.db']);
  });
});

describe('a backup picked inside the backups folder', () => {
  it('is restored as it is, without another copy', async () => {
    const { trax, clock, databaseFile, backups } = start();
    const made = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    const staged = stageForRestore(path.join(backups, made.fileName), databaseFile, clock);
    expect(staged).toEqual({ backup: made, copied: false });
    expect(readdirSync(backups)).toEqual([made.fileName]);
  });
});

describe('a file that is not a Trax Admin database', () => {
  it.each([
    ['a text file', /not an SQLite database/],
    ['another application’s SQLite file', /no users table/],
    ['a database from a newer Trax Admin', /newer version/],
  ])('is refused (%s) and nothing is written', async (kind, why) => {
    const { trax, clock, databaseFile, backups, elsewhere } = start();
    const made = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    const picked = path.join(elsewhere, 'picked.db');
    if (kind === 'a text file') writeFileSync(picked, 'User Name,Email\nFrontDesk,x@y.z\n');
    else if (kind === 'a database from a newer Trax Admin') {
      copyFileSync(path.join(backups, made.fileName), picked);
      withDb(picked, (db) => db.pragma('user_version = 999'));
    } else withDb(picked, (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)'));
    const pickedHash = sha256(picked);

    let refused: unknown;
    try {
      stageForRestore(picked, databaseFile, clock);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(why) });
    expect(readdirSync(backups)).toEqual([made.fileName]);
    expect(sha256(picked)).toBe(pickedHash);
  });
});

function withDb(file: string, action: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(file);
  try {
    action(db);
  } finally {
    db.close();
  }
}
