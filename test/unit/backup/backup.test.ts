import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { BackupInfo, RestoreOutcome } from '../../../src-main/backup/channels.js';
import { openDatabase } from '../../../src-main/db/connection.js';
import { latestVersion, MIGRATIONS_DIR } from '../../../src-main/db/migrate.js';
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
  app = createApp({ dataDir: folder.dir, shell: 'browser', resourcesDir: RESOURCES, clock });
  return { trax: app, clock, backups: path.join(folder.dir, 'backups'), dataDir: folder.dir };
}

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const result = (await promise) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function emailOf(trax: TraxApp, userName: string): Promise<string | undefined> {
  const page = await value<UserSearchPage>(trax.invoke('users.search', { query: userName }));
  return page.rows.find((r) => r.userName === userName)?.email;
}

async function setEmail(trax: TraxApp, userName: string, email: string): Promise<void> {
  const page = await value<UserSearchPage>(trax.invoke('users.search', { query: userName }));
  const row = page.rows.find((r) => r.userName === userName);
  if (!row) throw new Error(`${userName} is missing`);
  const { firstName, lastName, workPhone, status } = row;
  await value(
    trax.invoke('users.update', {
      id: row.id,
      profile: { userName, email, firstName, lastName, workPhone, status },
    }),
  );
}

