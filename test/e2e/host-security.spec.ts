/**
 * The browser host refuses every request that does not come from the page it printed the URL
 * for — no token, a wrong token, a foreign Origin, a rebinding Host — with a 403 that changes
 * nothing (not a row of any table, not a backup file), and serves the page, which runs under the
 * CSP without a single violation.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { databaseFileChecksum } from '../security/database-checksum.js';
import { rawRequest } from '../unit/host/http-client.js';
import { expect, test, type TraxHost } from './fixtures.js';

interface Row {
  id: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  workPhone: string;
  status: string;
}

/** Calls a channel as the page does: our Origin and the token. */
async function call(trax: TraxHost, channel: string, input: unknown) {
  const port = Number(new URL(trax.origin).port);
  const res = await rawRequest(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      'content-type': 'application/json',
      origin: trax.origin,
      'x-trax-token': trax.token,
    },
    body: JSON.stringify(input),
  });
  return JSON.parse(res.body) as { ok: boolean; value: unknown };
}

async function frontDesk(trax: TraxHost): Promise<Row> {
  const found = await call(trax, 'users.search', { query: 'FrontDesk' });
  const row = (found.value as { rows: Row[] }).rows.find((r) => r.userName === 'FrontDesk');
  if (!row) throw new Error('FrontDesk is missing from the demo roster');
  return row;
}

function updateBody(row: Row, email: string): string {
  const { id, userName, firstName, lastName, workPhone, status } = row;
  return JSON.stringify({
    id,
    profile: { userName, firstName, lastName, workPhone, status, email },
  });
}

