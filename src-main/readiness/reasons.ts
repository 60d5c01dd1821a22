/**
 * Why an active user is not ready for two-factor sign-in: the codes every screen, filter and
 * export share, with the short labels of the Readiness dashboard.
 */

/** Every reason, in the order the Readiness dashboard lists them (most basic first). */
export const REASON_CODES = [
  'missing-email',
  'invalid-email',
  'placeholder-domain',
  'role-based',
  'shared-address',
  'indistinguishable-hint',
  'test-email-not-sent',
  'test-email-failed',
  'test-email-uncertain',
] as const;

/** One of {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** A reason with the sentence shown to the administrator for this user. */
export interface Reason {
  code: ReasonCode;
  text: string;
}

/** Short labels for the dashboard rows and the Manage Users readiness filter. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  'missing-email': 'Missing email',
  'invalid-email': 'Invalid email',
  'placeholder-domain': 'Placeholder or reserved domain',
  'role-based': 'Generic (role) address',
  'shared-address': 'Shared address',
  'indistinguishable-hint': 'Indistinguishable email hint',
  'test-email-not-sent': 'Test email never sent',
  'test-email-failed': 'Last test email failed',
  'test-email-uncertain': 'Last test email uncertain',
};

/**
 * The Manage Users readiness filter: everyone ('all'), the active users who are ready or not
 * ready, or the active users with one reason. Inactive users are out of scope: only 'all' shows
 * them.
 */
export const READINESS_FILTERS = ['all', 'ready', 'not-ready', ...REASON_CODES] as const;

/** One of {@link READINESS_FILTERS}. */
export type ReadinessFilter = (typeof READINESS_FILTERS)[number];
