/**
 * Manage Users' readiness filter, badges and last test emails through the real app and gateway
 * on the demo roster (the guide's users among 150 others): what the dashboard's links open.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { Channel, InputOf, OutputOf } from '../../../src-main/contract.js';
import type { ReadinessFilter, UserListPage } from '../../../src-main/roster/schemas.js';
import { profileOf } from '../../../src-main/roster/user-rows.js';
import { tempDir } from '../db/temp-db.js';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

let folder: ReturnType<typeof tempDir> | undefined;
let app: TraxApp | undefined;
afterEach(async () => {
  await app?.shutdown();
  app = undefined;
  folder?.cleanup();
});

function start(): TraxApp {
  folder = tempDir();
  app = createApp({ dataDir: folder.dir, shell: 'browser', resourcesDir: RESOURCES });
  return app;
}

async function call<C extends Channel>(c: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await (app as TraxApp).invoke(c, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as OutputOf<C>;
}

/** Every page of a readiness filter, 100 at a time. */
async function everyone(readiness: ReadinessFilter, extra: { query?: string } = {}) {
  const first: UserListPage = await call('users.search', { readiness, pageSize: 100, ...extra });
  const rows = [...first.rows];
  for (let page = 2; page <= first.pageCount; page++) {
    rows.push(...(await call('users.search', { readiness, pageSize: 100, page, ...extra })).rows);
  }
  return { total: first.total, rows, names: rows.map((r) => r.userName) };
}

async function idOf(userName: string): Promise<number> {
  const page = await call('users.search', { query: userName });
  const row = page.rows.find((r) => r.userName === userName);
  if (!row) throw new Error(`${userName} is not in the roster`);
  return row.id;
}

/** Sends the guide's test email to the users (Local outbox) and waits until it is done. */
async function sendTestEmail(userIds: number[]): Promise<void> {
  const defaults = await call('mail.defaults', undefined);
  const { jobId } = await call('mail.startJob', {
    userIds,
    form: { subject: defaults.subject, body: defaults.body },
  });
  await expect
    .poll(async () => (await call('mail.jobStatus', { jobId })).running, { timeout: 10_000 })
    .toBe(false);
}

describe('Manage Users readiness filter', () => {
  it('shows the not-ready and generic-address users the dashboard counts, never inactive ones', async () => {
    start();
    const summary = await call('readiness.summary', undefined);
    const notReady = await everyone('not-ready');
    expect(notReady.total).toBe(summary.notReady);
    expect(notReady.rows).toHaveLength(summary.notReady);
    expect(notReady.names).toEqual(expect.arrayContaining(['FrontDesk', 'OfficeManager']));
    expect(notReady.names).not.toContain('JeremyStephens');
    expect(notReady.rows.every((r) => r.status === 'Active' && r.readiness?.ready === false)).toBe(
      true,
    );

    const generic = await everyone('role-based');
    const count = summary.reasons.find((r) => r.code === 'role-based')?.count;
    expect(generic.total).toBe(count);
    expect(generic.names).toEqual(expect.arrayContaining(['FrontDesk', 'OfficeManager']));
    expect(generic.names).not.toContain('JeremyStephens');
    for (const row of generic.rows) {
      expect(row.readiness?.reasons.map((r) => r.code)).toContain('role-based');
    }

    // Nobody has had a test email yet, so nobody is ready.
    expect((await everyone('ready')).total).toBe(0);
  });

  it('combines with the search box, the status filter, sort and paging', async () => {
    start();
    const found = await everyone('not-ready', { query: 'email.com' });
    expect(found.names).toEqual(['AllisonBarry', 'BrianJackson', 'FrontDesk', 'OfficeManager']);
    expect((await call('users.search', { readiness: 'not-ready', status: 'Inactive' })).total).toBe(
      0,
    );

    const all = await everyone('not-ready');
    const pages = await Promise.all(
      [1, 2].map((page) =>
        call('users.search', {
          readiness: 'not-ready',
          sort: { column: 'userName', direction: 'desc' },
          page,
          pageSize: 5,
        }),
      ),
    );
    expect(pages.map((p) => [p.total, p.pageCount])).toEqual([
      [all.total, Math.ceil(all.total / 5)],
      [all.total, Math.ceil(all.total / 5)],
    ]);
    const byNameDesc = [...all.rows]
      .sort((a, b) => (a.userName.toLowerCase() < b.userName.toLowerCase() ? 1 : -1))
      .map((r) => r.userName);
    expect(pages.flatMap((p) => p.rows.map((r) => r.userName))).toEqual(byNameDesc.slice(0, 10));
  });

  it('selects all matching users and exports the same users', async () => {
    start();
    const generic = await everyone('role-based');
    const { ids } = await call('users.matchingIds', { readiness: 'role-based' });
    expect([...ids].sort((a, b) => a - b)).toEqual(
      generic.rows.map((r) => r.id).sort((a, b) => a - b),
    );
    const file = await call('io.exportRoster', { readiness: 'role-based' });
    const rows: string[][] = parse(file.text, { bom: true });
    expect(rows.slice(1).map((r) => r[0])).toEqual(generic.names);
  });

  it('gives each row its badge and last test email, and follows a fix at once', async () => {
    start();
    const [frontDesk = 0, donna = 0, jeremy = 0] = await Promise.all(
      ['FrontDesk', 'DonnaDelgado', 'JeremyStephens'].map(idOf),
    );
    const row = async (id: number) =>
      (await everyone('all')).rows.find((r) => r.id === id) ?? expect.fail(`no row ${id}`);
    expect((await row(jeremy)).readiness).toEqual({
      id: jeremy,
      inScope: false,
      ready: false,
      reasons: [],
    });
    expect((await row(donna)).lastTestEmail).toBeNull();
    expect((await row(donna)).readiness?.reasons.map((r) => r.code)).toEqual([
      'test-email-not-sent',
    ]);

    await sendTestEmail([frontDesk, donna]);
    const ready = await everyone('ready');
    expect(ready.names).toEqual(['DonnaDelgado']);
    expect(ready.rows[0]?.lastTestEmail).toMatchObject({ status: 'sent', via: 'outbox' });
    const desk = await row(frontDesk);
    expect(desk.lastTestEmail).toMatchObject({ status: 'sent' });
    expect(desk.readiness?.ready).toBe(false);

    // Fixing FrontDesk's address moves it out of the generic-address filter at once.
    const profile = profileOf(await call('users.get', { id: frontDesk }));
    await call('users.update', {
      id: frontDesk,
      profile: { ...profile, email: 'dana.front@maricopa-cares.org' },
    });
    expect((await everyone('role-based')).names).not.toContain('FrontDesk');
    expect((await row(frontDesk)).readiness?.reasons.map((r) => r.code)).not.toContain(
      'role-based',
    );
  });
});
