/**
 * Bulk Send Email jobs and their per-recipient delivery rows. Every state change is its own
 * committed statement, so after a crash the database says exactly which messages may have gone.
 */
import type { Clock } from '../app.js';
import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { SupportContacts } from './settings.js';
import type { Recipient } from './recipients.js';

/** A delivery row's state. */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A job's state. */
export const JOB_STATUSES = ['running', 'cancelled', 'interrupted', 'finished'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** How many rows of a job are in each state. */
export interface JobCounts extends Record<DeliveryStatus, number> {
  total: number;
}

/** One job as the mail log lists it. */
export interface JobSummary {
  id: number;
  createdAt: string;
  updatedAt: string;
  subject: string;
  status: JobStatus;
  counts: JobCounts;
}

/** A job with its template (for sending and for the progress view). */
export interface Job extends JobSummary {
  body: string;
  support: SupportContacts;
}

/** One recipient's delivery. */
export interface DeliveryRow {
  id: number;
  jobId: number;
  userId: number;
  userName: string;
  firstName: string;
  lastName: string;
  address: string;
  name: string;
  status: DeliveryStatus;
  attempts: number;
  via: 'outbox' | 'smtp' | null;
  messageId: string | null;
  smtpResponse: string | null;
  error: string | null;
  updatedAt: string;
}

const ROW_COLUMNS = `id, job_id AS jobId, user_id AS userId, user_name AS userName,
  first_name AS firstName, last_name AS lastName, address, name, status, attempts, via,
  message_id AS messageId, smtp_response AS smtpResponse, error, updated_at AS updatedAt`;

const COUNTS_SQL = `SELECT status, count(*) AS n FROM mail_deliveries WHERE job_id = ? GROUP BY status`;

/** Reads and changes jobs and delivery rows. */
export class JobsRepository {
  /** Prepared once: a job of thousands of rows runs these statements thousands of times. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  private prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as unknown as Statement<P, R>;
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /**
   * Persists a job and one queued row per recipient in one transaction, before anything is
   * sent. A recipient without any address cannot be attempted and is recorded failed at once.
   */
  createJob(
    template: { subject: string; body: string },
    support: SupportContacts,
    recipients: readonly Recipient[],
  ): number {
    const now = this.now();
    return this.db.transaction(() => {
      const jobId = Number(
        this.prepare(
          `INSERT INTO mail_jobs (created_at, updated_at, subject, body, support_phone,
               support_email, status, total) VALUES (?, ?, ?, ?, ?, ?, 'running', ?)`,
        ).run(
          now,
          now,
          template.subject,
          template.body,
          support.phone,
          support.email,
          recipients.length,
        ).lastInsertRowid,
      );
      const insert = this.prepare(
        `INSERT INTO mail_deliveries (job_id, user_id, user_name, first_name, last_name, address,
           name, status, error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of recipients) {
        const missing = r.email === '';
        insert.run(
          jobId,
          r.userId,
          r.userName,
          r.firstName,
          r.lastName,
          r.email,
          `${r.firstName} ${r.lastName}`.trim(),
          missing ? 'failed' : 'queued',
          missing ? 'This user has no email address.' : null,
          now,
        );
      }
      return jobId;
    })();
  }

  /** One job. @throws AppError NOT_FOUND */
  job(jobId: number): Job {
    const row = this.prepare<
      [number],
      Omit<Job, 'counts' | 'support'> & { supportPhone: string; supportEmail: string }
    >(
      `SELECT id, created_at AS createdAt, updated_at AS updatedAt, subject, body, status,
           support_phone AS supportPhone, support_email AS supportEmail FROM mail_jobs WHERE id = ?`,
    ).get(jobId);
    if (!row) throw new AppError('NOT_FOUND', 'That Send Email job no longer exists.');
    const { supportPhone, supportEmail, ...rest } = row;
    return {
      ...rest,
      support: { phone: supportPhone, email: supportEmail },
      counts: this.counts(jobId),
    };
  }

  /** Every job (or only those in `status`), newest first (the mail log). */
  listJobs(status?: JobStatus, limit = 200): JobSummary[] {
    return this.prepare<[string | null, string | null, number], Omit<JobSummary, 'counts'>>(
      `SELECT id, created_at AS createdAt, updated_at AS updatedAt, subject, status
         FROM mail_jobs WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?`,
    )
      .all(status ?? null, status ?? null, limit)
      .map((j) => ({ ...j, counts: this.counts(j.id) }));
  }

  /** Rows per state. */
  counts(jobId: number): JobCounts {
    const counts: JobCounts = { queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, total: 0 };
    for (const { status, n } of this.prepare<[number], { status: DeliveryStatus; n: number }>(
      COUNTS_SQL,
    ).all(jobId)) {
      counts[status] = n;
      counts.total += n;
    }
    return counts;
  }

  /** A job's rows in recipient order, optionally only those in `status`. */
  rows(jobId: number, status?: DeliveryStatus, limit = 10_000, offset = 0): DeliveryRow[] {
    return this.prepare<[number, string | null, string | null, number, number], DeliveryRow>(
      `SELECT ${ROW_COLUMNS} FROM mail_deliveries
         WHERE job_id = ? AND (? IS NULL OR status = ?) ORDER BY id LIMIT ? OFFSET ?`,
    ).all(jobId, status ?? null, status ?? null, limit, offset);
  }

  /** The job's queued rows in recipient order (what a run will send). */
  queuedRows(jobId: number): DeliveryRow[] {
    return this.prepare<[number], DeliveryRow>(
      `SELECT ${ROW_COLUMNS} FROM mail_deliveries WHERE job_id = ? AND status = 'queued'
       ORDER BY id`,
    ).all(jobId);
  }

  /**
   * Marks a queued row 'sending' and counts the attempt — committed before the SMTP transaction
   * starts, which is what lets recovery tell "maybe sent" from "not sent". False if the row is
   * no longer queued.
   */
  claim(rowId: number): boolean {
    return (
      this.prepare(
        `UPDATE mail_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = ?
           WHERE id = ? AND status = 'queued'`,
      ).run(this.now(), rowId).changes === 1
    );
  }

  /**
   * Undoes {@link claim} for a row that was never handed over (claimed ahead of its turn, then
   * the run stopped or paused): queued again, the attempt not counted.
   */
  unclaim(rowId: number): void {
    this.prepare(
      `UPDATE mail_deliveries SET status = 'queued', attempts = attempts - 1, updated_at = ?
         WHERE id = ? AND status = 'sending'`,
    ).run(this.now(), rowId);
  }

  /** The server accepted the message. */
  markSent(rowId: number, via: 'outbox' | 'smtp', messageId: string, response: string): void {
    this.finish(rowId, 'sent', via, messageId, response, null);
  }

  /** The message will not be delivered: `error` says why, in plain language. */
  markFailed(rowId: number, via: 'outbox' | 'smtp', error: string): void {
    this.finish(rowId, 'failed', via, null, null, error);
  }

  /**
   * The message may or may not have been delivered (the connection ended after the whole
   * message, before the server's reply): `reason` says so. Never re-sent automatically.
   */
  markUncertain(rowId: number, via: 'outbox' | 'smtp', reason: string): void {
    this.finish(rowId, 'uncertain', via, null, null, reason);
  }

  /** A temporary failure: back to queued (with the reason) until the retry. */
  requeue(rowId: number, via: 'outbox' | 'smtp', error: string): void {
    this.finish(rowId, 'queued', via, null, null, error);
  }

  private finish(
    rowId: number,
    status: DeliveryStatus,
    via: 'outbox' | 'smtp',
    messageId: string | null,
    response: string | null,
    error: string | null,
  ): void {
    this.prepare(
      `UPDATE mail_deliveries SET status = ?, via = ?, message_id = ?, smtp_response = ?,
           error = ?, updated_at = ? WHERE id = ?`,
    ).run(status, via, messageId, response, error, this.now(), rowId);
  }

  /** A setup problem stops the job: every row still queued is failed with that reason. */
  failQueued(jobId: number, error: string): number {
    return this.prepare(
      `UPDATE mail_deliveries SET status = 'failed', error = ?, updated_at = ?
         WHERE job_id = ? AND status = 'queued'`,
    ).run(error, this.now(), jobId).changes;
  }

  /** Sets the job's state. */
  setStatus(jobId: number, status: JobStatus): void {
    this.prepare('UPDATE mail_jobs SET status = ?, updated_at = ? WHERE id = ?').run(
      status,
      this.now(),
      jobId,
    );
  }

  /** Retry failed: the failed rows go back to queued. Answers how many. */
  requeueFailed(jobId: number): number {
    return this.prepare(
      `UPDATE mail_deliveries SET status = 'queued', updated_at = ?
         WHERE job_id = ? AND status = 'failed' AND address <> ''`,
    ).run(this.now(), jobId).changes;
  }
}
