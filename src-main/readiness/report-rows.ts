/**
 * The readiness report as rows (one per user, in user-name order) for the CSV export.
 */
import type { Database } from '../db/connection.js';
import { evaluateReadiness, type ReadinessDeps } from './evaluate.js';

/** One line of the readiness report. */
export interface ReadinessReportRow {
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  status: string;
  /** "Ready", "Not ready" or "Out of scope (inactive)". */
  readiness: string;
  /** The reasons' sentences, separated by " | ". */
  reasons: string;
}

/** Every user with their verdict; `onlyNotReady` keeps the active users who are not ready. */
export function readinessReportRows(
  db: Database,
  deps: ReadinessDeps,
  onlyNotReady: boolean,
): ReadinessReportRow[] {
  const report = evaluateReadiness(db, deps);
  const users = db
    .prepare<[], { id: number } & Omit<ReadinessReportRow, 'readiness' | 'reasons'>>(
      'SELECT id, user_name AS userName, first_name AS firstName, last_name AS lastName, email, ' +
        'status FROM users ORDER BY user_name COLLATE NOCASE, id',
    )
    .all();
  const rows: ReadinessReportRow[] = [];
  for (const { id, ...user } of users) {
    const verdict = report.byUser.get(id);
    const reasons = verdict?.reasons ?? [];
    if (onlyNotReady && reasons.length === 0) continue;
    const readiness = !verdict?.inScope
      ? 'Out of scope (inactive)'
      : reasons.length
        ? 'Not ready'
        : 'Ready';
    rows.push({ ...user, readiness, reasons: reasons.map((r) => r.text).join(' | ') });
  }
  return rows;
}
