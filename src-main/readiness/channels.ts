import { z } from 'zod';
import { channel, NoInput } from '../contract-kit.js';
import { USER_STATUSES, UserId } from '../roster/schemas.js';
import type { ReadinessSummary, UserReadinessBadge } from './types.js';

/**
 * The Readiness dashboard, and the badge of View Details. (Manage Users gets its badges and its
 * readiness filter through users.search.)
 */
export const readinessChannels = {
  /**
   * The dashboard: go-live date and days left, active users ready / not ready, one row per
   * reason with its count, and the next user to fix.
   */
  'readiness.summary': channel<ReadinessSummary>()(NoInput),
  /** Reasons per user, as View Details shows them (unknown ids are left out). */
  'readiness.forUsers': channel<{ users: UserReadinessBadge[] }>()(
    z.strictObject({ userIds: z.array(UserId).max(1000) }),
  ),
  /**
   * The reasons View Details would show if the profile as typed were saved now (email, user
   * name, status), judged against the rest of the roster — shared addresses and hints included.
   * Writes nothing. Fails with NOT_FOUND for an unknown user.
   */
  'readiness.evaluateDraft': channel<UserReadinessBadge>()(
    z.strictObject({
      id: UserId,
      draft: z.strictObject({
        email: z.string().max(1000),
        userName: z.string().max(1000),
        status: z.enum(USER_STATUSES),
      }),
    }),
  ),
} as const;
