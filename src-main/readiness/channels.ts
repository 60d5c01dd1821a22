import { z } from 'zod';
import { channel, NoInput } from '../contract-kit.js';
import { UserId } from '../roster/schemas.js';
import { REASON_CODES } from './reasons.js';
import type { ReadinessSummary, UserReadinessBadge } from './types.js';

/** The Readiness dashboard and the readiness badges and filter of Manage Users. */
export const readinessChannels = {
  /**
   * The dashboard: go-live date and days left, active users ready / not ready, one row per
   * reason with its count, and the next user to fix.
   */
  'readiness.summary': channel<ReadinessSummary>()(NoInput),
  /** Reasons per user for the badges of the users shown (unknown ids are left out). */
  'readiness.forUsers': channel<{ users: UserReadinessBadge[] }>()(
    z.strictObject({ userIds: z.array(UserId).max(1000) }),
  ),
  /**
   * Ids of the active users with one reason (or 'any' reason), in user-name order: what
   * Manage Users shows when opened from a dashboard row.
   */
  'readiness.userIdsWithReason': channel<{ ids: number[] }>()(
    z.strictObject({ reason: z.enum([...REASON_CODES, 'any']) }),
  ),
} as const;
