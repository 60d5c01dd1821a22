/**
 * @doyensec/electronegativity over src-main/ as a gate: the tool exits 0 even when it finds
 * something, so its CSV report is read here and every finding must be listed, with a reason,
 * in .electronegativity-allowlist.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';

interface Allowed {
  check: string;
  file: string;
  reason: string;
}

const allowlist = JSON.parse(readFileSync('.electronegativity-allowlist.json', 'utf8')) as {
  allowed: Allowed[];
};
const electronVersion = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

it('every allowlisted finding has a reason', () => {
  for (const entry of allowlist.allowed)
    expect(entry.reason.length, entry.check).toBeGreaterThan(20);
});

it('finds nothing in src-main/ beyond the reviewed allowlist', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-electronegativity-'));
  try {
    const report = path.join(dir, 'report.csv');
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/@doyensec/electronegativity/dist/index.js',
        ...['-i', 'src-main', '-r', '-v', 'false', '-e', electronVersion, '-o', report],
      ],
      { encoding: 'utf8', timeout: 110_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(readFileSync(report, 'utf8'), {
      columns: true,
      trim: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    const unexplained = rows
      .map((row) => ({
        check: row['issue'] ?? '',
        file: row['filename'] ?? '',
        at: row['location'],
      }))
      .filter((f) => !allowlist.allowed.some((a) => a.check === f.check && a.file === f.file));
    expect(unexplained).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
