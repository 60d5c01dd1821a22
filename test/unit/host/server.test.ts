import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { UserSearchPage } from '../../../src-main/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/csp.js';
import { startHost, type RunningHost } from '../../../src-main/host/server.js';
import { rawRequest } from './http-client.js';

let dataDir: string;
let rendererDir: string;
let app: TraxApp;
let host: RunningHost;

beforeAll(async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'trax-host-'));
  dataDir = path.join(root, 'data');
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Trax Admin</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'secret.txt'), 'not for the browser');
  app = createApp({ dataDir, shell: 'browser', resourcesDir: path.resolve('resources') });
  host = await startHost({ invoke: app.invoke, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  app.close();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      'content-type': 'application/json',
      origin: host.origin,
      'x-trax-token': host.token,
      ...headers,
    },
    body: JSON.stringify(body),
  });

async function frontDesk() {
  const found = await app.invoke('users.search', { query: 'FrontDesk', status: 'All' });
  if (!found.ok) throw new Error('search failed');
  const row = (found.value as UserSearchPage).rows.find((r) => r.userName === 'FrontDesk');
  if (!row) throw new Error('FrontDesk missing from the demo roster');
  return row;
}

/** The editable profile of a row, with a new email: a request the gate alone must stop. */
function profileWithEmail(row: Awaited<ReturnType<typeof frontDesk>>, email: string) {
  const { userName, firstName, lastName, workPhone, status } = row;
  return { userName, firstName, lastName, workPhone, status, email };
}

describe('the browser host', () => {
  it('prints a loopback URL carrying a 43-character base64url token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('serves the page with the token, sets the strict cookie and the security headers', async () => {
    const res = await rawRequest(host.port, { path: `/?token=${host.token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>Trax Admin</title>');
    expect(res.headers['set-cookie']).toEqual([
      `trax_token=${host.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with the cookie and the right content types', async () => {
    const cookie = `trax_token=${host.token}`;
    const js = await rawRequest(host.port, { path: '/assets/app.js', headers: { cookie } });
    const css = await rawRequest(host.port, { path: '/assets/app.css', headers: { cookie } });
    expect([js.status, js.headers['content-type']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it.each([
    ['no token', {}, '/'],
    ['a wrong token', {}, '/?token=wrong'],
    ['a wrong cookie', { cookie: 'trax_token=wrong' }, '/assets/app.js'],
    ['a rebinding Host', { host: 'attacker.example:80' }, '/?token=TOKEN'],
    ['a foreign Origin', { origin: 'http://attacker.example' }, '/?token=TOKEN'],
  ])('refuses the page with %s (403)', async (_name, headers: Record<string, string>, target) => {
    const res = await rawRequest(host.port, {
      path: target.replace('TOKEN', host.token),
      headers: { ...headers },
    });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).not.toContain('Trax Admin');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/assets/',
    '/%00index.html',
    '/%E0%A4%A',
  ])('never serves anything outside the renderer folder or a listing: %s', async (target) => {
    const res = await rawRequest(host.port, {
      path: target,
      headers: { cookie: `trax_token=${host.token}` },
    });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('not for the browser');
    expect(res.body).not.toContain('app.js');
  });

  it('answers a channel call with its Result and no-store', async () => {
    const res = await api('users.search', { query: 'FrontDesk' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const result = JSON.parse(res.body) as { ok: boolean; value: { rows: { userName: string }[] } };
    expect(result.ok).toBe(true);
    expect(result.value.rows.map((r) => r.userName)).toContain('FrontDesk');
  });

  it('answers an error Result with status 200 and an unknown channel as BAD_INPUT', async () => {
    const bad = JSON.parse((await api('users.get', { id: 'one' })).body) as { ok: boolean };
    const unknown = JSON.parse((await api('nope.nothing', {})).body) as {
      error: { code: string };
    };
    expect(bad.ok).toBe(false);
    expect(unknown.error.code).toBe('BAD_INPUT');
  });

  it.each([
    ['no token', { 'x-trax-token': '' }],
    ['a wrong token', { 'x-trax-token': 'A'.repeat(43) }],
    ['a foreign Origin', { origin: 'http://attacker.example' }],
    ['a null Origin', { origin: 'null' }],
    ['a rebinding Host', { host: `attacker.example:${0}` }],
  ])('refuses users.update with %s (403) and changes nothing', async (_name, headers) => {
    const before = await frontDesk();
    const res = await api(
      'users.update',
      { id: before.id, profile: profileWithEmail(before, 'stolen@attacker.example') },
      headers,
    );
    expect(res.status).toBe(403);
    expect(await frontDesk()).toEqual(before);
  });

  it('refuses an API call without an Origin header, and changes nothing', async () => {
    const before = await frontDesk();
    const res = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/users.update',
      headers: { 'content-type': 'application/json', 'x-trax-token': host.token },
      body: JSON.stringify({
        id: before.id,
        profile: profileWithEmail(before, 'x@attacker.example'),
      }),
    });
    expect(res.status).toBe(403);
    expect(await frontDesk()).toEqual(before);
  });

  it('refuses bodies over 5 MB (413), non-JSON (415), broken JSON (400), GET on the API (405)', async () => {
    const huge = await api('users.search', { query: 'x'.repeat(6 * 1024 * 1024) });
    const text = await api('users.search', {}, { 'content-type': 'text/plain' });
    const broken = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/users.search',
      headers: {
        'content-type': 'application/json',
        origin: host.origin,
        'x-trax-token': host.token,
      },
      body: '{"query":',
    });
    const get = await rawRequest(host.port, {
      path: '/api/users.search',
      headers: { origin: host.origin, 'x-trax-token': host.token },
    });
    expect([huge.status, text.status, broken.status, get.status]).toEqual([413, 415, 400, 405]);
  });

  it('saves a change sent with the token and our Origin', async () => {
    const before = await frontDesk();
    const res = await api('users.update', {
      id: before.id,
      profile: profileWithEmail(before, 'front.desk@agency.gov'),
    });
    expect(JSON.parse(res.body)).toMatchObject({
      ok: true,
      value: { email: 'front.desk@agency.gov' },
    });
    expect((await frontDesk()).email).toBe('front.desk@agency.gov');
  });
});
