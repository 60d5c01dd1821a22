/**
 * One user's readiness as View Details would leave it if saved now: the profile as typed (email,
 * user name, status) judged by the same rules as the whole roster, against the rest of the
 * roster. The shared-address and hint rules take their counts from the last evaluation's
 * {@link AddressIndex}, with this user's stored address taken out and the typed one put in, so
 * the answer is what Save would bring without evaluating 100,000 users per keystroke.
 */
import { maskEmail } from '../auth/mask-email.js';
import { isValidEmail } from '../roster/email.js';
import type { UserStatus } from '../roster/schemas.js';
import { addressReasons, push, type ReadinessReport } from './evaluate.js';
import type { Reason } from './reasons.js';
import { testEmail } from './rules.js';
import type { UserReadinessBadge } from './types.js';

/** The fields of View Details that readiness depends on, as typed. */
export interface ReadinessDraft {
  email: string;
  userName: string;
  status: UserStatus;
}

/** The user as stored: what the evaluation counted for them. */
export interface StoredUser {
  id: number;
  email: string;
  status: UserStatus;
}

/** The badge `user` would have with `draft` saved, every other user as they are in `report`. */
export function evaluateDraft(
  report: ReadinessReport,
  user: StoredUser,
  draft: ReadinessDraft,
): UserReadinessBadge {
  if (draft.status !== 'Active') return { id: user.id, inScope: false, ready: false, reasons: [] };
  const { perAddress, addressesPerHint } = report.index;
  // What the evaluation counted for this user's stored address, to be taken out again.
  const stored = user.email.trim();
  const storedKey = user.status === 'Active' && isValidEmail(stored) ? stored.toLowerCase() : null;
  const storedOnlyHolder = storedKey !== null && perAddress.get(storedKey) === 1;

  const address = draft.email.trim();
  const key = address.toLowerCase();
  const valid = isValidEmail(address);
  const others = valid ? (perAddress.get(key) ?? 0) - (storedKey === key ? 1 : 0) : 0;
  const hint = valid ? maskEmail(address) : undefined;
  let otherAddresses = 0;
  if (hint !== undefined) {
    const group = addressesPerHint.get(hint);
    const addresses = typeof group === 'string' ? [group] : group ? [...group] : [];
    for (const a of addresses) {
      // The stored address leaves the group when this user was the only one who had it.
      if (a !== key && !(a === storedKey && storedOnlyHolder)) otherAddresses++;
    }
  }
  const reasons: Reason[] = [];
  addressReasons(address, draft.userName.trim(), reasons, others + 1, hint, otherAddresses);
  if (report.testResults) push(reasons, testEmail(report.testResults.get(user.id)));
  return { id: user.id, inScope: true, ready: reasons.length === 0, reasons };
}
