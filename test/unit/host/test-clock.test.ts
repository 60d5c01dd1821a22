/**
 * The browser host's test-only clock: off unless TRAX_ADMIN_TEST_CLOCK_FILE is set; then real
 * time plus the offset in the file, or the instant it stands still at, re-read on each call.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readTestTime,
  TEST_CLOCK_ENV,
  testClockFromEnv,
} from '../../../src-main/host/test-clock.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'trax-clock-'));
  file = path.join(dir, 'offset');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('testClockFromEnv', () => {
  it('is off when the variable is unset or empty', () => {
    expect(testClockFromEnv({})).toBeUndefined();
    expect(testClockFromEnv({ [TEST_CLOCK_ENV]: '' })).toBeUndefined();
    expect(testClockFromEnv({ [TEST_CLOCK_ENV]: '  ' })).toBeUndefined();
  });

  it('runs ahead by the offset in the file, re-read on every call, and warns', () => {
    const testClock = testClockFromEnv({ [TEST_CLOCK_ENV]: file });
    if (!testClock) throw new Error('expected a test clock');
    expect(testClock.warning).toContain('WARNING: test clock active');
    expect(testClock.warning).toContain(file);

    // No file yet: real time.
    let before = Date.now();
    let now = testClock.clock().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());

    writeFileSync(file, '300000\n');
    before = Date.now();
    now = testClock.clock().getTime();
    expect(now - before).toBeGreaterThanOrEqual(300_000);
    expect(now - Date.now()).toBeLessThanOrEqual(300_000);

    writeFileSync(file, '-60000');
    now = testClock.clock().getTime();
    expect(now).toBeLessThanOrEqual(Date.now() - 60_000);
    expect(now).toBeGreaterThan(Date.now() - 61_000);
  });
});

describe('readTestTime', () => {
  const NOW = Date.UTC(2024, 2, 11, 12);

  it('adds whole and decimal offsets to the real time, which a missing file leaves as is', () => {
    expect(readTestTime(file, NOW)).toBe(NOW);
    writeFileSync(file, ' 299000 ');
    expect(readTestTime(file, NOW)).toBe(NOW + 299_000);
    writeFileSync(file, '1.5');
    expect(readTestTime(file, NOW)).toBe(NOW + 1.5);
  });

  it('stands still at an instant given as @ and milliseconds, whatever the real time', () => {
    const still = Date.UTC(2024, 3, 23, 7);
    writeFileSync(file, `@${still}\n`);
    expect(readTestTime(file, NOW)).toBe(still);
    expect(readTestTime(file, NOW + 60_000)).toBe(still);
  });

  it('fails loudly on anything else', () => {
    for (const bad of ['', 'soon', '5 minutes', '1e3', 'NaN', '@', '@-5', '@1.5', '@ 12']) {
      writeFileSync(file, bad);
      expect(() => readTestTime(file, NOW), bad).toThrow(/must hold a number of milliseconds/);
    }
  });
});
