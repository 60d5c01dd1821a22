/**
 * Large imports rebuild the roster's indexes once instead of row by row. The trigram search
 * index (users_search, kept in step by the users_search_* triggers of migration 0001) and the
 * ten sort indexes on `users` cost far more per inserted row than the row itself; FTS5's
 * 'rebuild' and CREATE INDEX each sweep the table once, several times faster for a big import.
 * Everything happens inside the import's transaction, and the triggers and indexes are recreated
 * from their own stored SQL, so the schema is exactly as before whether it commits or rolls back.
 * The UNIQUE index on user_name (no stored SQL) always stays: it guards every insert.
 */
import type { Database } from '../db/connection.js';

/** Below this many written rows, maintaining the indexes row by row is cheap enough. */
export const BULK_MIN_ROWS = 1000;

/**
 * True when rebuilding beats maintaining: many rows, and a good share of the roster after the
 * import (rebuilding costs a sweep of the whole table, however few rows changed).
 */
export function worthBulkLoad(writtenRows: number, rosterSizeAfter: number): boolean {
  return writtenRows >= BULK_MIN_ROWS && writtenRows * 4 >= rosterSizeAfter;
}

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs `work` with the search triggers and the secondary indexes of `users` dropped, then
 * rebuilds the search index and recreates them. Must be called inside a transaction.
 */
export function withBulkLoad<T>(db: Database, work: () => T): T {
  const objects = db
    .prepare<[], SchemaObject>(
      "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'users' AND sql IS NOT NULL " +
        "AND (type = 'index' OR (type = 'trigger' AND name LIKE 'users\\_search\\_%' ESCAPE '\\'))",
    )
    .all();
  const hasSearchTriggers = objects.some((o) => o.type === 'trigger');
  for (const o of objects) {
    db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} ${quoteIdentifier(o.name)}`);
  }
  const result = work();
  if (hasSearchTriggers) db.exec("INSERT INTO users_search (users_search) VALUES ('rebuild')");
  for (const o of objects) db.exec(o.sql);
  return result;
}
