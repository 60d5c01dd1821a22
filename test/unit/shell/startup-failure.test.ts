/**
 * When the Electron shell cannot start: one line on stderr saying why (with what to do when the
 * SQLite addon is Node's build), an error box only when no terminal is waiting — `npm start`
 * gets an immediate non-zero exit instead — and the line start.mjs reads back. The wiring in
 * shell/main.ts runs under Node with a stand-in for the 'electron' module, on a data folder whose
 * database file is not a database, so the real createApp fails as a broken start-up does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/app.js';
import {
  LAUNCHED_BY_ENV,
  LAUNCHED_BY_NPM_START,
  reportStartupFailure,
  startupFailureFrom,
  startupFailureReason,
  STARTUP_FAILURE_PREFIX,
} from '../../../src-main/shell/startup-failure.js';

/** better-sqlite3's own words when Electron loads the addon npm install built for Node. */
const NODE_BUILD_UNDER_ELECTRON = new Error(
  "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
    'was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This ' +
    'version of Node.js requires\nNODE_MODULE_VERSION 140. Please try re-compiling or ' +
    're-installing\nthe module (for instance, using `npm rebuild` or `npm install`).',
);

describe('the reason', () => {
  it('says what to do when the SQLite addon is built for Node', () => {
    expect(startupFailureReason(NODE_BUILD_UNDER_ELECTRON)).toBe(
      'its SQLite module is built for Node, not for Electron; build ' +
        'native/electron/better_sqlite3.node as the README\'s "Electron and the native SQLite ' +
        'module" says',
    );
  });

  it('is any other message on one line, cut when long', () => {
    expect(startupFailureReason(new Error('The data folder\nis read-only.'))).toBe(
      'The data folder is read-only.',
    );
    expect(startupFailureReason('x'.repeat(1000))).toHaveLength(401);
  });

  it('is read back from stderr by start.mjs, ignoring other output', () => {
    const stderr = [
      '[1234:ERROR:gpu_init.cc(1)] GPU process isn’t usable.',
      `${STARTUP_FAILURE_PREFIX}The data folder is read-only.`,
      '',
    ].join('\n');
    expect(startupFailureFrom(stderr)).toBe('The data folder is read-only.');
    expect(startupFailureFrom('[1234:ERROR:gpu_init.cc(1)] GPU process isn’t usable.\n')).toBe(
      null,
    );
  });
});

describe('reporting it', () => {
  function report(env: NodeJS.ProcessEnv) {
    const happened: string[] = [];
    reportStartupFailure(NODE_BUILD_UNDER_ELECTRON, {
      env,
      writeStderr: (line) => happened.push(`stderr ${line}`),
      showErrorBox: (title) => happened.push(`box ${title}`),
      exit: (code) => happened.push(`exit ${code}`),
    });
    return happened;
  }

  it('from npm start: one stderr line and exit 1, no box to block the terminal', () => {
    expect(report({ [LAUNCHED_BY_ENV]: LAUNCHED_BY_NPM_START })).toEqual([
      `stderr ${STARTUP_FAILURE_PREFIX}${startupFailureReason(NODE_BUILD_UNDER_ELECTRON)}\n`,
      'exit 1',
    ]);
  });

  it('from a desktop launcher: the line, the error box, then exit 1', () => {
    expect(report({})).toEqual([
      expect.stringMatching(/^stderr Trax Admin could not start: its SQLite module/),
      'box Trax Admin could not start',
      'exit 1',
    ]);
  });
});

const electron = vi.hoisted(() => ({
  userData: '',
  boxes: [] as string[][],
  exits: [] as number[],
}));

vi.mock('electron', () => ({
  app: {
    enableSandbox: () => {},
    setPath: () => {},
    requestSingleInstanceLock: () => true,
    on: () => {},
    whenReady: () => Promise.resolve(),
    isPackaged: false,
    getPath: () => electron.userData,
    exit: (code: number) => electron.exits.push(code),
    quit: () => {},
  },
  protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
  nativeTheme: { themeSource: 'light' },
  session: {
    defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} },
  },
  dialog: { showErrorBox: (...args: string[]) => electron.boxes.push(args) },
  Notification: { isSupported: () => false },
}));

describe('shell/main.ts on a data folder it cannot open', () => {
  let stderr: string[];
  beforeEach(() => {
    electron.userData = mkdtempSync(path.join(os.tmpdir(), 'trax-startup-'));
    writeFileSync(path.join(electron.userData, DATABASE_FILE), 'this is not a database');
    electron.boxes.length = 0;
    electron.exits.length = 0;
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    vi.resetModules();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(electron.userData, { recursive: true, force: true });
  });

  async function startShell(): Promise<void> {
    await import('../../../src-main/shell/main.js');
    await vi.waitFor(() => expect(electron.exits).not.toEqual([]));
  }

  it('started by npm start: writes the one line and exits 1 without a box', async () => {
    vi.stubEnv(LAUNCHED_BY_ENV, LAUNCHED_BY_NPM_START);
    await startShell();
    const lines = stderr.filter((line) => line.startsWith(STARTUP_FAILURE_PREFIX));
    expect(lines).toHaveLength(1);
    expect(startupFailureFrom(lines.join(''))).toMatch(/is not a Trax Admin database/);
    expect(electron.boxes).toEqual([]);
    expect(electron.exits).toEqual([1]);
  });

  it('started otherwise: also shows the error box', async () => {
    vi.stubEnv(LAUNCHED_BY_ENV, '');
    await startShell();
    expect(electron.boxes).toEqual([
      ['Trax Admin could not start', expect.stringMatching(/is not a Trax Admin database/)],
    ]);
    expect(electron.exits).toEqual([1]);
  });
});
