/**
 * The simulator's sign-in: user name and password, then the emailed code. Every refusal before
 * the code screen is the same message, whatever the reason, so the login page never tells anyone
 * whether a user name exists, is inactive or locked, or which part was wrong.
 */
import type { Clock } from '../app.js';
import { AppError } from '../errors.js';
import type { Account, AccountsRepository } from './accounts.js';
import type { Lockout } from './lockout.js';
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
/** Resend Code once the attempt had every resend the policy allows. */
export const RESEND_LIMIT =
  'No more codes can be sent for this sign-in. Enter the last code sent, or log in again.';

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
  /** No resend is left for this attempt: the last code still works until it expires. */
  | { status: 'limit'; message: string }
  | { status: 'ended'; message: string };

/** What the sign-in service needs. */
export interface SignInDeps {
  accounts: AccountsRepository;
  challenges: ChallengeStore;
  passwords: PasswordVerifier;
  policy: PolicyStore;
  sessions: SessionStore;
  lockout: Lockout;
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
    const { accounts, passwords, lockout, challenges } = this.deps;
    const policy = this.deps.policy.get();
    const account = accounts.byUserName(userName);
    // The password is checked for every request, known user or not, so all refusals take as long.
    const matches = await passwords.verify(password, account ? account.passwordHash : undefined);
    if (!account || lockout.isLocked(account)) throw refused();
    if (!matches) {
      lockout.recordFailure(account.id);
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
    // A sign-in left with wrong codes counts as failed now, and may have locked the account.
    challenges.abandon(account.id, 'sign-in');
    if (lockout.isLocked(accounts.byId(account.id) ?? account)) throw refused();
    const issued = challenges.issue(account.id, 'sign-in', policy);
    await this.sendCode(account, issued, policy);
    return this.view(account, issued, policy);
  }

  /**
   * The account of an open sign-in challenge, if it may still sign in. When it may not (locked,
   * inactive, gone), the challenge ends: its code cannot be tried any further.
   */
  private accountOf(challengeId: string): Account | undefined {
    const userId = this.deps.challenges.userOf(challengeId, 'sign-in');
    if (userId === undefined) return undefined;
    const account = this.deps.accounts.byId(userId);
    if (account && account.status === 'Active' && !this.deps.lockout.isLocked(account)) {
      return account;
    }
    this.deps.challenges.end(challengeId);
    return undefined;
  }

  /** Checks an entered code; the right one signs the user in and starts a session. */
  verifyCode(challengeId: string, code: string): VerifyCodeResult {
    const policy = this.deps.policy.get();
    const account = this.accountOf(challengeId);
    // A challenge accountOf ended is refused by verify, like an unknown one (same HMAC spent).
    const outcome = this.deps.challenges.verify(challengeId, code, 'sign-in', policy);
    if (outcome.status === 'rejected' || !account) {
      const mustStartOver = outcome.status === 'rejected' ? outcome.mustStartOver : true;
      const message = mustStartOver ? CODE_ENDED : CODE_REFUSED;
      return { status: 'rejected', message, mustStartOver };
    }
    const now = this.deps.clock();
    this.deps.accounts.recordLogin(account.id, now);
    return {
      status: 'signed-in',
      session: this.deps.sessions.start(account.id),
      user: profileOf(account),
    };
  }

  /**
   * Resend Code: a new code once the cooldown is over, while the attempt has resends left; the
   * previous code stops working and the wrong codes entered so far still count.
   */
  async resendCode(challengeId: string): Promise<ResendCodeResult> {
    const policy = this.deps.policy.get();
    const account = this.accountOf(challengeId);
    if (!account) return { status: 'ended', message: CODE_ENDED };
    const outcome = this.deps.challenges.resend(challengeId, policy);
    if (outcome.status === 'cooldown') {
      const s = outcome.secondsLeft;
      const message = `Please wait ${s} ${s === 1 ? 'second' : 'seconds'} before resending.`;
      return { status: 'cooldown', secondsLeft: s, message };
    }
    if (outcome.status === 'limit') return { status: 'limit', message: RESEND_LIMIT };
    if (outcome.status === 'ended') return { status: 'ended', message: CODE_ENDED };
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
