/**
 * The renderer's pure helpers: dates shown like the guide (`2/15/2022 7:39 PM`, local time) and
 * the client-side email check that mirrors the server's rule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, plural } from '../../../src-renderer/lib/format.js';
import { looksLikeEmail } from '../../../src-renderer/lib/email.js';
import { isValidEmail } from '../../../src-main/roster/email.js';

const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe('formatDateTime', () => {
  it("shows the guide's format in UTC", () => {
    process.env['TZ'] = 'UTC';
    expect(formatDateTime('2022-02-15T19:39:00.000Z')).toBe('2/15/2022 7:39 PM');
    expect(formatDateTime('2024-04-23T00:05:00.000Z')).toBe('4/23/2024 12:05 AM');
    expect(formatDateTime('2024-04-23T12:00:00.000Z')).toBe('4/23/2024 12:00 PM');
  });

  it("uses the workstation's local time", () => {
    process.env['TZ'] = 'America/Phoenix';
    expect(formatDateTime('2022-02-15T19:39:00.000Z')).toBe('2/15/2022 12:39 PM');
  });

  it('shows nothing for a missing or unreadable date', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('plural', () => {
  it('reads naturally for one and for many', () => {
    expect(plural(1, 'user')).toBe('1 user');
    expect(plural(2, 'user')).toBe('2 users');
    expect(plural(1500, 'user')).toBe('1,500 users');
  });
});

describe('looksLikeEmail', () => {
  const samples = [
    'frontdeskt@email.com',
    'dana.front@maricopa-cares.org',
    "o'brien+2fa@agency.gov",
    'user@localhost',
    'office manager@email.com',
    'no-at-sign.example.com',
    'a@b',
    '@agency.gov',
    'name@-agency.gov',
    `${'a'.repeat(250)}@x.io`,
  ];

  it("agrees with the server's rule on every sample", () => {
    for (const sample of samples) expect(looksLikeEmail(sample), sample).toBe(isValidEmail(sample));
  });

  it('accepts a real address and refuses one without a dotted domain', () => {
    expect(looksLikeEmail('dana.front@maricopa-cares.org')).toBe(true);
    expect(looksLikeEmail('user@localhost')).toBe(false);
  });
});
