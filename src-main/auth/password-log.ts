/**
 * Storing a new simulator password and recording it in the change log, in one transaction,
 * whoever sets it: the administrator (View Details), or the user in the Login Simulator (Change
 * Password, Forgot password). The entry's field is `password`; its new value says who and how,
 * never the password or its hash.
 */
import { PASSWORD_SET, type AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/connection.js';
import type { AccountsRepository } from './accounts.js';

/** Where password changes and unlocks are recorded: the change log's recorder. */
export type PasswordChangeRecorder = Pick<AuditRecorder, 'record'>;

/** What each way of setting a password records as the new value (the old one is null). */
export const PASSWORD_CHANGES = {
  /** The administrator's Set password in View Details. */
  admin: PASSWORD_SET,
  /** My Profile → Change Password in the Login Simulator. */
  changed: '(password changed by the user in the Login Simulator)',
  /** Forgot password? with an emailed reset code, in the Login Simulator. */
  reset: '(password reset by the user with an emailed code)',
} as const;

/** Who set a password. */
export type PasswordChange = keyof typeof PASSWORD_CHANGES;

/** What {@link storePassword} needs. */
export interface PasswordLogDeps {
  db: Database;
  accounts: AccountsRepository;
  recorder?: PasswordChangeRecorder | undefined;
}

/**
 * Stores `hash` as the user's password and records the change, in one transaction (joining the
 * caller's, if any). False when there is no such user, and then nothing is recorded.
 */
export function storePassword(
  deps: PasswordLogDeps,
  userId: number,
  hash: string,
  how: PasswordChange,
): boolean {
  return deps.db.transaction(() => {
    if (!deps.accounts.setPasswordHash(userId, hash)) return false;
    deps.recorder?.record([
      {
        userId,
        field: 'password',
        oldValue: null,
        newValue: PASSWORD_CHANGES[how],
        source: 'password',
      },
    ]);
    return true;
  })();
}
