/**
 * Each user's last test email (time and result), for Manage Users, View Details and readiness.
 */
import type { Database } from '../db/connection.js';

/** The outcome of a user's most recent Send Email delivery. */
export interface LastTestResult {
  /** ISO-8601 UTC time of the outcome. */
  at: string;
  status: 'sent' | 'failed' | 'uncertain';
  /** The server's reply when sent, otherwise the reason in plain language. */
  detail: string;
  /** Where it went: 'outbox' means it only reached the Local outbox (nothing left the machine). */
  via: 'outbox' | 'smtp' | null;
  jobId: number;
}

interface Row {
  user_id: number;
  status: LastTestResult['status'];
  updated_at: string;
  detail: string | null;
  via: LastTestResult['via'];
  job_id: number;
}

/**
 * The last settled delivery (sent, failed or uncertain) per user; rows still queued or being
 * sent do not count yet. Limited to `userIds` when given.
 */
export function lastTestResults(db: Database, userIds?: number[]): Map<number, LastTestResult> {
  const rows = db
    .prepare<[string | null, string | null], Row>(
      `SELECT user_id, status, updated_at, detail, via, job_id FROM (
         SELECT user_id, status, updated_at, via, job_id,
           CASE WHEN status = 'sent' THEN smtp_response ELSE error END AS detail,
           row_number() OVER (PARTITION BY user_id ORDER BY updated_at DESC, id DESC) AS rn
         FROM mail_deliveries
         WHERE status IN ('sent', 'failed', 'uncertain')
           AND (? IS NULL OR user_id IN (SELECT value FROM json_each(?)))
       ) WHERE rn = 1`,
    )
    .all(...bind(userIds));
  return new Map(
    rows.map((r) => [
      r.user_id,
      { at: r.updated_at, status: r.status, detail: r.detail ?? '', via: r.via, jobId: r.job_id },
    ]),
  );
}

function bind(userIds?: number[]): [string | null, string | null] {
  const json = userIds ? JSON.stringify(userIds) : null;
  return [json, json];
}
