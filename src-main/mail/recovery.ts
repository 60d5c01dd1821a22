/**
 * Mail state that only made sense in another process: after an unclean stop, and after a backup
 * replaced the data. In both cases a row that may have been sent must never be sent again by
 * Resume, so it becomes 'uncertain' with the reason, and a job recorded as running becomes
 * 'interrupted'.
 */
import type { Clock } from '../app.js';
import type { Database } from '../db/connection.js';

/** Why a row left 'sending' by a crash is uncertain. */
export const STOPPED_WHILE_SENDING =
  'Trax Admin stopped while this message was being sent; it may or may not have been ' +
  'delivered, so it was not sent again.';

/** Why a row that a restored backup recorded as queued or sending is uncertain. */
export const RESTORED_FROM_BACKUP =
  'Restored from a backup: this message was still waiting or being sent when the backup was ' +
  'made and may have been sent since, so it will not be sent again. Check before resending.';

/** What a recovery changed. */
export interface Recovered {
  jobs: number;
  uncertain: number;
}

/**
 * At start-up: rows left 'sending' may or may not have reached the server, so they become
 * 'uncertain'; running jobs become 'interrupted' (their queued rows wait for an explicit Resume).
 */
export function recoverInterrupted(db: Database, clock: Clock): Recovered {
  return settle(db, clock, ['sending'], STOPPED_WHILE_SENDING);
}

/**
 * After a restore: the backup may be older than mail sent since, so its queued rows are as
 * uncertain as its sending ones. Nothing of it is sent again without the administrator.
 */
export function settleRestoredJobs(db: Database, clock: Clock): Recovered {
  return settle(db, clock, ['queued', 'sending'], RESTORED_FROM_BACKUP);
}

function settle(db: Database, clock: Clock, from: string[], reason: string): Recovered {
  return db.transaction(() => {
    const now = clock().toISOString();
    const uncertain = db
      .prepare(
        `UPDATE mail_deliveries SET status = 'uncertain', error = ?, updated_at = ?
           WHERE status IN (SELECT value FROM json_each(?))`,
      )
      .run(reason, now, JSON.stringify(from)).changes;
    const jobs = db
      .prepare(
        `UPDATE mail_jobs SET status = 'interrupted', updated_at = ? WHERE status = 'running'`,
      )
      .run(now).changes;
    return { jobs, uncertain };
  })();
}
