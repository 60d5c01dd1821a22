/**
 * Evaluates every readiness rule over the whole roster in one pass over the `users` table.
 * Shared addresses and identical hints are grouped with maps, so 100,000 users take a fraction
 * of a second. Inactive users are counted but out of scope: they get no reasons. The maps are
 * kept in the report ({@link AddressIndex}) so that one user's draft can be judged against the
 * rest of the roster without another pass (draft.ts).
 */
import { maskEmail } from '../auth/mask-email.js';
import type { Database } from '../db/connection.js';
import type { UserStatus } from '../roster/schemas.js';
import { REASON_CODES, type Reason, type ReasonCode } from './reasons.js';
import {
  indistinguishableHint,
  invalidEmail,
  missingEmail,
  placeholderDomain,
  roleBased,
  sharedAddress,
  testEmail,
  type TestEmailResult,
} from './rules.js';
import { isValidEmail } from '../roster/email.js';

/** Answers the last test email of every user who has one (the Mail service's lastTestResults). */
export type TestResultsSource = () => ReadonlyMap<number, TestEmailResult>;

/** What the evaluation needs besides the database. */
export interface ReadinessDeps {
  /**
   * The Mail service's last test results. Absent (not wired) means the test-email rules are not
   * applied at all, rather than every user being reported as never tested.
   */
  testResults?: TestResultsSource | undefined;
}

/** One user's verdict. Inactive users have no reasons and `inScope` false. */
export interface UserReadiness {
  id: number;
  userName: string;
  status: UserStatus;
  inScope: boolean;
  reasons: Reason[];
}

/**
 * What the roster says about addresses: how many active users have each valid address, and
 * which distinct addresses share each sign-in hint. Only active users with a valid address count.
 */
export interface AddressIndex {
  /** Active users per address (trimmed, lower case). */
  perAddress: ReadonlyMap<string, number>;
  /** The distinct addresses (lower case) behind each hint: one string, or a Set once several. */
  addressesPerHint: ReadonlyMap<string, string | ReadonlySet<string>>;
}

/** The whole roster's verdicts and the dashboard's numbers. */
export interface ReadinessReport {
  byUser: Map<number, UserReadiness>;
  active: number;
  inactive: number;
  ready: number;
  notReady: number;
  reasonCounts: Record<ReasonCode, number>;
  /** The not-ready active user first by user name (case-insensitive), or null. */
  nextToFix: UserReadiness | null;
  /** The address counts the shared-address and hint rules were decided with. */
  index: AddressIndex;
  /** The test results the evaluation used; undefined when the test-email rules were not applied. */
  testResults: ReadonlyMap<number, TestEmailResult> | undefined;
}

type UserTuple = [id: number, userName: string, email: string, status: UserStatus];

