/**
 * Large imports skip the search log's per-row triggers (migration 0005) and write one rebuild
 * marker instead: the in-memory search index then reads the table once, rather than replaying
 * tens of thousands of logged changes. Everything happens inside the import's transaction, and
 * the triggers are recreated from their own stored SQL, so the schema is exactly as before
 * whether it commits or rolls back.
 */
import type { Database } from '../db/connection.js';

/** Below this many written rows, logging each change is cheap enough. */
export const BULK_MIN_ROWS = 1000;

/**
 * True when one rebuild beats logging each row: many rows, and a good share of the roster after
 * the import (rebuilding reads the whole table, however few rows changed).
 */
export function worthBulkLoad(writtenRows: number, rosterSizeAfter: number): boolean {
  return writtenRows >= BULK_MIN_ROWS && writtenRows * 4 >= rosterSizeAfter;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs `work` with the search log's triggers dropped, then logs one rebuild marker and recreates
 * them. Must be called inside a transaction.
 */
export function withBulkLoad<T>(db: Database, work: () => T): T {
  const triggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' " +
        "AND name LIKE 'users\\_search\\_log\\_%' ESCAPE '\\'",
    )
    .all();
  for (const t of triggers) db.exec(`DROP TRIGGER ${quoteIdentifier(t.name)}`);
  const result = work();
  db.prepare('INSERT INTO users_search_log (user_id, nonce) VALUES (0, random())').run();
  for (const t of triggers) db.exec(t.sql);
  return result;
}
