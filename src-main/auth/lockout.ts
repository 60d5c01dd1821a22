/**
 * The account lockout (OWASP ASVS 4.0.3 §2.2.1): every kind of failed sign-in counts toward it —
 * a wrong password, a sign-in or password-reset attempt that ended after wrong codes, a wrong old
 * password in Change Password — and the account locks when the failures since the last lock (or
 * unlock, or success) reach the policy's threshold. Failures while a lock is in force are not
 * counted: the lock already refuses everything, and counting them would only extend it.
 */
import type { Clock } from '../app.js';
import type { Account, AccountsRepository } from './accounts.js';
import type { PolicyStore } from './policy.js';

/** Counts failed sign-ins and locks accounts. */
export class Lockout {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  /** True while the account's lock is in force. */
  isLocked(account: Pick<Account, 'lockedUntil'>): boolean {
    return account.lockedUntil !== null && Date.parse(account.lockedUntil) > this.clock().getTime();
  }

  /**
   * Counts one failed sign-in of `userId` ("Password Failures Since Last Success", "Last Password
   * Failure Date") and locks the account when the failures since its last lock reach the
   * threshold. Nothing happens for an unknown user or while a lock is in force.
   */
  recordFailure(userId: number): void {
    const account = this.accounts.byId(userId);
    if (!account || this.isLocked(account)) return;
    const now = this.clock();
    const policy = this.policy.get();
    const sinceLock = this.accounts.recordFailure(userId, now);
    if (sinceLock >= policy.failedSignInsBeforeLockout) {
      this.accounts.lock(userId, new Date(now.getTime() + policy.lockoutMinutes * 60_000));
    }
  }
}
