import { z } from 'zod';
import { channel, NoInput } from '../contract-kit.js';
import { UserId } from '../roster/schemas.js';
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
} as const;