/** Runs every rule over every user. */
export function evaluateReadiness(db: Database, deps: ReadinessDeps = {}): ReadinessReport {
  const users = db
    .prepare<[], UserTuple>('SELECT id, user_name, email, status FROM users')
    .raw()
    .all();
  const results = deps.testResults?.();

  // Grouping pass over active users with a valid address.
  const perAddress = new Map<string, number>();
  // Most hints belong to one address: a Set is made only when a second address shows up.
  const addressesPerHint = new Map<string, string | Set<string>>();
  // The hint of each user, by position in `users` (an array: no map of 100,000 entries).
  const hints: (string | undefined)[] = new Array<string | undefined>(users.length);
  for (let i = 0; i < users.length; i++) {
    const [, , email, status] = users[i] as UserTuple;
    if (status !== 'Active') continue;
    const address = email.trim();
    if (!isValidEmail(address)) continue;
    const key = address.toLowerCase();
    perAddress.set(key, (perAddress.get(key) ?? 0) + 1);
    const hint = maskEmail(address);
    hints[i] = hint;
    const group = addressesPerHint.get(hint);
    if (group === undefined) addressesPerHint.set(hint, key);
    else if (typeof group === 'string') {
      if (group !== key) addressesPerHint.set(hint, new Set([group, key]));
    } else group.add(key);
  }

  if (HINT_REASONS.size > HINT_CACHE_LIMIT) HINT_REASONS.clear();
  const reasonCounts = Object.fromEntries(REASON_CODES.map((c) => [c, 0])) as Record<
    ReasonCode,
    number
  >;
  const byUser = new Map<number, UserReadiness>();
  let active = 0;
  let ready = 0;
  let nextToFix: UserReadiness | null = null;
  let nextKey = '';
  for (let i = 0; i < users.length; i++) {
    const [id, userName, email, status] = users[i] as UserTuple;
    const inScope = status === 'Active';
    let reasons: Reason[] = NO_REASONS;
    if (inScope) {
      active++;
      reasons = [];
      const hint = hints[i];
      const address = email.trim();
      const key = address.toLowerCase();
      const otherAddresses = hint === undefined ? 0 : otherAddressesOf(addressesPerHint.get(hint));
      addressReasons(address, userName, reasons, perAddress.get(key) ?? 0, hint, otherAddresses);
      // Every active user needs a test email that went through, whatever their address says.
      if (results) push(reasons, testEmail(results.get(id)));
      for (const reason of reasons) reasonCounts[reason.code]++;
      if (reasons.length === 0) {
        ready++;
        reasons = NO_REASONS;
      }
    }
    const verdict: UserReadiness = { id, userName, status, inScope, reasons };
    byUser.set(id, verdict);
    if (reasons.length > 0) {
      const sortKey = asciiLower(userName);
      if (nextToFix === null || sortKey < nextKey) [nextToFix, nextKey] = [verdict, sortKey];
    }
  }
  return {
    byUser,
    active,
    inactive: users.length - active,
    ready,
    notReady: active - ready,
    reasonCounts,
    nextToFix,
    index: { perAddress, addressesPerHint },
    testResults: results,
  };
}

/** How many addresses besides one share a hint group (0 for a group of one address). */
function otherAddressesOf(group: string | ReadonlySet<string> | undefined): number {
  return typeof group === 'object' ? group.size - 1 : 0;
}

/**
 * The rules about the address itself, appended to `reasons`. A missing or invalid address is the
 * only thing to say about it (a placeholder or shared check of no address is moot). The caller
 * knows how many active users have the address (this one included) and how many other addresses
 * share its hint. Used for the whole roster and for one user's draft alike.
 */
export function addressReasons(
  address: string,
  userName: string,
  reasons: Reason[],
  usersWithAddress: number,
  hint: string | undefined,
  otherAddressesWithHint: number,
): void {
  const missing = missingEmail(address) ?? invalidEmail(address);
  if (missing) {
    reasons.push(missing);
    return;
  }
  push(reasons, placeholderDomain(address));
  push(reasons, roleBased(address, userName));
  push(reasons, sharedAddress(usersWithAddress));
  if (hint !== undefined && otherAddressesWithHint > 0) {
    // Users of one hint group share one (immutable) reason: fewer objects for big rosters.
    const key = `${otherAddressesWithHint}\u0000${hint}`;
    let reason = HINT_REASONS.get(key);
    if (!reason) {
      HINT_REASONS.set(key, (reason = indistinguishableHint(hint, otherAddressesWithHint)));
    }
    push(reasons, reason);
  }
}

/** Appends `reason` unless it is null. */
export function push(reasons: Reason[], reason: Reason | null): void {
  if (reason) reasons.push(reason);
}

/** SQLite's NOCASE order: only ASCII letters fold, so the order matches Manage Users. */
function asciiLower(text: string): string {
  // For ASCII text (nearly every user name) toLowerCase folds exactly the same letters, faster.
  return ASCII_ONLY.test(text)
    ? text.toLowerCase()
    : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Hint reasons by group, reused across evaluations. The sentence depends only on the hint and
 * the number of other addresses, so a cached reason is always right; the cache is bounded.
 */
const HINT_REASONS = new Map<string, Reason | null>();
const HINT_CACHE_LIMIT = 200_000;

/** Shared by every user without reasons (most of a healthy roster); never mutated. */
const NO_REASONS: Reason[] = Object.freeze([]) as unknown as Reason[];
