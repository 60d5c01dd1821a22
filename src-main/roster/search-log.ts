/**
 * Reading users_search_log (migration 0005) for the in-memory search index: how far this reader
 * has read, what changed since, and when the only safe answer is to rebuild from the table — a
 * rebuild marker (user id 0), more changes than replaying is worth, a log that went backwards (a
 * restored database), or a row read before that is gone or different (pruned past this reader by
 * another window, or rolled back and its number taken again: each row carries a random nonce).
 */
import type { Database } from '../db/connection.js';

/** What changed since the last read. */
export type LogNews = { kind: 'none' } | { kind: 'rebuild' } | { kind: 'replay'; ids: number[] };

/** More changed users than this: rebuilding is cheaper than replaying. */
const REPLAY_LIMIT = 200;
/** The log keeps this many rows once it has grown past {@link PRUNE_ABOVE}. */
const LOG_KEEP = 10_000;
const PRUNE_ABOVE = 50_000;

interface LogRow {
  seq: number;
  nonce: bigint;
}

type RawLogRow = { seq: bigint; nonce: bigint };

function logRowOf(row: RawLogRow | undefined): LogRow | undefined {
  return row && { seq: Number(row.seq), nonce: row.nonce };
}

export class SearchLogReader {
  /** The last log row read, and its nonce. */
  private lastSeq = 0;
  private lastNonce: bigint | null = null;
  private statements: ReturnType<typeof prepareStatements> | null = null;

  constructor(private readonly db: Database) {}

  /** Nothing new since the last read: one indexed read of the newest row, no transaction. */
  isCurrent(): boolean {
    const latest = logRowOf(this.sql().latest.get());
    if (!latest) return this.lastSeq === 0;
    return latest.seq === this.lastSeq && latest.nonce === this.lastNonce;
  }

  /**
   * What changed since the last read, which it then counts as read. Call inside the read
   * transaction that also reads the rows named, so both come from one snapshot. `known`: false
   * when the caller holds nothing yet (it must rebuild whatever the log says).
   */
  read(known: boolean): LogNews {
    const sql = this.sql();
    const latest = logRowOf(sql.latest.get());
    const maxSeq = latest?.seq ?? 0;
    let news: LogNews;
    if (!known || maxSeq < this.lastSeq || !this.stillRead()) news = { kind: 'rebuild' };
    else if (maxSeq === this.lastSeq) news = { kind: 'none' };
    else {
      const ids = [...new Set(sql.changed.all(this.lastSeq, maxSeq))];
      news =
        ids.includes(0) || ids.length > REPLAY_LIMIT
          ? { kind: 'rebuild' }
          : { kind: 'replay', ids };
    }
    this.lastSeq = maxSeq;
    this.lastNonce = latest?.nonce ?? null;
    return news;
  }

  /** Keeps the log short; a reader that falls behind the kept rows rebuilds (see stillRead). */
  prune(): void {
    const sql = this.sql();
    const oldest = logRowOf(sql.oldest.get());
    if (!oldest || this.lastSeq - oldest.seq <= PRUNE_ABOVE) return;
    sql.prune.run(this.lastSeq - LOG_KEEP);
  }

  /** Whether the log row last read is still there, the same row (not undone and taken again). */
  private stillRead(): boolean {
    if (this.lastSeq === 0) return true;
    const row = this.sql().nonceAt.get(this.lastSeq);
    // Missing: rolled back, or pruned by another window that read further. Rebuild either way.
    return row !== undefined && row.nonce === this.lastNonce;
  }

  /** The statements, prepared once (preparing costs more than running them). */
  private sql() {
    this.statements ??= prepareStatements(this.db);
    return this.statements;
  }
}

function prepareStatements(db: Database) {
  const logRow = (sql: string) => db.prepare<[], RawLogRow>(sql).safeIntegers();
  return {
    latest: logRow('SELECT seq, nonce FROM users_search_log ORDER BY seq DESC LIMIT 1'),
    oldest: logRow('SELECT seq, nonce FROM users_search_log ORDER BY seq LIMIT 1'),
    nonceAt: db
      .prepare<[number], { nonce: bigint }>('SELECT nonce FROM users_search_log WHERE seq = ?')
      .safeIntegers(),
    changed: db
      .prepare<[number, number], number>(
        'SELECT user_id FROM users_search_log WHERE seq > ? AND seq <= ? ORDER BY seq',
      )
      .pluck(),
    prune: db.prepare<[number]>('DELETE FROM users_search_log WHERE seq <= ?'),
  };
}
