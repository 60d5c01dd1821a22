/**
 * What a signed-in simulator user can do (My Profile, Change Password, sign out), Forgot password
 * with an emailed reset code. The administrator's side (View Details) is in password-admin.ts.
 */
import type { Clock } from '../app.js';
import { AppError } from '../errors.js';
import type { AccountsRepository } from './accounts.js';
import type { ChallengeStore } from './challenges.js';
import { resetCodeEmail } from './code-email.js';
import type { SupportContacts } from '../mail/settings.js';
import { hashPassword, type PasswordVerifier } from './passwords.js';
import type { PolicyStore } from './policy.js';
import type { SessionStore } from './sessions.js';
import { profileOf, type CodeMailer, type SimulatorProfile } from './sign-in.js';

/** The one answer to Forgot password, whether or not the user name exists. */
export const RESET_REQUESTED =
  'If that user name belongs to an active user, a password reset code has been sent to the ' +
  'email address in their user profile.';
/** The one refusal of a reset, whatever was wrong (user name, code, expiry). */
export const RESET_REFUSED =
  'The user name or reset code is not valid, or the code has expired. Request a new code.';
/** Change Password, when the old password does not match. */
export const OLD_PASSWORD_WRONG = 'The old password is not correct.';

/** What the account service needs. */
export interface AccountDeps {
  accounts: AccountsRepository;
  challenges: ChallengeStore;
  passwords: PasswordVerifier;
  policy: PolicyStore;
  sessions: SessionStore;
  mailer: CodeMailer;
  supportContacts: () => SupportContacts;
  clock: Clock;
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
   * match and differ from the old one; here the old one must be right. Other sessions end.
   */
  async changePassword(session: string, oldPassword: string, newPassword: string): Promise<void> {
    const userId = this.deps.sessions.userOf(session);
    const account = this.deps.accounts.byId(userId);
    if (!account) throw new AppError('NOT_FOUND', 'That user no longer exists.');
    if (!(await this.deps.passwords.verify(oldPassword, account.passwordHash))) {
      throw new AppError('VALIDATION', 'Please correct the highlighted fields.', {
        oldPassword: OLD_PASSWORD_WRONG,
      });
    }
    this.deps.accounts.setPasswordHash(userId, await hashPassword(newPassword));
    this.deps.sessions.endAllOf(userId, session);
  }

  /** Ends the session. */
  signOut(session: string): void {
    this.deps.sessions.end(session);
  }

  /**
   * Forgot password: for an active user, emails a reset code (unless one was sent within the
   * resend cooldown). The answer is always {@link RESET_REQUESTED}, and the email is sent after
   * answering, so neither the words nor the time taken tell whether the user exists.
   */
  forgotPassword(userName: string): { message: string } {
    const policy = this.deps.policy.get();
    const account = this.deps.accounts.byUserName(userName);
    if (account && account.status === 'Active' && account.email.trim() !== '') {
      const open = this.deps.challenges.latestOpen(account.id, 'password-reset');
      if (!open || this.deps.challenges.secondsUntilResend(open) === 0) {
        const issued = this.deps.challenges.issue(account.id, 'password-reset', policy);
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
    }
    return { message: RESET_REQUESTED };
  }

  /** Resolves once the last reset email was handed to the delivery (or failed). */
  mailSettled(): Promise<void> {
    return this.pendingMail;
  }

  /**
   * Sets a new password with the emailed reset code. Every refusal is {@link RESET_REFUSED}.
   * Success lifts a lockout (the user proved they read their email) and ends their sessions.
   */
  async resetPassword(userName: string, code: string, newPassword: string): Promise<void> {
    const policy = this.deps.policy.get();
    const account = this.deps.accounts.byUserName(userName);
    const challengeId =
      account && account.status === 'Active'
        ? this.deps.challenges.latestOpen(account.id, 'password-reset')
        : undefined;
    const outcome = this.deps.challenges.verify(challengeId ?? '', code, 'password-reset', policy);
    if (!account || outcome.status !== 'accepted' || outcome.userId !== account.id) {
      throw new AppError('VALIDATION', RESET_REFUSED);
    }
    this.deps.accounts.setPasswordHash(account.id, await hashPassword(newPassword));
    this.deps.sessions.endAllOf(account.id);
  }
}