describe('backing up', () => {
  it('creates a backup in <dataDir>/backups and lists backups newest first', async () => {
    const { trax, clock, backups } = start();
    expect(await value(trax.invoke('backup.list', undefined))).toEqual([]);
    const first = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    clock.set('2026-03-02T09:30:15.000Z');
    const second = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    expect(first).toMatchObject({
      fileName: 'trax-admin-20260301T100000Z-manual.db',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(second.sizeBytes).toBeGreaterThan(4096);
    expect(readdirSync(backups).sort()).toEqual([first.fileName, second.fileName].sort());
    expect(await value(trax.invoke('backup.list', undefined))).toEqual([second, first]);
    expect(readFileSync(path.join(backups, first.fileName)).subarray(0, 15).toString()).toBe(
      'SQLite format 3',
    );
  });

  it('tells app.info where data, logs and backups live, and logs the backup', async () => {
    const { trax, dataDir } = start();
    const created = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    expect(await value(trax.invoke('app.info', undefined))).toMatchObject({
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      backupDir: path.join(dataDir, 'backups'),
    });
    const log = readFileSync(path.join(dataDir, 'logs', 'trax-admin.log'), 'utf8');
    expect(log).toContain('"event":"started"');
    expect(log).toContain(created.fileName);
  });
});

describe('restoring', () => {
  it('brings back the backed-up data on every screen, keeps the replaced data, stays intact', async () => {
    const { trax, clock } = start();
    const before = await emailOf(trax, 'FrontDesk');
    const backup = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    await setEmail(trax, 'FrontDesk', 'dana.front@maricopa-cares.org');
    expect(await emailOf(trax, 'FrontDesk')).toBe('dana.front@maricopa-cares.org');

    clock.set('2026-03-01T11:00:00.000Z');
    const outcome = await value<RestoreOutcome>(
      trax.invoke('backup.restore', { fileName: backup.fileName }),
    );
    expect(outcome.restored).toEqual(backup);
    expect(outcome.keptAs.fileName).toBe('trax-admin-20260301T110000Z-before-restore.db');

    // The same open application (same connection, same repositories) reads the restored data.
    expect(await emailOf(trax, 'FrontDesk')).toBe(before);
    expect(app?.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app?.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    // ...and keeps writing to it.
    await setEmail(trax, 'FrontDesk', 'front.desk@maricopa-cares.org');
    expect(await emailOf(trax, 'FrontDesk')).toBe('front.desk@maricopa-cares.org');

    // The replaced data was kept: restoring it brings the edited address back.
    await value(trax.invoke('backup.restore', { fileName: outcome.keptAs.fileName }));
    expect(await emailOf(trax, 'FrontDesk')).toBe('dana.front@maricopa-cares.org');
    expect(app?.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('survives a restart after a restore', async () => {
    const { trax, dataDir } = start();
    const backup = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    await setEmail(trax, 'FrontDesk', 'dana.front@maricopa-cares.org');
    await value(trax.invoke('backup.restore', { fileName: backup.fileName }));
    trax.close();
    app = createApp({ dataDir, shell: 'browser', resourcesDir: RESOURCES });
    expect(await emailOf(app, 'FrontDesk')).toBe('frontdeskt@email.com');
  });

  it('refuses names that are not in the backups folder, paths included, changing nothing', async () => {
    const { trax, backups } = start();
    await value(trax.invoke('backup.create', undefined));
    for (const fileName of [
      '../trax-admin.db',
      path.join(backups, 'x.db'),
      'trax-admin.db',
      'trax-admin-20260301T100000Z-other.db',
    ]) {
      expect(await trax.invoke('backup.restore', { fileName })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(readdirSync(backups)).toHaveLength(1);
  });

  it('verifies a backup before touching anything: not SQLite, newer version, not Trax Admin', async () => {
    const { trax, backups } = start();
    const good = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    await setEmail(trax, 'FrontDesk', 'dana.front@maricopa-cares.org');

    writeFileSync(path.join(backups, 'trax-admin-20250101T000000Z-fake.db'), 'not a database');
    const newer = path.join(backups, 'trax-admin-20250102T000000Z-newer.db');
    copyFileSync(path.join(backups, good.fileName), newer);
    withDb(newer, (db) => db.pragma('user_version = 999'));
    const foreign = path.join(backups, 'trax-admin-20250103T000000Z-foreign.db');
    withDb(foreign, (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)'));

    for (const [name, why] of [
      ['trax-admin-20250101T000000Z-fake.db', /not an SQLite database/],
      ['trax-admin-20250102T000000Z-newer.db', /newer version/],
      ['trax-admin-20250103T000000Z-foreign.db', /no users table/],
    ] as const) {
      const result = await trax.invoke('backup.restore', { fileName: name });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(!result.ok && result.error.message).toMatch(why);
    }
    expect(await emailOf(trax, 'FrontDesk')).toBe('dana.front@maricopa-cares.org');
    expect(readdirSync(backups).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('brings a backup made by an older version up to this version', async () => {
    const { trax, backups } = start();
    const oldMigrations = path.join(folder?.dir ?? '', 'old-migrations');
    mkdirSync(oldMigrations);
    const first = readdirSync(MIGRATIONS_DIR).find((f) => f.startsWith('0001-'));
    if (!first) throw new Error('migration 0001 is missing');
    copyFileSync(path.join(MIGRATIONS_DIR, first), path.join(oldMigrations, first));
    const old = path.join(backups, 'trax-admin-20240101T000000Z-old.db');
    mkdirSync(backups, { recursive: true });
    openDatabase(old, { clock: fixedClock(), migrationsDir: oldMigrations }).close();

    await value(trax.invoke('backup.restore', { fileName: path.basename(old) }));
    expect(app?.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(app?.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const page = await value<UserSearchPage>(trax.invoke('users.search', { query: '' }));
    expect(page.rows).toEqual([]);
  });
});

describe('restoring while the application is busy', () => {
  const insertJob = `INSERT INTO mail_jobs
      (created_at, updated_at, subject, body, support_phone, support_email, status, total)
      VALUES ('2026-03-01', '2026-03-01', 's', 'b', '', '', 'running', 1)`;

  it('refuses while a bulk email is being sent, changing nothing', async () => {
    const { trax, backups } = start();
    const backup = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    await setEmail(trax, 'FrontDesk', 'dana.front@maricopa-cares.org');
    app?.db.exec(insertJob);
    const result = await trax.invoke('backup.restore', { fileName: backup.fileName });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/bulk email is being sent/);
    expect(await emailOf(trax, 'FrontDesk')).toBe('dana.front@maricopa-cares.org');
    expect(readdirSync(backups)).toEqual([backup.fileName]);
  });

  it('marks a job the backup recorded as running as interrupted, so nothing stays stuck', async () => {
    const { trax } = start();
    app?.db.exec(insertJob);
    const backup = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    app?.db.exec("UPDATE mail_jobs SET status = 'finished'");
    await value(trax.invoke('backup.restore', { fileName: backup.fileName }));
    expect(app?.db.prepare('SELECT status FROM mail_jobs').pluck().all()).toEqual(['interrupted']);
  });

  it('runs one restore at a time', async () => {
    const { trax } = start();
    const backup = await value<BackupInfo>(trax.invoke('backup.create', undefined));
    const [first, second] = await Promise.all([
      trax.invoke('backup.restore', { fileName: backup.fileName }),
      trax.invoke('backup.restore', { fileName: backup.fileName }),
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(app?.db.pragma('integrity_check', { simple: true })).toBe('ok');
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
