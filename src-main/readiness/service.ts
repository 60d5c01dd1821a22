/**
 * The Readiness dashboard's numbers, the per-user reasons behind the Manage Users badges, and
 * the ids behind each dashboard row. Every answer re-evaluates the roster: it is fast enough,
 * and no cache can go stale after an edit, an import or a test email.
 */
import type { Database } from '../db/connection.js';
import { evaluateReadiness, type ReadinessDeps } from './evaluate.js';
import { REASON_CODES, REASON_LABELS, type ReasonCode } from './reasons.js';
import type { ReadinessSummary, UserReadinessBadge } from './types.js';

export type { ReadinessSummary, ReasonCount, UserReadinessBadge } from './types.js';

/** Everything the readiness service depends on. */
export interface ReadinessServiceDeps extends ReadinessDeps {
  clock: () => Date;
  /** The go-live date (YYYY-MM-DD) from the sign-in policy; absent means none is known. */
  goLiveDate?: (() => string | null) | undefined;
}

const TEST_EMAIL_CODES: ReadonlySet<ReasonCode> = new Set([
  'test-email-not-sent',
  'test-email-failed',
  'test-email-uncertain',
]);

/** Answers the readiness channels. */
export class ReadinessService {
  constructor(
    private readonly db: Database,
    private readonly deps: ReadinessServiceDeps,
  ) {}

  /** The dashboard. */
  summary(): ReadinessSummary {
    const report = evaluateReadiness(this.db, this.deps);
    const testEmailChecked = this.deps.testResults !== undefined;
    const goLiveDate = this.deps.goLiveDate?.() ?? null;
    const next = report.nextToFix;
    return {
      goLiveDate,
      daysLeft: goLiveDate === null ? null : daysUntil(goLiveDate, this.deps.clock()),
      active: report.active,
      inactive: report.inactive,
      ready: report.ready,
      notReady: report.notReady,
      reasons: REASON_CODES.filter((c) => testEmailChecked || !TEST_EMAIL_CODES.has(c)).map(
        (code) => ({ code, label: REASON_LABELS[code], count: report.reasonCounts[code] }),
      ),
      testEmailChecked,
      nextToFix: next ? { id: next.id, userName: next.userName, reasons: next.reasons } : null,
    };
  }

  /** Reasons per user, for the badges of one Manage Users page. Unknown ids are left out. */
  forUsers(userIds: readonly number[]): UserReadinessBadge[] {
    const report = evaluateReadiness(this.db, this.deps);
    const badges: UserReadinessBadge[] = [];
    for (const id of userIds) {
      const user = report.byUser.get(id);
      if (!user) continue;
      badges.push({
        id,
        inScope: user.inScope,
        ready: user.inScope && user.reasons.length === 0,
        reasons: user.reasons,
      });
    }
    return badges;
  }

  /**
   * Ids of the active users with `reason` ('any': every not-ready active user), in user-name
   * order, for "open Manage Users filtered to those users".
   */
  userIdsWithReason(reason: ReasonCode | 'any'): number[] {
    const report = evaluateReadiness(this.db, this.deps);
    const matching = [...report.byUser.values()].filter((u) =>
      reason === 'any' ? u.reasons.length > 0 : u.reasons.some((r) => r.code === reason),
    );
    matching.sort((a, b) => compareNoCase(a.userName, b.userName) || a.id - b.id);
    return matching.map((u) => u.id);
  }
}

function compareNoCase(a: string, b: string): number {
  const [x, y] = [
    a.replace(/[A-Z]/g, (c) => c.toLowerCase()),
    b.replace(/[A-Z]/g, (c) => c.toLowerCase()),
  ];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Whole calendar days from the workstation's local date today to `isoDate`, as the login banner
 * counts them ("Beginning 43 days from now").
 */
export function daysUntil(isoDate: string, now: Date): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / 86_400_000);
}
