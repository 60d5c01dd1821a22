/**
 * What the readiness channels answer. Kept free of imports with run-time weight, so the
 * renderer's type check (which follows its type imports) stays within plain types.
 */
import type { Reason, ReasonCode } from './reasons.js';

/** One row of the dashboard: a reason and how many active users have it. */
export interface ReasonCount {
  code: ReasonCode;
  label: string;
  count: number;
}

/** What the Readiness dashboard shows. */
export interface ReadinessSummary {
  /** The go-live date (YYYY-MM-DD) from the sign-in policy, or null when none is set. */
  goLiveDate: string | null;
  /** Calendar days from today to the go-live date (0 on the day, negative after), or null. */
  daysLeft: number | null;
  active: number;
  inactive: number;
  ready: number;
  notReady: number;
  /** One row per reason that applies on this installation (test-email rows once mail exists). */
  reasons: ReasonCount[];
  /** False while test-email results are not available; those rules are then not applied. */
  testEmailChecked: boolean;
  nextToFix: { id: number; userName: string; reasons: Reason[] } | null;
}

/** One user's readiness for a badge. */
export interface UserReadinessBadge {
  id: number;
  /** False for inactive users: out of scope, never "not ready". */
  inScope: boolean;
  ready: boolean;
  reasons: Reason[];
}
