/**
 * What a signed-in simulator user can do (My Profile, Change Password, sign out), Forgot password
 * with an emailed reset code. The administrator's side (View Details) is in password-admin.ts.
 */
import type { Clock } from '../app.js';
import { AppError } from '../errors.js';
import type { AccountsRepository } from './accounts.js';
import type { ChallengeStore, IssuedChallenge } from './challenges.js';
import { resetCodeEmail } from './code-email.js';
import type { SupportContacts } from '../mail/settings.js';
import type { Database } from '../db/connection.js';
import type { Lockout } from './lockout.js';
import { storePassword, type PasswordChangeRecorder } from './password-log.js';
import { hashPassword, type PasswordVerifier } from './passwords.js';
import type { Policy, PolicyStore } from './policy.js';
import type { SessionStore } from './sessions.js';
import { profileOf, type CodeMailer, type SimulatorProfile } from './sign-in.js';

/**
 * The one answer to Forgot password, whether or not the user name exists, is active or locked.
 * It says what a locked account gets (nothing) without saying whether this one is.
 */
export const RESET_REQUESTED =
  'If that user name belongs to an active user, a password reset code has been sent to the ' +
  'email address in their user profile. No code is sent while an account is locked after too ' +
  'many failed sign-ins: a password reset does not end a lockout early.';
/** The one refusal of a reset, whatever was wrong (user name, code, expiry, lockout). */
export const RESET_REFUSED =
  'The user name or reset code is not valid, the code has expired, or the account is locked. ' +
  'Request a new code; a locked account must wait until its lockout time is over.';
/** Change Password, when the old password does not match. */
export const OLD_PASSWORD_WRONG = 'The old password is not correct.';
/** Change Password while the signed-in user's account is locked (they may know: it is theirs). */
export const CHANGE_LOCKED =
  'Your account is locked after too many failed attempts. You can change your password once ' +
  'the lockout time is over.';

/** What the account service needs. */
export interface AccountDeps {
  db: Database;
  accounts: AccountsRepository;
  challenges: ChallengeStore;
  passwords: PasswordVerifier;
  policy: PolicyStore;
  sessions: SessionStore;
  lockout: Lockout;
  mailer: CodeMailer;
  supportContacts: () => SupportContacts;
  clock: Clock;
  /** Records each password change in the change log (never the password). */
  recorder?: PasswordChangeRecorder | undefined;
  /** Where a failed reset email is reported: the answer cannot say, or it would enumerate. */
  onMailError?: (error: unknown) => void;
}

/** Profile, Change Password, sign out, Forgot password. */
export class AccountService {
  /** The last reset email in flight; tests await it to read the outbox. */
  private pendingMail: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AccountDeps) {}

  /** Profile Info of the session's user. @throws AppError NOT_FOUND when the session ended. */
  profile(session: string): SimulatorProfile {
    const account = this.deps.accounts.byId(this.deps.sessions.userOf(session));
    if (!account) throw new AppError('NOT_FOUND', 'That user no longer exists.');
    return profileOf(account);
  }

  /**
   * Change Password. The form schema already checked the length and that the two new passwords
   * match and differ from the old one; here the old one must be right. A wrong old password is a
   * failed sign-in (it counts toward the lockout), and a locked account cannot change it. The
   * change is recorded in the change log; other sessions end.
   */
  async changePassword(session: string, oldPassword: string, newPassword: string): Promise<void> {
    const userId = this.deps.sessions.userOf(session);
    const account = this.deps.accounts.byId(userId);
    if (!account) throw new AppError('NOT_FOUND', 'That user no longer exists.');
    if (this.deps.lockout.isLocked(account)) throw new AppError('UNAVAILABLE', CHANGE_LOCKED);
    if (!(await this.deps.passwords.verify(oldPassword, account.passwordHash))) {
      this.deps.lockout.recordFailure(userId);
      throw new AppError('VALIDATION', 'Please correct the highlighted fields.', {
        oldPassword: OLD_PASSWORD_WRONG,
      });
    }
    storePassword(this.deps, userId, await hashPassword(newPassword), 'changed');
    this.deps.sessions.endAllOf(userId, session);
  }

  /** Ends the session. */
  signOut(session: string): void {
    this.deps.sessions.end(session);
  }

  /**
   * Forgot password: for an active user who is not locked, emails a reset code. A request while
   * a reset attempt is open is a resend of that attempt (cooldown, a bounded number of resends,
   * wrong codes still counted); a new attempt starts only once the open one's code has expired.
   * The answer is always {@link RESET_REQUESTED}, and the email is sent after answering, so
   * neither the words nor the time taken tell whether the user exists.
   */
  forgotPassword(userName: string): { message: string } {
    const policy = this.deps.policy.get();
    const account = this.deps.accounts.byUserName(userName);
    const canReset =
      account &&
      account.status === 'Active' &&
      account.email.trim() !== '' &&
      !this.deps.lockout.isLocked(account);
    const issued = canReset ? this.nextResetCode(account.id, policy) : undefined;
    if (account && issued) {
      const message = resetCodeEmail(
        { email: account.email, name: `${account.firstName} ${account.lastName}`.trim() },
        {
          firstName: account.firstName,
          code: issued.code,
          lifetimeMinutes: policy.codeLifetimeMinutes,
          support: this.deps.supportContacts(),
        },
      );
      this.pendingMail = this.deps.mailer.send(message).then(
        () => undefined,
        (error: unknown) => this.deps.onMailError?.(error),
      );
    }
    return { message: RESET_REQUESTED };
  }

  /** The reset code to send now, or none (cooldown; no resend left while the code still works). */
  private nextResetCode(userId: number, policy: Policy): IssuedChallenge | undefined {
    const { challenges } = this.deps;
    const open = challenges.latestOpen(userId, 'password-reset');
    if (open === undefined) return challenges.issue(userId, 'password-reset', policy);
    const resend = challenges.resend(open, policy);
    if (resend.status === 'issued') return resend.challenge;
    if (resend.status === 'ended' || (resend.status === 'limit' && challenges.isExpired(open))) {
      return challenges.issue(userId, 'password-reset', policy);
    }
    return undefined;
  }

  /** Resolves once the last reset email was handed to the delivery (or failed). */
  mailSettled(): Promise<void> {
    return this.pendingMail;
  }

  /**
   * Sets a new password with the emailed reset code. Every refusal is {@link RESET_REFUSED}.
   * Wrong codes count toward the attempt's limit, and an attempt ended by them is a failed
   * sign-in. A locked account is refused without trying the code, and a reset never lifts a
   * lock. The reset is recorded in the change log; the user's sessions end.
   */
  async resetPassword(userName: string, code: string, newPassword: string): Promise<void> {
    const policy = this.deps.policy.get();
    const account = this.deps.accounts.byUserName(userName);
    const challengeId =
      account && account.status === 'Active' && !this.deps.lockout.isLocked(account)
        ? this.deps.challenges.latestOpen(account.id, 'password-reset')
        : undefined;
    const outcome = this.deps.challenges.verify(challengeId ?? '', code, 'password-reset', policy);
    if (!account || outcome.status !== 'accepted' || outcome.userId !== account.id) {
      throw new AppError('VALIDATION', RESET_REFUSED);
    }
    storePassword(this.deps, account.id, await hashPassword(newPassword), 'reset');
    this.deps.sessions.endAllOf(account.id);
  }
}
