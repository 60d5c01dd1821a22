/**
 * The Readiness dashboard's numbers, the per-user reasons behind the Manage Users badges, and
 * the ids behind the Manage Users readiness filter. The roster is evaluated again whenever the
 * database has changed since the last evaluation, so no answer can be stale after an edit, an
 * import, a restore or a test email, while paging and sorting a large roster cost nothing extra.
 */
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import { evaluateDraft, type ReadinessDraft, type StoredUser } from './draft.js';
import { evaluateReadiness, type ReadinessDeps } from './evaluate.js';
import { REASON_CODES, REASON_LABELS, type ReadinessFilter, type ReasonCode } from './reasons.js';
import { ReadinessSnapshot } from './snapshot.js';
import type { ReadinessSummary, UserReadinessBadge } from './types.js';

export type { ReadinessSummary, ReasonCount, UserReadinessBadge } from './types.js';

/**
 * Everything the readiness service depends on. `testResults` must read the same database: the
 * service re-evaluates only when that database changed.
 */
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
  #last: { version: string; snapshot: ReadinessSnapshot } | null = null;
  readonly #version;
  readonly #storedUser;

  constructor(
    private readonly db: Database,
    private readonly deps: ReadinessServiceDeps,
  ) {
    this.#version = db
      .prepare<[], string>("SELECT total_changes() || ':' || data_version FROM pragma_data_version")
      .pluck();
    this.#storedUser = db.prepare<[number], StoredUser>(
      'SELECT id, email, status FROM users WHERE id = ?',
    );
  }

  /**
   * The roster's readiness now. Evaluated again only when the database changed: total_changes()
   * counts every row this connection wrote (rolled back or not), and data_version moves when
   * another connection commits (a restore writes through its own connection). Reading both
   * costs microseconds; evaluating 100,000 users costs a second or more.
   */
  snapshot(): ReadinessSnapshot {
    const version = String(this.#version.get());
    if (this.#last?.version !== version) {
      this.#last = {
        version,
        snapshot: new ReadinessSnapshot(evaluateReadiness(this.db, this.deps)),
      };
    }
    return this.#last.snapshot;
  }

  /** The dashboard. */
  summary(): ReadinessSummary {
    const { report } = this.snapshot();
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
    const snapshot = this.snapshot();
    return userIds.flatMap((id) => snapshot.badge(id) ?? []);
  }

  /**
   * The badge the user would have if View Details saved `draft` now, judged against the rest of
   * the roster as it is. @throws AppError NOT_FOUND for an unknown id.
   */
  evaluateDraft(userId: number, draft: ReadinessDraft): UserReadinessBadge {
    const { report } = this.snapshot();
    const user = this.#storedUser.get(userId);
    if (!user) throw new AppError('NOT_FOUND', 'That user no longer exists.');
    return evaluateDraft(report, user, draft);
  }

  /**
   * The ids the Manage Users readiness filter lets through (see {@link ReadinessSnapshot.idsFor});
   * null for 'all', answered without evaluating anything.
   */
  idsFor(filter: ReadinessFilter): readonly number[] | null {
    return filter === 'all' ? null : this.snapshot().idsFor(filter);
  }
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
