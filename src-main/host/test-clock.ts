/**
 * The browser host's test-only clock. When the environment variable
 * {@link TEST_CLOCK_ENV} names a file, the host's clock follows that file, re-read on every call:
 * a number is an offset in milliseconds ahead of real time (missing file: 0); `@` and a number is
 * an instant (milliseconds since 1970) where the clock stands still. The end-to-end tests use it
 * to let a code expire without waiting five minutes, and stand the clock still where a result
 * depends on the exact time (a code entered at 4:59, the days left on the banner).
 *
 * Why this is safe to ship: it moves only the clock of the local rehearsal this one process serves
 * (the login simulator, its codes, lockouts and log stamps) — nothing outside this machine uses
 * it — and only when the person who starts the process sets the variable. It is never active
 * otherwise: the Electron shell never reads it, and the host prints a warning line when it is on.
 */
import { readFileSync } from 'node:fs';
import type { Clock } from '../app.js';

/** The environment variable naming the offset file. */
export const TEST_CLOCK_ENV = 'TRAX_ADMIN_TEST_CLOCK_FILE';

/** A whole or decimal number of milliseconds, optionally negative. */
const OFFSET = /^-?\d+(\.\d+)?$/;
/** `@` and whole milliseconds since 1970: the clock stands still there. */
const STILL = /^@\d+$/;

/**
 * The time the clock file says, given the real time `realNow` (ms since 1970): `realNow` plus
 * the offset, or the instant it stands still at; `realNow` when the file does not exist yet.
 * @throws Error when the file holds anything else (a broken test should fail loudly).
 */
export function readTestTime(file: string, realNow: number): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return realNow;
    throw error;
  }
  if (STILL.test(text)) return Number(text.slice(1));
  if (!OFFSET.test(text)) {
    throw new Error(
      `${TEST_CLOCK_ENV}: ${file} must hold a number of milliseconds, or @ and an instant.`,
    );
  }
  return realNow + Number(text);
}

/** The test clock and its file, or undefined when {@link TEST_CLOCK_ENV} is not set. */
export function testClockFromEnv(
  env: NodeJS.ProcessEnv,
): { clock: Clock; file: string; warning: string } | undefined {
  const file = env[TEST_CLOCK_ENV];
  if (file === undefined || file.trim() === '') return undefined;
  return {
    file,
    clock: () => new Date(readTestTime(file, Date.now())),
    warning:
      `WARNING: test clock active (${TEST_CLOCK_ENV}=${file}): this host's time is moved by ` +
      'the offset in that file. Unset it for normal use.',
  };
}
