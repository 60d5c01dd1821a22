/**
 * The browser host's test-only clock. When the environment variable
 * {@link TEST_CLOCK_ENV} names a file, the host's clock runs `offsetMs` ahead of real time,
 * where `offsetMs` is the number in that file (re-read on every call; missing file: 0). The
 * end-to-end tests use it to let a code expire without waiting five minutes.
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

/**
 * The offset in `file`: 0 when the file does not exist yet.
 * @throws Error when the file holds anything but a number (a broken test should fail loudly).
 */
export function readClockOffset(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (!OFFSET.test(text)) {
    throw new Error(`${TEST_CLOCK_ENV}: ${file} must hold a number of milliseconds.`);
  }
  return Number(text);
}

/** The test clock and its file, or undefined when {@link TEST_CLOCK_ENV} is not set. */
export function testClockFromEnv(
  env: NodeJS.ProcessEnv,
): { clock: Clock; file: string; warning: string } | undefined {
  const file = env[TEST_CLOCK_ENV];
  if (file === undefined || file.trim() === '') return undefined;
  return {
    file,
    clock: () => new Date(Date.now() + readClockOffset(file)),
    warning:
      `WARNING: test clock active (${TEST_CLOCK_ENV}=${file}): this host's time is moved by ` +
      'the offset in that file. Unset it for normal use.',
  };
}
