/**
 * One evaluation of the roster, asked several questions: the badge of each user on a Manage
 * Users page, and the ids a readiness filter lets through. Answers from one snapshot agree with
 * each other, since they come from the same moment.
 */
import type { ReadinessReport, UserReadiness } from './evaluate.js';
import type { ReadinessFilter } from './reasons.js';
import type { UserReadinessBadge } from './types.js';

/** The readiness of every user at one moment. */
export class ReadinessSnapshot {
  /** Ids per filter, worked out once: paging through a filter asks the same question again. */
  readonly #ids = new Map<ReadinessFilter, readonly number[]>();

  constructor(readonly report: ReadinessReport) {}

  /** A user's badge; undefined for an id the evaluation did not see. */
  badge(id: number): UserReadinessBadge | undefined {
    const user = this.report.byUser.get(id);
    if (!user) return undefined;
    return {
      id,
      inScope: user.inScope,
      ready: user.inScope && user.reasons.length === 0,
      reasons: user.reasons,
    };
  }

  /**
   * The ids a readiness filter lets through, in no particular order (the search sorts); null
   * for 'all', which restricts nothing. Only active users are ever ready, not ready or have a
   * reason: inactive users are out of scope.
   */
  idsFor(filter: ReadinessFilter): readonly number[] | null {
    if (filter === 'all') return null;
    let ids = this.#ids.get(filter);
    if (!ids) {
      const matches = matcher(filter);
      const found: number[] = [];
      for (const user of this.report.byUser.values()) if (matches(user)) found.push(user.id);
      this.#ids.set(filter, (ids = found));
    }
    return ids;
  }
}

function matcher(filter: Exclude<ReadinessFilter, 'all'>): (user: UserReadiness) => boolean {
  if (filter === 'ready') return (u) => u.inScope && u.reasons.length === 0;
  if (filter === 'not-ready') return (u) => u.inScope && u.reasons.length > 0;
  return (u) => u.reasons.some((r) => r.code === filter);
}
