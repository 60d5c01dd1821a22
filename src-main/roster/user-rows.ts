/**
 * The mapping between `users` table rows and the roster's types, in one place so every query
 * selects the same columns under the same names.
 */
import type { UserDetail, UserProfile, UserRow, UserStatus } from './schemas.js';

/** Columns of a Manage Users row, aliased to {@link UserRow}'s names. */
export const ROW_COLUMNS =
  'u.id, u.user_name AS userName, u.first_name AS firstName, u.last_name AS lastName, ' +
  'u.email, u.work_phone AS workPhone, u.status';

/** Columns of View Details, aliased to {@link UserDetail}'s names. */
export const DETAIL_COLUMNS =
  `${ROW_COLUMNS}, u.created_at AS createdAt, u.last_login_at AS lastLoginAt, ` +
  'u.last_password_failure_at AS lastPasswordFailureAt, ' +
  'u.password_failures AS passwordFailuresSinceLastSuccess';

/** A row as SQLite answers it (status is checked by the table, so it is one of the two words). */
export type UserRowRecord = UserRow & { status: UserStatus };

/** The profile fields in the guide's order, with their SQL columns. */
export const PROFILE_FIELDS = [
  ['userName', 'user_name'],
  ['email', 'email'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['workPhone', 'work_phone'],
  ['status', 'status'],
] as const satisfies ReadonlyArray<readonly [keyof UserProfile, string]>;

/** The editable profile part of a stored user. */
export function profileOf(user: UserDetail): UserProfile {
  return {
    userName: user.userName,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    workPhone: user.workPhone,
    status: user.status,
  };
}
