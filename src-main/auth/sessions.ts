/**
 * Simulator sessions: random tokens held in memory with an expiry from the injected clock. They
 * end with the process, which suits a rehearsal; the rules (unguessable, expiring, ended on sign
 * out and on a password change) are the real ones.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../app.js';
import { AppError } from '../errors.js';

/** How long a simulator session lasts. */
export const SESSION_HOURS = 8;

/** The message when a session token is unknown or expired. */
export const SESSION_ENDED = 'Your session has ended. Please log in again.';

/** Issues, checks and ends session tokens. */
export class SessionStore {
  private readonly sessions = new Map<string, { userId: number; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  /** A new session for `userId`; answers its token (256 random bits). */
  start(userId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, {
      userId,
      expiresAt: this.clock().getTime() + SESSION_HOURS * 3_600_000,
    });
    return token;
  }

  /** The user of a live session. @throws AppError NOT_FOUND when unknown or expired. */
  userOf(token: string): number {
    const session = this.sessions.get(token);
    if (!session || this.clock().getTime() >= session.expiresAt) {
      this.sessions.delete(token);
      throw new AppError('NOT_FOUND', SESSION_ENDED);
    }
    return session.userId;
  }

  /** Ends one session (signing out twice is harmless). */
  end(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of a user, except `keep` (after a password change or reset). */
  endAllOf(userId: number, keep?: string): void {
    for (const [token, session] of this.sessions) {
      if (session.userId === userId && token !== keep) this.sessions.delete(token);
    }
  }
}
