/**
 * The rows a run of a Send Email job hands to its connections, in recipient order.
 */
import type { DeliveryRow, JobsRepository } from './jobs-repository.js';

/** A job's queued rows, each taken by one connection at a time. */
export class RowQueue {
  /** Rows a connection has taken and not given back: no other connection may take them. */
  private readonly reserved = new Set<number>();
  private rows: DeliveryRow[] = [];
  private at = 0;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly jobId: number,
  ) {}

  /**
   * The next queued row, reserved for the caller. The rows are read once and read again when
   * drained: Retry failed may queue more while the job runs, and a row put back is sent then.
   */
  take(): DeliveryRow | undefined {
    if (this.at >= this.rows.length) {
      this.rows = this.jobs.queuedRows(this.jobId).filter((r) => !this.reserved.has(r.id));
      this.at = 0;
    }
    const row = this.rows[this.at++];
    if (row) this.reserved.add(row.id);
    return row;
  }

  /** Gives up the reservation of a taken row (sent, failed, or put back in the queue). */
  release(rowId: number): void {
    this.reserved.delete(rowId);
  }
}
