/**
 * Import benchmark: a 100,000-row roster CSV imported by Trax Admin (parse, validate, plan,
 * backup, one transaction with the search index and the change log) next to the sqlite3 shell's
 * `.import --csv` of the same file into a bare table; and readiness evaluation over 100,000
 * users. Goals: import ≥ 50% of `.import`'s rows/second; readiness < 1 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import { createAuditServices } from '../../src-main/audit/index.js';
import { openDatabase } from '../../src-main/db/connection.js';
import { PrefsRepository } from '../../src-main/db/prefs-repository.js';
import { RosterImporter } from '../../src-main/io/import-roster.js';
import { lastTestResults } from '../../src-main/mail/last-results.js';
import { evaluateReadiness } from '../../src-main/readiness/evaluate.js';
import { fillRoster } from './roster-generator.js';

const ROWS = 100_000;
const SQLITE3 = '/usr/bin/sqlite3';
const OPTIONS = { addNew: true, updateExisting: true, missingUsers: 'leave' as const };

function best(times: number[]): number {
  return Math.min(...times);
}

function perSecond(rows: number, ms: number): string {
  return `${Math.round((rows / ms) * 1000).toLocaleString('en-US')} rows/s`;
}

/** Runs the benchmark and prints its numbers. */
export function run(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-bench-import-'));
  const clock = () => new Date();
  try {
    // The source roster, written out as the CSV an administrator would import.
    const source = openDatabase(path.join(dir, 'source.db'), { clock });
    fillRoster(source, ROWS);
    const records = source
      .prepare('SELECT user_name, first_name, last_name, email, work_phone, status FROM users')
      .raw()
      .all() as string[][];
    const csvFile = path.join(dir, 'roster.csv');
    const text = stringify([
      ['User Name', 'First Name', 'Last Name', 'Email', 'Work Phone', 'Status'],
      ...records,
    ]);
    writeFileSync(csvFile, text);
    console.log(`CSV: ${ROWS.toLocaleString('en-US')} rows, ${(text.length / 1e6).toFixed(1)} MB`);

    // sqlite3 shell: .import into a bare table (no index, no checks), best of three.
    const shellTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const bare = path.join(dir, `bare-${i}.db`);
      const start = performance.now();
      execFileSync(SQLITE3, [bare, '.import --csv ' + csvFile + ' roster']);
      shellTimes.push(performance.now() - start);
    }
    const shellMs = best(shellTimes);

    // Ours: preview (parse + validate + plan) and apply, into a fresh database each time.
    const previewTimes: number[] = [];
    const applyTimes: number[] = [];
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(path.join(dir, `ours-${i}.db`), { clock });
      const audit = createAuditServices({ db, clock });
      const importer = new RosterImporter(db, {
        clock,
        recorder: audit.recorder,
        prefs: new PrefsRepository(db),
      });
      let start = performance.now();
      importer.preview(text, OPTIONS);
      previewTimes.push(performance.now() - start);
      start = performance.now();
      const summary = importer.apply(text, OPTIONS);
      applyTimes.push(performance.now() - start);
      if (summary.added !== ROWS) throw new Error(`Imported ${summary.added} of ${ROWS} rows.`);
      db.close();
    }
    const oursMs = best(applyTimes);
    console.log(
      `sqlite3 .import (bare table):      ${shellMs.toFixed(0)} ms  ${perSecond(ROWS, shellMs)}`,
    );
    console.log(
      `Trax import preview (parse+check): ${best(previewTimes).toFixed(0)} ms  ${perSecond(ROWS, best(previewTimes))}`,
    );
    console.log(
      `Trax import apply (all steps):     ${oursMs.toFixed(0)} ms  ${perSecond(ROWS, oursMs)}`,
    );
    const ratio = (shellMs / oursMs) * 100;
    console.log(
      `Ratio: ${ratio.toFixed(0)}% of .import's speed (goal ≥ 50%) — ${ratio >= 50 ? 'met' : 'NOT met'}`,
    );

    // Readiness over the 100,000-user roster, best of five.
    const readinessTimes: number[] = [];
    let notReady = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      notReady = evaluateReadiness(source, { testResults: () => lastTestResults(source) }).notReady;
      readinessTimes.push(performance.now() - start);
    }
    const readinessMs = best(readinessTimes);
    console.log(
      `Readiness of ${ROWS.toLocaleString('en-US')} users: ${readinessMs.toFixed(0)} ms ` +
        `(${notReady.toLocaleString('en-US')} not ready; goal < 1000 ms) — ${readinessMs < 1000 ? 'met' : 'NOT met'}`,
    );
    source.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
