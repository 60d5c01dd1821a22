/**
 * The administrator's side of simulator passwords, used from View Details: set a user's password,
 * see whether they still use the demo password or have their own, and lift a lockout. Each change
 * is recorded in the change log (when one is given) in the same transaction as the change.
 */
import type { Clock } from '../app.js';
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { AccountsRepository } from './accounts.js';
import { storePassword, type PasswordChangeRecorder } from './password-log.js';
import { hashPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';

/** The change-log field an Unlock is recorded under (old value: the lock's end). */
export const LOCK_FIELD = 'accountLock';
/** What an Unlock records as the new value. */
export const UNLOCKED = '(unlocked)';

/**
 * How a user signs in to the simulator: `demo` — with the documented demo password (no password
 * of their own, demo roster); `set` — with a password an administrator or the user chose;
 * `none` — not at all until an administrator sets one.
 */
export type PasswordKind = 'demo' | 'set' | 'none';

/** View Details' "Login simulator password" section. */
export interface PasswordState {
  kind: PasswordKind;
  /** ISO-8601 UTC end of a lockout still in force, else null. */
  lockedUntil: string | null;
}

/** What {@link PasswordAdmin} needs. */
export interface PasswordAdminDeps {
  db: Database;
  accounts: AccountsRepository;
  sessions: SessionStore;
  clock: Clock;
  /** True while the roster is the seeded demo roster (see PasswordVerifier). */
  isDemoRoster: () => boolean;
  recorder?: PasswordChangeRecorder;
}

const GONE = 'That user no longer exists.';

/** Set password, password state and Unlock, for the administrator. */
export class PasswordAdmin {
  constructor(private readonly deps: PasswordAdminDeps) {}

  /**
   * Sets a user's simulator password. Only the hash is stored and only the fact is recorded;
   * a lockout is lifted and the user's simulator sessions end.
   * @throws AppError NOT_FOUND when there is no such user.
   */
  async setUserPassword(id: number, password: string): Promise<void> {
    const hash = await hashPassword(password);
    const { db, accounts } = this.deps;
    db.transaction(() => {
      if (!storePassword(this.deps, id, hash, 'admin')) throw new AppError('NOT_FOUND', GONE);
      accounts.unlock(id);
    })();
    this.deps.sessions.endAllOf(id);
  }

  /** Whether the user has a password of their own, and a lockout still in force. */
  passwordState(id: number): PasswordState {
    const account = this.deps.accounts.byId(id);
    if (!account) throw new AppError('NOT_FOUND', GONE);
    const kind: PasswordKind =
      account.passwordHash !== null ? 'set' : this.deps.isDemoRoster() ? 'demo' : 'none';
    return { kind, lockedUntil: this.lockInForce(account.lockedUntil) };
  }

  /**
   * Lifts a lockout. "Password Failures Since Last Success" stays; the next lock comes after a
   * full new run of the threshold's failures. Recorded only when a lock was in force.
   * @throws AppError NOT_FOUND when there is no such user.
   */
  unlock(id: number): PasswordState {
    const { db, accounts, recorder } = this.deps;
    db.transaction(() => {
      const account = accounts.byId(id);
      if (!account) throw new AppError('NOT_FOUND', GONE);
      const wasLockedUntil = this.lockInForce(account.lockedUntil);
      accounts.unlock(id);
      if (wasLockedUntil !== null) {
        recorder?.record([
          {
            userId: id,
            field: LOCK_FIELD,
            oldValue: `Locked until ${wasLockedUntil}`,
            newValue: UNLOCKED,
            source: 'edit',
          },
        ]);
      }
    })();
    return this.passwordState(id);
  }

  /** `lockedUntil` when it is still in the future, else null. */
  private lockInForce(lockedUntil: string | null): string | null {
    return lockedUntil !== null && Date.parse(lockedUntil) > this.deps.clock().getTime()
      ? lockedUntil
      : null;
  }
}
