/**
 * One-time code challenges (table `otp_challenges`): issue, resend, verify.
 *
 * - Codes come from `crypto.randomInt` (see codes.ts) and are stored only as
 *   HMAC-SHA256("<challenge id>:<code>"), so a code is bound to the challenge it was issued for.
 * - The HMAC key is 32 random bytes generated when this store is created and kept only in memory.
 *   We chose that over keeping a key in the settings table: a key stored beside the HMACs would
 *   let anyone holding the database file test all 10^6 codes offline, while a key that never
 *   touches disk makes the table useless on its own. The cost is that codes do not survive a
 *   restart of the app, which for a five-minute code means "log in again" — acceptable.
 * - A code works while `now < expires_at` (entered at 4:59 it works, at 5:00 it does not), once.
 * - An ATTEMPT is one sign-in (or one password reset): its first challenge and every resend. A
 *   resend creates a new challenge and marks the old one superseded, so the old code stops
 *   working; it is refused until the cooldown ends, and at most `resendsAllowed` times.
 * - Wrong codes are counted per attempt: a resend carries the count into the new challenge. At
 *   the policy's limit the attempt ends and the user starts over.
 * - An attempt that ends unsuccessfully after wrong codes — at the limit, by expiring, or replaced
 *   by a new attempt — is a failed sign-in: `onAttemptFailed` is told, once (the lockout counts it).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../app.js';
import type { Database } from '../db/connection.js';
import { generateCode, normaliseCode } from './codes.js';
import type { Policy } from './policy.js';

/** Why a challenge exists. */
export type ChallengePurpose = 'sign-in' | 'password-reset';

/** A freshly issued code; `code` goes into the email and nowhere else. */
export interface IssuedChallenge {
  challengeId: string;
  userId: number;
  code: string;
  expiresAt: Date;
  resendAvailableAt: Date;
}

/** The outcome of a resend request. */
export type ResendOutcome =
  | { status: 'issued'; challenge: IssuedChallenge }
  | { status: 'cooldown'; secondsLeft: number }
  /** The attempt already had every resend the policy allows. */
  | { status: 'limit' }
  | { status: 'ended' };

/** The outcome of entering a code. */
export type VerifyOutcome =
  { status: 'accepted'; userId: number } | { status: 'rejected'; mustStartOver: boolean };

interface ChallengeRow {
  id: string;
  user_id: number;
  purpose: ChallengePurpose;
  code_hmac: string;
  expires_at: string;
  attempts: number;
  resend_available_at: string;
  consumed_at: string | null;
  superseded: number;
  resends: number;
}

/** What the store is told and given. */
export interface ChallengeStoreOptions {
  /** Told of each attempt that ended unsuccessfully after wrong codes: a failed sign-in. */
  onAttemptFailed?: (userId: number) => void;
  /** The HMAC key (32 bytes); random by default. Tests pass one to recompute a stored HMAC. */
  key?: Buffer;
}

/** Open challenges: not used, not ended, not replaced. */
const OPEN = 'consumed_at IS NULL AND superseded = 0';

