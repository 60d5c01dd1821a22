/**
 * The browser host's gatekeeping, as pure functions of a request's facts so that every rule is
 * tested without a socket. The host listens on 127.0.0.1 only, but any web page the
 * administrator visits can still aim requests at it; these checks stop that:
 *
 * - `Host` must name our loopback address and port, which defeats DNS rebinding (a foreign name
 *   that resolves to 127.0.0.1 still arrives with its own name in `Host`);
 * - an `Origin`, when sent, must be our own, so no other site can drive the page or the API;
 * - the API needs the per-run token in `x-trax-token` and an Origin (browsers always send one on
 *   a POST from script), the page needs the token in the URL once, then in a strict cookie.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that carries the token after the first visit to the URL printed by the host. */
export const TOKEN_COOKIE = 'trax_token';

/** The header that carries the token on every API call. */
export const TOKEN_HEADER = 'x-trax-token';

/** The path prefix of the API: `POST /api/<channel>`. */
export const API_PREFIX = '/api/';

/** A fresh token for one run of the host: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented token with ours in constant time (hashing first makes the lengths equal
 * and keeps the comparison's duration independent of where the strings differ).
 */
export function tokensEqual(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || expected === '') return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when a `Host` header names this host: 127.0.0.1 or localhost with our port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/** True when an `Origin` header is one of our own two origins. */
export function isAllowedOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The value of one cookie in a `Cookie` header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The `Set-Cookie` value that lets the page load its assets without the token in each URL. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** What the gate looks at in a request. Headers are as Node gives them (lower-case names). */
export interface RequestFacts {
  /** The request target: path and query, e.g. `/?token=…` or `/api/users.search`. */
  url: string;
  host?: string | undefined;
  origin?: string | undefined;
  tokenHeader?: string | undefined;
  cookie?: string | undefined;
}

/** The gate's decision: refused with a short reason, or let through (maybe setting the cookie). */
export type Verdict =
  { allowed: true; api: boolean; setCookie: boolean } | { allowed: false; reason: string };

/** Decides whether a request may be served by a host listening on `port` with `token`. */
export function checkRequest(facts: RequestFacts, port: number, token: string): Verdict {
  if (!isAllowedHost(facts.host, port)) return refuse('unexpected Host header');
  if (facts.origin !== undefined && !isAllowedOrigin(facts.origin, port)) {
    return refuse('foreign Origin');
  }
  const target = new URL(facts.url, `http://127.0.0.1:${port}`);
  if (target.pathname.startsWith(API_PREFIX)) {
    if (facts.origin === undefined) return refuse('missing Origin');
    if (!tokensEqual(facts.tokenHeader, token)) return refuse('missing or wrong token');
    return { allowed: true, api: true, setCookie: false };
  }
  const queryToken = target.searchParams.get('token');
  if (queryToken !== null) {
    if (!tokensEqual(queryToken, token)) return refuse('wrong token');
    return { allowed: true, api: false, setCookie: true };
  }
  if (tokensEqual(cookieValue(facts.cookie, TOKEN_COOKIE), token)) {
    return { allowed: true, api: false, setCookie: false };
  }
  return refuse('missing token');
}

function refuse(reason: string): Verdict {
  return { allowed: false, reason };
}
