/** The browser host's gate and the renderer file lookup, as pure functions. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  cookieValue,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  tokensEqual,
} from '../../src-main/host/security.js';
import { resolveRendererPath } from '../../src-main/renderer-files.js';

const PORT = 43210;
const TOKEN = newToken();
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ok = { host: `127.0.0.1:${PORT}` };

describe('tokens', () => {
  it('are 32 random bytes in base64url, different each run', () => {
    expect(TOKEN).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(TOKEN);
  });

  it('compare equal only when identical', () => {
    expect(tokensEqual(TOKEN, TOKEN)).toBe(true);
    expect(tokensEqual(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(tokensEqual(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokensEqual(undefined, TOKEN)).toBe(false);
    expect(tokensEqual('', '')).toBe(false);
  });
});

describe('Host and Origin', () => {
  it('accept only our loopback names with our port', () => {
    expect(isAllowedHost(`127.0.0.1:${PORT}`, PORT)).toBe(true);
    expect(isAllowedHost(`LOCALHOST:${PORT}`, PORT)).toBe(true);
    for (const host of [
      undefined,
      '127.0.0.1',
      `127.0.0.1:${PORT + 1}`,
      `evil.example:${PORT}`,
      `[::1]:${PORT}`,
      `127.0.0.2:${PORT}`,
    ]) {
      expect(isAllowedHost(host, PORT), String(host)).toBe(false);
    }
  });

  it('accept only our own origins', () => {
    expect(isAllowedOrigin(ORIGIN, PORT)).toBe(true);
    expect(isAllowedOrigin(`http://localhost:${PORT}`, PORT)).toBe(true);
    for (const origin of [
      'null',
      `https://127.0.0.1:${PORT}`,
      `http://127.0.0.1:${PORT + 1}`,
      'http://evil.example',
      `${ORIGIN}.evil.example`,
    ]) {
      expect(isAllowedOrigin(origin, PORT), origin).toBe(false);
    }
  });
});

describe('checkRequest', () => {
  const api = { ...ok, url: '/api/users.search', origin: ORIGIN, tokenHeader: TOKEN };

  it('lets the API through with the token and our Origin', () => {
    expect(checkRequest(api, PORT, TOKEN)).toEqual({ allowed: true, api: true, setCookie: false });
  });

  it.each([
    ['no token', { ...api, tokenHeader: undefined }],
    ['a wrong token', { ...api, tokenHeader: newToken() }],
    ['no Origin', { ...api, origin: undefined }],
    ['a foreign Origin', { ...api, origin: 'http://evil.example' }],
    ['a rebinding Host', { ...api, host: `evil.example:${PORT}` }],
    [
      'the token only in the URL',
      { ...api, tokenHeader: undefined, url: `/api/users.search?token=${TOKEN}` },
    ],
    [
      'the token only in the cookie',
      { ...api, tokenHeader: undefined, cookie: `trax_token=${TOKEN}` },
    ],
  ])('refuses the API with %s', (_name, facts) => {
    expect(checkRequest(facts, PORT, TOKEN).allowed).toBe(false);
  });

  it('serves the page with the URL token (setting the cookie), then with the cookie', () => {
    expect(checkRequest({ ...ok, url: `/?token=${TOKEN}` }, PORT, TOKEN)).toEqual({
      allowed: true,
      api: false,
      setCookie: true,
    });
    expect(
      checkRequest({ ...ok, url: '/assets/a.js', cookie: `x=1; trax_token=${TOKEN}` }, PORT, TOKEN),
    ).toEqual({
      allowed: true,
      api: false,
      setCookie: false,
    });
  });

  it.each([
    ['no token', { ...ok, url: '/' }],
    ['a wrong URL token', { ...ok, url: '/?token=nope', cookie: `trax_token=${TOKEN}` }],
    ['a wrong cookie', { ...ok, url: '/', cookie: 'trax_token=nope' }],
    ['a foreign Origin', { ...ok, url: `/?token=${TOKEN}`, origin: 'http://evil.example' }],
    ['a rebinding Host', { url: `/?token=${TOKEN}`, host: `evil.example:${PORT}` }],
    ['no Host', { url: `/?token=${TOKEN}` }],
  ])('refuses the page with %s', (_name, facts) => {
    expect(checkRequest(facts, PORT, TOKEN).allowed).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(cookieValue('a=1; trax_token=abc; b=2', 'trax_token')).toBe('abc');
    expect(cookieValue('xtrax_token=abc', 'trax_token')).toBeUndefined();
  });
});

describe('renderer file lookup', () => {
  const root = path.resolve('/srv/renderer');

  it('maps / to index.html and paths to files inside the folder', () => {
    expect(resolveRendererPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/..%5c..%5cwindows',
    '/assets%00.js',
    '/%E0%A4%A',
    'relative/path',
  ])('refuses %s', (target) => {
    expect(resolveRendererPath(root, target)).toBeNull();
  });
});
