/**
 * The columns of `users` that sign-in reads and writes: password hash, failure counter, last
 * failure, last login, lockout. Profile edits stay with the roster's repository.
 */
import type { Database } from '../db/connection.js';
import type { UserStatus } from '../roster/schemas.js';

/** A user as sign-in sees them. */
export interface Account {
  id: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  status: UserStatus;
  passwordHash: string | null;
  passwordFailures: number;
  lockedUntil: string | null;
}

const COLUMNS =
  'id, user_name AS userName, first_name AS firstName, last_name AS lastName, email, status, ' +
  'password_hash AS passwordHash, password_failures AS passwordFailures, ' +
  'locked_until AS lockedUntil';

/** Reads and updates the sign-in columns of `users`. Dates are ISO-8601 UTC strings. */
export class AccountsRepository {
  constructor(private readonly db: Database) {}

  /** The user with this user name, regardless of case (the column is NOCASE). */
  byUserName(userName: string): Account | undefined {
    return this.db
      .prepare<[string], Account>(`SELECT ${COLUMNS} FROM users WHERE user_name = ?`)
      .get(userName.trim());
  }

  /** The user with this id. */
  byId(id: number): Account | undefined {
    return this.db.prepare<[number], Account>(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id);
  }

  /**
   * Counts a failed sign-in and dates it; answers the failures since the last lock, unlock or
   * success (what the lockout threshold is compared with).
   */
  recordFailure(id: number, at: Date): number {
    const count = this.db
      .prepare<[string, number], number>(
        'UPDATE users SET password_failures = password_failures + 1, ' +
          'failures_since_lock = failures_since_lock + 1, last_password_failure_at = ? ' +
          'WHERE id = ? RETURNING failures_since_lock',
      )
      .pluck()
      .get(at.toISOString(), id);
    return count ?? 0;
  }

  /** Locks the account until `until`; the next lock needs a new run of failures. */
  lock(id: number, until: Date): void {
    this.db
      .prepare('UPDATE users SET locked_until = ?, failures_since_lock = 0 WHERE id = ?')
      .run(until.toISOString(), id);
  }

  /** A full sign-in (password and code): resets the counters, ends any lock, sets the login date. */
  recordLogin(id: number, at: Date): void {
    this.db
      .prepare(
        'UPDATE users SET password_failures = 0, failures_since_lock = 0, locked_until = NULL, ' +
          'last_login_at = ? WHERE id = ?',
      )
      .run(at.toISOString(), id);
  }

  /**
   * Ends any lock now (the administrator's Unlock, or Set password): the next lock needs a full
   * new run of failures. "Password Failures Since Last Success" is kept.
   */
  unlock(id: number): void {
    this.db
      .prepare('UPDATE users SET locked_until = NULL, failures_since_lock = 0 WHERE id = ?')
      .run(id);
  }

  /**
   * Stores a new password hash (and nothing about the password itself). A lock stays in force:
   * only the administrator lifts one early ({@link unlock}).
   */
  setPasswordHash(id: number, hash: string): boolean {
    return (
      this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, id).changes === 1
    );
  }
}
