/**
 * Group commit for the job runner's row updates. With many connections sending at once, many
 * rows change state within the same turn of the event loop; committing them together costs one
 * disk sync instead of one each, while every caller still waits until its own change is
 * committed (so a row is durably 'sending' before its SMTP transaction starts).
 */
import type { Database } from '../db/connection.js';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Queues writes and commits everything queued in one transaction on the next turn. */
export class GroupCommit {
  private pending: Pending[] = [];

  constructor(private readonly db: Database) {}

  /** Runs `write` inside the next group transaction; resolves with its result once committed. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    let results: unknown[];
    try {
      results = this.db.transaction(() => batch.map((p) => p.write()))();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]));
  }
}
