/**
 * Numbered schema migrations. Each `NNNN-name.sql` file beside this module (copied to out/main by
 * scripts/copy-main-assets.mjs) is one step; `PRAGMA user_version` records the last step applied.
 * Files are read at run time so each engineer's migration is picked up without code changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

/** One schema step read from disk. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The `migrations` folder next to this module, in src-main/db or out/main/db alike. */
export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

const MIGRATION_FILE = /^(\d{4})-([a-z0-9][a-z0-9-]*)\.sql$/;

/**
 * Reads every migration in `dir`, sorted by number. Numbers may have gaps (engineers own fixed
 * numbers and land at different times) but never duplicates, which would be ambiguous.
 */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const match = MIGRATION_FILE.exec(file);
    if (!match) continue;
    migrations.push({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(path.join(dir, file), 'utf8'),
    });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    const [prev, cur] = [migrations[i - 1], migrations[i]];
    if (prev && cur && prev.version === cur.version) {
      throw new Error(`Two migrations share number ${cur.version}: ${prev.name}, ${cur.name}.`);
    }
  }
  if (migrations[0] && migrations[0].version < 1) {
    throw new Error('Migration numbers start at 0001.');
  }
  return migrations;
}

/** The schema version this build of Trax Admin creates: the highest migration number. */
export function latestVersion(dir: string = MIGRATIONS_DIR): number {
  return loadMigrations(dir).at(-1)?.version ?? 0;
}

/** The database's schema version (`PRAGMA user_version`). */
export function schemaVersion(db: BetterSqlite3.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** The migrations `db` has not yet applied, in order. */
export function pendingMigrations(db: BetterSqlite3.Database, dir: string = MIGRATIONS_DIR) {
  const current = schemaVersion(db);
  return loadMigrations(dir).filter((m) => m.version > current);
}

/**
 * Applies each pending migration in its own transaction, setting `user_version` inside it, so a
 * failing step leaves the database exactly at the previous version. Answers the versions applied.
 */
export function migrate(db: BetterSqlite3.Database, dir: string = MIGRATIONS_DIR): number[] {
  const applied: number[] = [];
  for (const migration of pendingMigrations(db, dir)) {
    db.transaction(() => {
      db.exec(migration.sql);
      // A pragma cannot take a bound parameter; the version is an integer parsed from the name.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
