/**
 * Who a Send Email would reach: the selected users split into those ready to receive it (active,
 * with a valid address) and those left out unless the administrator includes them.
 */
import type { Database } from '../db/connection.js';
import { isValidEmail } from '../roster/email.js';

/** One selected user as the compose view lists them. */
export interface Recipient {
  userId: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  status: 'Active' | 'Inactive';
}

/** The selection, split. Each user appears in exactly one list. */
export interface PreparedRecipients {
  /** Active users with a valid address: sent to unless unticked. */
  ready: Recipient[];
  /** Inactive users (with a valid address): left out unless included. */
  inactive: Recipient[];
  /** Users whose address is missing or not valid (active or not): left out unless included. */
  invalidAddress: Recipient[];
  /** Selected ids that are no longer in the roster. */
  notFound: number[];
}

interface UserRow {
  id: number;
  user_name: string;
  first_name: string;
  last_name: string;
  email: string;
  status: 'Active' | 'Inactive';
}

/** Reads the given users (in the order given, duplicates once) straight from `users`. */
export function readRecipients(db: Database, userIds: readonly number[]): Map<number, Recipient> {
  const unique = [...new Set(userIds)];
  const rows = db
    .prepare<[string], UserRow>(
      `SELECT id, user_name, first_name, last_name, email, status FROM users
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(unique));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found = new Map<number, Recipient>();
  for (const id of unique) {
    const r = byId.get(id);
    if (!r) continue;
    found.set(id, {
      userId: r.id,
      userName: r.user_name,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email.trim(),
      status: r.status,
    });
  }
  return found;
}

/** Splits the selection for the compose view. */
export function prepareRecipients(db: Database, userIds: readonly number[]): PreparedRecipients {
  const found = readRecipients(db, userIds);
  const result: PreparedRecipients = { ready: [], inactive: [], invalidAddress: [], notFound: [] };
  for (const id of new Set(userIds)) {
    const r = found.get(id);
    if (!r) result.notFound.push(id);
    else if (!isValidEmail(r.email)) result.invalidAddress.push(r);
    else if (r.status !== 'Active') result.inactive.push(r);
    else result.ready.push(r);
  }
  return result;
}
