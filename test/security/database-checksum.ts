/**
 * A checksum of every row of every table of a database, for specs that must prove a refused
 * request changed nothing at all (not just the one row they aimed at).
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../../src-main/db/sqlite.js';

/** The checksum of `db`'s rows, table by table (names from sqlite_master, never from input). */
export function databaseChecksum(db: BetterSqlite3.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .all();
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    hash.update(name);
    // Rows sorted as text: some tables (FTS shadows, WITHOUT ROWID) have no rowid to order by.
    const rows = db
      .prepare(`SELECT * FROM ${quoted}`)
      .all()
      .map((row) => JSON.stringify(row));
    hash.update(rows.sort().join('\n'));
  }
  return hash.digest('hex');
}

/**
 * The checksum of the database file another process (the browser host) has open, read through
 * a read-only connection of our own (WAL lets it see every committed change).
 */
export function databaseFileChecksum(file: string): string {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    return databaseChecksum(db);
  } finally {
    db.close();
  }
}
