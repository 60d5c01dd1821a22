import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, DEFAULT_RESOURCES_DIR, type TraxApp } from '../../src-main/app.js';
import type { ChangeEntry } from '../../src-main/audit/entries.js';
import type { UserDetail, UserSearchPage } from '../../src-main/roster/schemas.js';
import { tempDir } from './db/temp-db.js';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');

let folder: ReturnType<typeof tempDir>;
let app: TraxApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  folder?.cleanup();
});

function start() {
  folder = tempDir();
  app = createApp({ dataDir: folder.dir, shell: 'browser', resourcesDir: RESOURCES });
  return app;
}

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const result = (await promise) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

describe('the roster through the gateway', () => {
  it('finds the guide’s generic addresses on a fresh, demo-flagged installation', async () => {
    const trax = start();
    expect(await value(trax.invoke('app.info', undefined))).toMatchObject({ demoRoster: true });
    const page = await value<UserSearchPage>(
      trax.invoke('users.search', { query: '@email.com', status: 'Active' }),
    );
    expect(page.rows.map((r) => r.userName)).toEqual([
      'AllisonBarry',
      'BrianJackson',
      'FrontDesk',
      'OfficeManager',
    ]);
  });

  it('refuses an invalid email in View Details with a field message and keeps the row', async () => {
    const trax = start();
    const page = await value<UserSearchPage>(
      trax.invoke('users.search', { query: 'AllisonBarry' }),
    );
    const id = page.rows[0]?.id ?? 0;
    const before = await value<UserDetail>(trax.invoke('users.get', { id }));

    const result = await trax.invoke('users.update', {
      id,
      profile: {
        userName: 'AllisonBarry',
        email: 'abarry at email',
        firstName: 'Allison',
        lastName: 'Barry',
        workPhone: '(602) 954-9557',
        status: 'Active',
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!result.ok && result.error.fields?.email).toMatch(/valid email/);
    expect(await value(trax.invoke('users.get', { id }))).toEqual(before);
  });

  it('saves a corrected email and shows it in the list', async () => {
    const trax = start();
    const [allison] = (
      await value<UserSearchPage>(trax.invoke('users.search', { query: 'abarry' }))
    ).rows;
    if (!allison) throw new Error('AllisonBarry is missing from the demo roster');
    const { userName, firstName, lastName, workPhone, status } = allison;
    await value(
      trax.invoke('users.update', {
        id: allison.id,
        profile: {
          ...{ userName, firstName, lastName, workPhone, status },
          email: '  allison.barry@maricopa-cares.org ',
        },
      }),
    );
    const after = await value<UserSearchPage>(trax.invoke('users.search', { query: 'allison' }));
    expect(after.rows.map((r) => r.email)).toEqual(['allison.barry@maricopa-cares.org']);
    const history = await value<{ entries: ChangeEntry[] }>(
      trax.invoke('changes.forUser', { id: allison.id }),
    );
    expect(history.entries).toEqual([
      expect.objectContaining({
        field: 'email',
        oldValue: allison.email,
        newValue: 'allison.barry@maricopa-cares.org',
        source: 'edit',
      }),
    ]);
  });

  it('answers CONFLICT for a taken user name and NOT_FOUND for a missing user', async () => {
    const trax = start();
    const profile = {
      userName: 'frontdesk',
      email: 'front.desk@maricopa-cares.org',
      firstName: 'Front',
      lastName: 'Desk',
      workPhone: '',
      status: 'Active',
    };
    expect(await trax.invoke('users.create', { profile })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { userName: 'That user name is already taken.' } },
    });
    expect(await trax.invoke('users.get', { id: 99_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('createApp defaults', () => {
  it('finds the demo roster in the default resources folder', () => {
    expect(existsSync(path.join(DEFAULT_RESOURCES_DIR, 'demo-roster.csv'))).toBe(true);
  });
});
