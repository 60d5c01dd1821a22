/**
 * The end-to-end fixtures: a real browser host per test on a fresh data folder (`trax`), and a
 * guard that fails any test whose page logs a console error or violates the CSP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

/** A running browser host. */
export interface TraxHost {
  /** The URL the host printed, token included. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  token: string;
  /** The temporary data folder (removed after the test). */
  dataDir: string;
  /**
   * Moves the host's clock `ms` ahead of real time (src-main/host/test-clock.ts). Only with
   * `test.use({ clockControl: true })`; otherwise it throws.
   */
  setClockOffset(ms: number): void;
  /**
   * Stands the host's clock still at `at` until the next call of either setter, so a test that
   * depends on the exact time (a code entered at 4:59, the banner's days) does not depend on how
   * long the machine took. Only with `test.use({ clockControl: true })`; otherwise it throws.
   */
  setClockTime(at: Date): void;
}

interface Fixtures {
  trax: TraxHost;
  /** Console errors matching one of these are expected by the test (e.g. a refused request). */
  allowedConsoleErrors: RegExp[];
  /** Starts the host with a movable clock (`trax.setClockOffset`, `setClockTime`). Off by default. */
  clockControl: boolean;
  /** Automatic: fails the test on console errors, page errors and CSP violations. */
  pageProblems: void;
}

/** Turns every CSP violation into a console error the guard below sees. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) =>
  console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' +
    (e.blockedURI || 'inline code')));`;

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/;
const CLI = path.resolve('out/main/host/cli.js');

const TEST_CLOCK_ENV = 'TRAX_ADMIN_TEST_CLOCK_FILE';

/** A host started without a clock file cannot move or stop its clock. */
function noClockControl(): never {
  throw new Error('setClockOffset needs test.use({ clockControl: true }).');
}

/**
 * Starts `node out/main/host/cli.js --port 0 --data-dir DIR` and waits for its URL line. With
 * `clockFile`, the host's clock runs ahead by the offset `setClockOffset` writes there.
 */
export function startHostProcess(
  dataDir: string,
  clockFile?: string,
): Promise<{ host: TraxHost; child: ChildProcess }> {
  const env = { ...process.env };
  delete env[TEST_CLOCK_ENV];
  if (clockFile) env[TEST_CLOCK_ENV] = clockFile;
  const writeClock = clockFile
    ? (text: string) => {
        // Written aside and renamed, so the host never reads a half-written number.
        writeFileSync(`${clockFile}.tmp`, text);
        renameSync(`${clockFile}.tmp`, clockFile);
      }
    : noClockControl;
  const setClockOffset = (ms: number) => writeClock(String(Math.round(ms)));
  const setClockTime = (at: Date) => writeClock(`@${at.getTime()}`);
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail('no URL line within 20 s'), 20_000);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The browser host did not start (${why}):\n${output}`));
    }
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_PATTERN.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        const host = {
          url: match[0],
          origin: match[1],
          token: match[2],
          dataDir,
          setClockOffset,
          setClockTime,
        };
        resolve({ host, child });
      }
    };
    const onExit = (code: number | null) => fail(`exited with code ${code}`);
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', onExit);
  });
}

/** Asks the host to stop (SIGTERM closes the server and the database) and waits for it. */
export async function stopHostProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its destructured first parameter.
  clockControl: [false, { option: true }],

  trax: async ({ clockControl, context }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-e2e-'));
    const clockFile = clockControl ? path.join(dataDir, 'test-clock-offset') : undefined;
    const { host, child } = await startHostProcess(dataDir, clockFile);
    try {
      await use(host);
    } finally {
      // Pages first: a screen that polls (progress, the simulator's mail panel) would otherwise
      // hit the stopped host and log a refused connection, failing a test that passed.
      await Promise.all(context.pages().map((page) => page.close()));
      await stopHostProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },

  allowedConsoleErrors: [[], { option: true }],

  pageProblems: [
    async ({ page, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      // Injected through the DevTools protocol, so the page's own CSP does not block it.
      await page.addInitScript({ content: REPORT_CSP_VIOLATIONS });
      page.on('console', (message) => {
        const text = message.text();
        const isCsp = /content security policy/i.test(text);
        if (message.type() !== 'error' && !isCsp) return;
        if (!isCsp && allowedConsoleErrors.some((allowed) => allowed.test(text))) return;
        problems.push(`console ${message.type()}: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use();
      expect(problems, 'the page logged errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
