/**
 * `npm start` where Electron cannot start: one line saying why, then the browser host's URL,
 * serving the same data folder. Once because its binary is missing; once with a stand-in Electron
 * executable that gives up the way the real shell does when its SQLite build is missing (a reason
 * line on stderr, exit 1), whose reason must reach start.mjs's one line.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/app.js';
import {
  LAUNCHED_BY_ENV,
  LAUNCHED_BY_NPM_START,
  STARTUP_FAILURE_PREFIX,
} from '../../../src-main/shell/startup-failure.js';

const URL_LINE = /^Trax Admin is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `node scripts/start.mjs` until the host's URL line; answers its stdout lines. */
async function startScript(dataDir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--data-dir', dataDir, '--port', '0'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  });
  return new Promise<string[]>((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n/.test(output)) {
        resolve(output.split('\n').filter((l) => l && !l.startsWith('Building')));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`start.mjs exited (${code}):\n${output}\nstderr:\n${errors}`)),
    );
  });
}

it('falls back to the browser host with a one-line reason', { timeout: 180_000 }, async () => {
  const dataDir = tempDir('trax-start-');
  const noElectron = tempDir('trax-no-electron-');
  const lines = await startScript(dataDir, { ELECTRON_OVERRIDE_DIST_PATH: noElectron });
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe(
    'Electron cannot start here (its binary was not downloaded: no internet during npm install); opening the browser host instead.',
  );
  expect(lines[1]).toMatch(URL_LINE);
  expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
});

it('relays why Electron gave up before its window opened', { timeout: 180_000 }, async () => {
  const dataDir = tempDir('trax-start-');
  const standInDir = tempDir('trax-stand-in-electron-');
  // Where findElectronBinary() looks under ELECTRON_OVERRIDE_DIST_PATH (src-main/electron-binary.ts).
  const pathFile = path.join(
    path.dirname(createRequire(import.meta.url).resolve('electron/package.json')),
    'path.txt',
  );
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const reason = 'its SQLite module is built for Node, not for Electron';
  // Behaves as shell/main.ts does when told npm start launched it; a shell not told so would
  // block on an error box, which this stand-in reports as a different failure.
  const standIn = [
    '#!/bin/sh',
    `if [ "$${LAUNCHED_BY_ENV}" != "${LAUNCHED_BY_NPM_START}" ]; then`,
    '  echo "stand-in: not launched as npm start; the real shell would wait on an error box" >&2',
    '  exit 3',
    'fi',
    'echo "[4242:ERROR:gpu_init.cc(1)] Exiting GPU process" >&2',
    `echo "${STARTUP_FAILURE_PREFIX}${reason}" >&2`,
    'exit 1',
  ].join('\n');
  const executable = path.join(standInDir, relative || 'electron');
  writeFileSync(executable, `${standIn}\n`);
  chmodSync(executable, 0o755);

  const lines = await startScript(dataDir, {
    ELECTRON_OVERRIDE_DIST_PATH: standInDir,
    DISPLAY: ':99',
  });
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe(
    `Electron cannot start here (it exited with code 1 before its window opened: ${reason}); opening the browser host instead.`,
  );
  expect(lines[1]).toMatch(URL_LINE);
});
