/**
 * The simulator's sign-in: user name and password, then the emailed code. Every refusal before
 * the code screen is the same message, whatever the reason, so the login page never tells anyone
 * whether a user name exists, is inactive or locked, or which part was wrong.
 */
import type { Clock } from '../app.js';
import { AppError } from '../errors.js';
import type { Account, AccountsRepository } from './accounts.js';
import { bannerFor, type Banner } from './banner.js';
import type { ChallengeStore, IssuedChallenge } from './challenges.js';
import type { MailDelivery } from '../mail/delivery.js';
import type { SupportContacts } from '../mail/settings.js';
import { signInCodeEmail } from './code-email.js';
import { maskEmail } from './mask-email.js';
import type { PasswordVerifier } from './passwords.js';
import type { Policy, PolicyStore } from './policy.js';
import type { SessionStore } from './sessions.js';

/** The one message for every failed sign-in. */
export const SIGN_IN_REFUSED =
  'The user name or password is incorrect, or the account cannot sign in right now.';
/** A wrong code that may be retried. */
export const CODE_REFUSED = 'That code is not correct. Check the email and try again.';
/** A code that can no longer be used: expired, used, replaced, or too many wrong tries. */
export const CODE_ENDED = 'That code can no longer be used. Please log in again to get a new code.';

/** Sends one message: the app's {@link MailDelivery} (Local outbox or SMTP). */
export type CodeMailer = MailDelivery;

/** What the code-entry screen needs. */
export interface ChallengeView {
  challengeId: string;
  /** The masked address: "t*****r@n*****s.com". */
  hint: string;
  lifetimeMinutes: number;
  resendAvailableInSeconds: number;
  codeKind: Policy['codeAlphabet'];
}

/** Profile Info: user name and email (read-only there), first and last name. */
export interface SimulatorProfile {
  userName: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** The answer to entering a code. */
export type VerifyCodeResult =
  | { status: 'signed-in'; session: string; user: SimulatorProfile }
  | { status: 'rejected'; message: string; mustStartOver: boolean };

/** The answer to Resend Code. */
export type ResendCodeResult =
  | { status: 'sent'; challenge: ChallengeView }
  | { status: 'cooldown'; secondsLeft: number; message: string }
  | { status: 'ended'; message: string };

/** What the sign-in service needs. */
export interface SignInDeps {
  accounts: AccountsRepository;
  challenges: ChallengeStore;
  passwords: PasswordVerifier;
  policy: PolicyStore;
  sessions: SessionStore;
  mailer: CodeMailer;
  /** The support phone and email the code email names (Settings → Email delivery). */
  supportContacts: () => SupportContacts;
  clock: Clock;
}

/** The profile the simulator shows for an account. */
export function profileOf(account: Account): SimulatorProfile {
  const { userName, email, firstName, lastName } = account;
  return { userName, email, firstName, lastName };
}

/** Banner, sign-in, code entry, resend. */
export class SignInService {
  constructor(private readonly deps: SignInDeps) {}

  /** The login page's banner for today. */
  banner(): Banner {
    return bannerFor(this.deps.policy.get().goLiveDate, this.deps.clock());
  }

  /**
   * Checks user name and password; on success emails a code and answers the code screen.
   * @throws AppError VALIDATION with {@link SIGN_IN_REFUSED} for every refusal.
   */
  async signIn(userName: string, password: string): Promise<ChallengeView> {
    const { accounts, passwords, clock } = this.deps;
    const policy = this.deps.policy.get();
    const account = accounts.byUserName(userName);
    // The password is checked for every request, known user or not, so all refusals take as long.
    const matches = await passwords.verify(password, account ? account.passwordHash : undefined);
    if (!account) throw refused();
    const now = clock();
    if (account.lockedUntil !== null && Date.parse(account.lockedUntil) > now.getTime()) {
      throw refused();
    }
    if (!matches) {
      const failures = accounts.recordFailure(account.id, now);
      // Every run of `threshold` consecutive failures locks; after the lock the user gets a new run.
      if (failures % policy.failedSignInsBeforeLockout === 0) {
        accounts.lock(account.id, new Date(now.getTime() + policy.lockoutMinutes * 60_000));
      }
      throw refused();
    }
    if (account.status !== 'Active') throw refused();
    if (account.email.trim() === '') {
      // Only reachable with the right password, so naming the problem reveals nothing.
      throw new AppError(
        'UNAVAILABLE',
        'No email address is on file for this user, so no authorization code can be sent. ' +
          'Please contact your TraxSolutions administrator.',
      );
    }
    const issued = this.deps.challenges.issue(account.id, 'sign-in', policy);
    await this.sendCode(account, issued, policy);
    return this.view(account, issued, policy);
  }