/** Issues and checks one-time codes. */
export class ChallengeStore {
  private readonly key: Buffer;
  private readonly onAttemptFailed: (userId: number) => void;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    options: ChallengeStoreOptions = {},
  ) {
    this.key = options.key ?? randomBytes(32);
    this.onAttemptFailed = options.onAttemptFailed ?? (() => {});
  }

  private hmac(challengeId: string, code: string): Buffer {
    return createHmac('sha256', this.key).update(`${challengeId}:${code}`, 'utf8').digest();
  }

  private row(challengeId: string): ChallengeRow | undefined {
    return this.db
      .prepare<[string], ChallengeRow>('SELECT * FROM otp_challenges WHERE id = ?')
      .get(challengeId);
  }

  /** True while the challenge's code could still be accepted (expiry aside). */
  private isOpen(row: ChallengeRow, policy: Policy): boolean {
    return (
      row.consumed_at === null && row.superseded === 0 && row.attempts < policy.wrongCodesAllowed
    );
  }

  /**
   * Ends every open attempt of `userId` for `purpose`; each that had wrong codes is a failed
   * sign-in. Called before a new attempt starts, and by {@link issue} itself.
   */
  abandon(userId: number, purpose: ChallengePurpose): void {
    this.db.transaction(() => {
      const withWrongCodes = this.db
        .prepare<[number, ChallengePurpose], number>(
          `UPDATE otp_challenges SET superseded = 1 WHERE user_id = ? AND purpose = ? AND ${OPEN} ` +
            'RETURNING attempts',
        )
        .pluck()
        .all(userId, purpose)
        .filter((attempts) => attempts > 0);
      for (let i = 0; i < withWrongCodes.length; i++) this.onAttemptFailed(userId);
    })();
  }

  /**
   * Starts a new attempt for `userId` with a fresh code. Every earlier open attempt of the same
   * user and purpose is abandoned ({@link abandon}): only the newest code a user was sent works.
   */
  issue(userId: number, purpose: ChallengePurpose, policy: Policy): IssuedChallenge {
    return this.db.transaction(() => {
      this.abandon(userId, purpose);
      return this.insert(userId, purpose, policy, { attempts: 0, resends: 0 });
    })();
  }

  /** Writes a challenge carrying the attempt's wrong codes and resends so far. */
  private insert(
    userId: number,
    purpose: ChallengePurpose,
    policy: Policy,
    attempt: { attempts: number; resends: number },
  ): IssuedChallenge {
    const now = this.clock();
    const challengeId = randomBytes(32).toString('base64url');
    const code = generateCode(policy.codeLength, policy.codeAlphabet);
    const expiresAt = new Date(now.getTime() + policy.codeLifetimeMinutes * 60_000);
    const resendAvailableAt = new Date(now.getTime() + policy.resendCooldownSeconds * 1000);
    this.db
      .prepare(
        'INSERT INTO otp_challenges (id, user_id, purpose, code_hmac, created_at, expires_at, ' +
          'resend_available_at, attempts, resends) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        challengeId,
        userId,
        purpose,
        this.hmac(challengeId, code).toString('base64'),
        now.toISOString(),
        expiresAt.toISOString(),
        resendAvailableAt.toISOString(),
        attempt.attempts,
        attempt.resends,
      );
    return { challengeId, userId, code, expiresAt, resendAvailableAt };
  }

  /**
   * A new code for the same attempt, once the cooldown is over and while resends are left; the
   * old code stops working, and the attempt keeps its count of wrong codes.
   */
  resend(challengeId: string, policy: Policy): ResendOutcome {
    return this.db.transaction((): ResendOutcome => {
      const row = this.row(challengeId);
      if (!row || !this.isOpen(row, policy)) return { status: 'ended' };
      if (row.resends >= policy.resendsAllowed) return { status: 'limit' };
      const wait = Date.parse(row.resend_available_at) - this.clock().getTime();
      if (wait > 0) return { status: 'cooldown', secondsLeft: Math.ceil(wait / 1000) };
      this.db.prepare('UPDATE otp_challenges SET superseded = 1 WHERE id = ?').run(row.id);
      const challenge = this.insert(row.user_id, row.purpose, policy, {
        attempts: row.attempts,
        resends: row.resends + 1,
      });
      return { status: 'issued', challenge };
    })();
  }

  /**
   * Checks a typed code against the challenge. Accepting consumes it (single use); a wrong code
   * counts toward the attempt's limit, and the one that reaches it ends the attempt.
   */
  verify(
    challengeId: string,
    typed: string,
    purpose: ChallengePurpose,
    policy: Policy,
  ): VerifyOutcome {
    return this.db.transaction((): VerifyOutcome => {
      const row = this.row(challengeId);
      const now = this.clock();
      // An unknown id still costs an HMAC, like a known one.
      const actual = this.hmac(challengeId, normaliseCode(typed, policy.codeAlphabet));
      if (!row || row.purpose !== purpose || !this.isOpen(row, policy)) {
        return { status: 'rejected', mustStartOver: true };
      }
      if (now.getTime() >= Date.parse(row.expires_at)) {
        this.endAttempt(row, row.attempts);
        return { status: 'rejected', mustStartOver: true };
      }
      const expected = Buffer.from(row.code_hmac, 'base64');
      if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
        this.end(row.id);
        return { status: 'accepted', userId: row.user_id };
      }
      const attempts = row.attempts + 1;
      this.db.prepare('UPDATE otp_challenges SET attempts = ? WHERE id = ?').run(attempts, row.id);
      if (attempts >= policy.wrongCodesAllowed) {
        this.endAttempt(row, attempts);
        return { status: 'rejected', mustStartOver: true };
      }
      return { status: 'rejected', mustStartOver: false };
    })();
  }

  /** The user of an open challenge for `purpose` (undefined when unknown or no longer open). */
  userOf(challengeId: string, purpose: ChallengePurpose): number | undefined {
    return this.db
      .prepare<[string, ChallengePurpose], number>(
        `SELECT user_id FROM otp_challenges WHERE id = ? AND purpose = ? AND ${OPEN}`,
      )
      .pluck()
      .get(challengeId, purpose);
  }

  /** The newest open challenge of a user for a purpose (Forgot password has no challenge id). */
  latestOpen(userId: number, purpose: ChallengePurpose): string | undefined {
    return this.db
      .prepare<[number, ChallengePurpose], string>(
        `SELECT id FROM otp_challenges WHERE user_id = ? AND purpose = ? AND ${OPEN} ` +
          'ORDER BY created_at DESC, rowid DESC LIMIT 1',
      )
      .pluck()
      .get(userId, purpose);
  }

  /** True when the challenge's code has expired (or there is no such challenge). */
  isExpired(challengeId: string): boolean {
    const row = this.row(challengeId);
    return !row || this.clock().getTime() >= Date.parse(row.expires_at);
  }

  /**
   * Ends a challenge without counting anything: used when its account can no longer sign in
   * (locked, inactive), so the code cannot be tried any further.
   */
  end(challengeId: string): void {
    this.db
      .prepare('UPDATE otp_challenges SET consumed_at = ? WHERE id = ?')
      .run(this.clock().toISOString(), challengeId);
  }

  /** Ends an attempt that did not succeed; with wrong codes, it is a failed sign-in. */
  private endAttempt(row: ChallengeRow, wrongCodes: number): void {
    this.end(row.id);
    if (wrongCodes > 0) this.onAttemptFailed(row.user_id);
  }
}
