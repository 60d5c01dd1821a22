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
 * - A resend creates a new challenge and marks the old one superseded, so the old code stops
 *   working; it is refused until the cooldown ends.
 * - Each wrong code is counted; at the policy's limit the challenge ends and the user starts over.
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
}

/** Issues and checks one-time codes. */
export class ChallengeStore {
  private readonly key = randomBytes(32);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

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
   * Issues a new code for `userId`. Every earlier open challenge of the same user and purpose is
   * superseded: only the newest code a user was sent works.
   */
  issue(userId: number, purpose: ChallengePurpose, policy: Policy): IssuedChallenge {
    return this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE otp_challenges SET superseded = 1 ' +
            'WHERE user_id = ? AND purpose = ? AND consumed_at IS NULL AND superseded = 0',
        )
        .run(userId, purpose);
      const now = this.clock();
      const challengeId = randomBytes(32).toString('base64url');
      const code = generateCode(policy.codeLength, policy.codeAlphabet);
      const expiresAt = new Date(now.getTime() + policy.codeLifetimeMinutes * 60_000);
      const resendAvailableAt = new Date(now.getTime() + policy.resendCooldownSeconds * 1000);
      this.db
        .prepare(
          'INSERT INTO otp_challenges (id, user_id, purpose, code_hmac, created_at, expires_at, ' +
            'resend_available_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          challengeId,
          userId,
          purpose,
          this.hmac(challengeId, code).toString('base64'),
          now.toISOString(),
          expiresAt.toISOString(),
          resendAvailableAt.toISOString(),
        );
      return { challengeId, userId, code, expiresAt, resendAvailableAt };
    })();
  }

  /** A new code for the same attempt, once the cooldown is over; the old code stops working. */
  resend(challengeId: string, policy: Policy): ResendOutcome {
    const row = this.row(challengeId);
    if (!row || !this.isOpen(row, policy)) return { status: 'ended' };
    const wait = Date.parse(row.resend_available_at) - this.clock().getTime();
    if (wait > 0) return { status: 'cooldown', secondsLeft: Math.ceil(wait / 1000) };
    return { status: 'issued', challenge: this.issue(row.user_id, row.purpose, policy) };
  }

  /**
   * Checks a typed code against the challenge. Accepting consumes it (single use); a wrong code
   * counts an attempt, and the attempt that reaches the limit ends the challenge.
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
        this.end(row.id, now);
        return { status: 'rejected', mustStartOver: true };
      }
      const expected = Buffer.from(row.code_hmac, 'base64');
      if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
        this.end(row.id, now);
        return { status: 'accepted', userId: row.user_id };
      }
      const attempts = row.attempts + 1;
      this.db.prepare('UPDATE otp_challenges SET attempts = ? WHERE id = ?').run(attempts, row.id);
      if (attempts >= policy.wrongCodesAllowed) {
        this.end(row.id, now);
        return { status: 'rejected', mustStartOver: true };
      }
      return { status: 'rejected', mustStartOver: false };
    })();
  }

  /** The newest open challenge of a user for a purpose (Forgot password has no challenge id). */
  latestOpen(userId: number, purpose: ChallengePurpose): string | undefined {
    return this.db
      .prepare<[number, ChallengePurpose], string>(
        'SELECT id FROM otp_challenges WHERE user_id = ? AND purpose = ? ' +
          'AND consumed_at IS NULL AND superseded = 0 ORDER BY created_at DESC, rowid DESC LIMIT 1',
      )
      .pluck()
      .get(userId, purpose);
  }

  /** Seconds until `challengeId` may be resent (0 when it may be now). */
  secondsUntilResend(challengeId: string): number {
    const row = this.row(challengeId);
    if (!row) return 0;
    const wait = Date.parse(row.resend_available_at) - this.clock().getTime();
    return Math.max(0, Math.ceil(wait / 1000));
  }

  private end(challengeId: string, now: Date): void {
    this.db
      .prepare('UPDATE otp_challenges SET consumed_at = ? WHERE id = ?')
      .run(now.toISOString(), challengeId);
  }
}