  /** Checks an entered code; the right one signs the user in and starts a session. */
  verifyCode(challengeId: string, code: string): VerifyCodeResult {
    const policy = this.deps.policy.get();
    const outcome = this.deps.challenges.verify(challengeId, code, 'sign-in', policy);
    if (outcome.status === 'rejected') {
      const message = outcome.mustStartOver ? CODE_ENDED : CODE_REFUSED;
      return { status: 'rejected', message, mustStartOver: outcome.mustStartOver };
    }
    const account = this.deps.accounts.byId(outcome.userId);
    const now = this.deps.clock();
    const locked = account?.lockedUntil != null && Date.parse(account.lockedUntil) > now.getTime();
    if (!account || account.status !== 'Active' || locked) {
      return { status: 'rejected', message: CODE_ENDED, mustStartOver: true };
    }
    this.deps.accounts.recordLogin(account.id, now);
    return {
      status: 'signed-in',
      session: this.deps.sessions.start(account.id),
      user: profileOf(account),
    };
  }

  /** Resend Code: a new code once the cooldown is over; the previous code stops working. */
  async resendCode(challengeId: string): Promise<ResendCodeResult> {
    const policy = this.deps.policy.get();
    const outcome = this.deps.challenges.resend(challengeId, policy);
    if (outcome.status === 'cooldown') {
      const s = outcome.secondsLeft;
      const message = `Please wait ${s} ${s === 1 ? 'second' : 'seconds'} before resending.`;
      return { status: 'cooldown', secondsLeft: s, message };
    }
    const account =
      outcome.status === 'issued' ? this.deps.accounts.byId(outcome.challenge.userId) : undefined;
    if (outcome.status === 'ended' || !account || account.status !== 'Active') {
      return { status: 'ended', message: CODE_ENDED };
    }
    await this.sendCode(account, outcome.challenge, policy);
    return { status: 'sent', challenge: this.view(account, outcome.challenge, policy) };
  }

  private async sendCode(account: Account, issued: IssuedChallenge, policy: Policy) {
    const message = signInCodeEmail(
      { email: account.email, name: `${account.firstName} ${account.lastName}`.trim() },
      {
        firstName: account.firstName,
        code: issued.code,
        lifetimeMinutes: policy.codeLifetimeMinutes,
        support: this.deps.supportContacts(),
      },
      policy,
    );
    try {
      await this.deps.mailer.send(message);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'UNAVAILABLE',
        `The authorization code email could not be sent (${(error as Error).message}). ` +
          'Check Settings → Email delivery, then log in again.',
      );
    }
  }

  private view(account: Account, issued: IssuedChallenge, policy: Policy): ChallengeView {
    const wait = issued.resendAvailableAt.getTime() - this.deps.clock().getTime();
    return {
      challengeId: issued.challengeId,
      hint: maskEmail(account.email),
      lifetimeMinutes: policy.codeLifetimeMinutes,
      resendAvailableInSeconds: Math.max(0, Math.ceil(wait / 1000)),
      codeKind: policy.codeAlphabet,
    };
  }
}

function refused(): AppError {
  return new AppError('VALIDATION', SIGN_IN_REFUSED);
}
