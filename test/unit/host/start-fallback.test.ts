/**
 * `npm start` where Electron cannot start (here: its binary is missing): one line saying why,
 * then the browser host's URL, serving the same data folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/app.js';

it('falls back to the browser host with a one-line reason', { timeout: 180_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-start-'));
  const noElectron = mkdtempSync(path.join(os.tmpdir(), 'trax-no-electron-'));
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--data-dir', dataDir, '--port', '0'],
    {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const lines = await new Promise<string[]>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n/.test(output)) {
          resolve(output.split('\n').filter((l) => l && !l.startsWith('Building')));
        }
      });
      child.once('exit', (code) => reject(new Error(`start.mjs exited (${code}):\n${output}`)));
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'Electron cannot start here (its binary was not downloaded: no internet during npm install); opening the browser host instead.',
    );
    expect(lines[1]).toMatch(
      /^Trax Admin is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/,
    );
    expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(noElectron, { recursive: true, force: true });
  }
});