test('the page loads with the token and runs without any CSP violation', async ({ page, trax }) => {
  const response = await page.goto(trax.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await expect(page.getByRole('columnheader', { name: 'User Name' })).toBeVisible();
  // Rows arrive through the API, so the token made it from the URL to the calls.
  await expect(page.getByRole('button', { name: /^View Details/ }).first()).toBeVisible();
});

test.describe('refused pages', () => {
  // Chromium logs each refused load (the page and its favicon) as a console error.
  test.use({ allowedConsoleErrors: [/status of 403/] });

  test('the page is refused without the token or with a wrong one', async ({ page, trax }) => {
    const none = await page.goto(`${trax.origin}/`);
    expect(none?.status()).toBe(403);
    const wrong = await page.goto(`${trax.origin}/?token=${'x'.repeat(43)}`);
    expect(wrong?.status()).toBe(403);
    await expect(page.getByText('Forbidden')).toBeVisible();
  });
});

test('a rebinding host name that resolves to 127.0.0.1 is refused', async ({ trax }) => {
  const port = new URL(trax.origin).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebind.test:${port}/?token=${trax.token}`);
    expect(response?.status()).toBe(403);
  } finally {
    await browser.close();
  }
});

test.describe('API calls that must not change anything', () => {
  const attempts: [string, (t: TraxHost) => Record<string, string>][] = [
    ['without the token', (t) => ({ origin: t.origin })],
    ['with a wrong token', (t) => ({ origin: t.origin, 'x-trax-token': 'A'.repeat(43) })],
    ['from a foreign Origin', (t) => ({ origin: 'http://evil.example', 'x-trax-token': t.token })],
    [
      'with a rebinding Host',
      (t) => ({
        host: `evil.example:${new URL(t.origin).port}`,
        origin: t.origin,
        'x-trax-token': t.token,
      }),
    ],
  ];

  /** Requests that each change the data when allowed (the last test shows they do). */
  function writes(row: Row): [string, string][] {
    return [
      ['users.update', updateBody(row, 'stolen@evil.example')],
      [
        'users.create',
        JSON.stringify({
          profile: {
            userName: 'Intruder',
            firstName: 'Ian',
            lastName: 'Truder',
            email: 'ian.truder@evil.example',
            workPhone: '',
            status: 'Active',
          },
        }),
      ],
      ['users.setStatus', JSON.stringify({ ids: [row.id], status: 'Inactive' })],
      ['outbox.clear', '{}'],
      ['backup.create', '{}'],
    ];
  }

  function post(trax: TraxHost, channel: string, body: string, headers: Record<string, string>) {
    return rawRequest(Number(new URL(trax.origin).port), {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  /**
   * Gives outbox.clear something to clear: FrontDesk asks for a password reset, whose email the
   * outbox catches. It is sent after the answer (so timing tells nothing), hence the wait.
   */
  async function catchOneMessage(trax: TraxHost): Promise<void> {
    await call(trax, 'auth.forgotPassword', { form: { userName: 'FrontDesk' } });
    await expect
      .poll(async () => {
        const listed = await call(trax, 'outbox.list', {});
        return (listed.value as { messages: unknown[] }).messages.length;
      })
      .toBe(1);
  }

  /** Every row of every table, and the backups folder's files. */
  function snapshot(trax: TraxHost) {
    const backups = path.join(trax.dataDir, 'backups');
    return {
      database: databaseFileChecksum(path.join(trax.dataDir, 'trax-admin.db')),
      backups: existsSync(backups) ? readdirSync(backups).sort() : [],
    };
  }

  for (const [name, headersFor] of attempts) {
    test(`writes ${name} are refused (403) and the database is unchanged`, async ({ trax }) => {
      const row = await frontDesk(trax);
      await catchOneMessage(trax);
      const before = snapshot(trax);
      for (const [channel, body] of writes(row)) {
        const res = await post(trax, channel, body, headersFor(trax));
        expect(res.status, channel).toBe(403);
      }
      expect(snapshot(trax)).toEqual(before);
      expect(await frontDesk(trax)).toEqual(row);
    });
  }

  test('the same writes with the token and our Origin do change it', async ({ trax }) => {
    const row = await frontDesk(trax);
    await catchOneMessage(trax);
    const before = snapshot(trax);
    const ours = { origin: trax.origin, 'x-trax-token': trax.token };
    for (const [channel, body] of writes(row)) {
      const res = await post(trax, channel, body, ours);
      expect(res.status, channel).toBe(200);
      const result = JSON.parse(res.body) as { ok: boolean; value: unknown };
      expect(result.ok, `${channel}: ${res.body}`).toBe(true);
      if (channel === 'outbox.clear') expect(result.value).toEqual({ removed: 1 });
    }
    const after = snapshot(trax);
    expect(after.database).not.toBe(before.database);
    expect(after.backups.length).toBe(before.backups.length + 1);
    expect(await frontDesk(trax)).toMatchObject({
      email: 'stolen@evil.example',
      status: 'Inactive',
    });
  });
});

test.describe('a page on another site', () => {
  test.use({ allowedConsoleErrors: [/CORS|Failed to load resource|net::ERR_FAILED/] });
  let evil: Server;
  test.beforeEach(async () => {
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Evil</title>');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  });
  test.afterEach(() => new Promise<void>((resolve) => evil.close(() => resolve())));

  test('cannot change a user through the API from the browser', async ({ page, trax }) => {
    const before = await frontDesk(trax);
    await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(
      async ({ origin, body }) => {
        try {
          const res = await fetch(`${origin}/api/users.update`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body,
          });
          return `status ${res.status}`;
        } catch {
          return 'blocked';
        }
      },
      { origin: trax.origin, body: updateBody(before, 'csrf@evil.example') },
    );
    expect(outcome).toBe('blocked');
    expect(await frontDesk(trax)).toEqual(before);
  });
});

test('the CSP guard itself fails a test whose page breaks the policy', async ({ page, trax }) => {
  test.fail(true, 'an inline script must be blocked, reported, and fail this test');
  await page.goto(trax.url);
  await page.evaluate(`{
    const script = document.createElement('script');
    script.textContent = 'window.name = "inline ran";';
    document.body.append(script);
  }`);
  await expect(page.getByRole('button', { name: /^View Details/ }).first()).toBeVisible();
  expect(await page.evaluate('window.name')).not.toBe('inline ran');
});
