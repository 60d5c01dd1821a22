/**
 * Test helpers: a fresh data folder in the OS temp directory and a real, migrated database file
 * inside it. Every test gets its own folder, removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../src-main/db/connection.js';

/** A clock that stands still at `iso` until moved with `set`. */
export function fixedClock(iso = '2026-01-02T03:04:05.000Z') {
  let now = new Date(iso);
  const clock = () => new Date(now);
  clock.set = (next: string) => {
    now = new Date(next);
  };
  return clock;
}

/** A new empty folder; `cleanup` removes it. */
export function tempDir(prefix = 'trax-test-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated database file in a new temp folder; `cleanup` closes it and removes the folder. */
export function tempDatabase(clock = fixedClock()) {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'trax-admin.db');
  const db: Database = openDatabase(file, { clock });
  return {
    db,
    dir,
    file,
    clock,
    cleanup: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}
