import { z } from 'zod';
import type { LastTestResult } from '../mail/last-results.js';
import { READINESS_FILTERS } from '../readiness/reasons.js';
import type { UserReadinessBadge } from '../readiness/types.js';
import { isValidEmail } from './email.js';

export type { ReadinessFilter } from '../readiness/reasons.js';

/** A user's status as the guide shows it in Manage Users. */
export const USER_STATUSES = ['Active', 'Inactive'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Columns of the Manage Users table, in the guide's order; each one sorts. */
export const USER_COLUMNS = [
  'userName',
  'firstName',
  'lastName',
  'email',
  'workPhone',
  'status',
] as const;
export type UserColumn = (typeof USER_COLUMNS)[number];

/** The "N items per page" choices. */
export const PAGE_SIZES = [5, 10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** One row of Manage Users. */
export interface UserRow {
  id: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  workPhone: string;
  status: UserStatus;
}

/** Everything View Details shows on the Profile tab. Dates are ISO-8601 UTC strings or null. */
export interface UserDetail extends UserRow {
  createdAt: string | null;
  lastLoginAt: string | null;
  lastPasswordFailureAt: string | null;
  passwordFailuresSinceLastSuccess: number;
}

const trimmed = (label: string, max: number) =>
  z
    .string()
    .max(1000)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required.`)
        .max(max, `${label} must be at most ${max} characters.`),
    );

/**
 * The editable profile, as the administrator types it in View Details or Add User. Values are
 * trimmed; messages are written for the field they belong to.
 */
export const UserProfileInput = z.strictObject({
  userName: trimmed('User Name', 64).pipe(
    z.string().regex(/^\S+$/, 'User Name cannot contain spaces.'),
  ),
  email: trimmed('Email Address', 254).pipe(
    z.string().refine(isValidEmail, 'Enter a valid email address, like name@agency.gov.'),
  ),
  firstName: trimmed('First Name', 100),
  lastName: trimmed('Last Name', 100),
  workPhone: z
    .string()
    .max(1000)
    .transform((s) => s.trim())
    .pipe(z.string().max(32, 'Work Phone must be at most 32 characters.')),
  status: z.enum(USER_STATUSES),
});
export type UserProfile = z.output<typeof UserProfileInput>;

/** Status filter of Manage Users. */
export const STATUS_FILTERS = ['Active', 'Inactive', 'All'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** What to search for: the free-text box, the status filter and the readiness filter. */
export const UserFilterInput = z.strictObject({
  query: z.string().max(200).default(''),
  status: z.enum(STATUS_FILTERS).default('All'),
  readiness: z.enum(READINESS_FILTERS).default('all'),
});
export type UserFilter = z.output<typeof UserFilterInput>;

/** One page of a search, sorted on one column. */
export const UserSearchInput = UserFilterInput.extend({
  sort: z
    .strictObject({
      column: z.enum(USER_COLUMNS),
      direction: z.enum(['asc', 'desc']),
    })
    .default({ column: 'userName', direction: 'asc' }),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z
    .number()
    .int()
    .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n), {
      message: 'Items per page must be 5, 10, 25, 50 or 100.',
    })
    .default(25),
});
export type UserSearch = z.output<typeof UserSearchInput>;

/** A page of results with the totals the pager needs. `page` is clamped to the last page. */
export interface UserSearchPage {
  rows: UserRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** A Manage Users row with its readiness badge and its last test email (null: none sent yet). */
export interface UserListRow extends UserRow {
  /** Null only for a user the readiness evaluation did not see (never in practice). */
  readiness: UserReadinessBadge | null;
  lastTestEmail: LastTestResult | null;
}

/** One page of Manage Users as the screen shows it. */
export interface UserListPage extends Omit<UserSearchPage, 'rows'> {
  rows: UserListRow[];
}

/** A user id as it travels in inputs. */
export const UserId = z.number().int().positive();

/** Ids for a bulk action; a roster is never larger than this. */
export const UserIds = z.array(UserId).min(1, 'Select at least one user.').max(200_000);
