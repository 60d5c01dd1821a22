import { z } from 'zod';
import { channel } from '../contract-kit.js';
import {
  UserFilterInput,
  UserId,
  UserIds,
  UserProfileInput,
  UserSearchInput,
  USER_STATUSES,
  type UserDetail,
  type UserListPage,
} from './schemas.js';

/** Manage Users and View Details. */
export const rosterChannels = {
  /**
   * One page of Manage Users: substring search, status and readiness filters, sort, paging,
   * total count; each row with its readiness badge and last test email.
   */
  'users.search': channel<UserListPage>()(UserSearchInput),
  /** Ids of every user matching a search across all pages ("select all N matching users"). */
  'users.matchingIds': channel<{ ids: number[] }>()(UserFilterInput),
  /** One user's profile for View Details. */
  'users.get': channel<UserDetail>()(z.strictObject({ id: UserId })),
  /** Add User. Fails with VALIDATION (and `fields`) or CONFLICT (user name taken). */
  'users.create': channel<UserDetail>()(z.strictObject({ profile: UserProfileInput })),
  /** Save in View Details. Fails with VALIDATION, NOT_FOUND or CONFLICT (user name taken). */
  'users.update': channel<UserDetail>()(z.strictObject({ id: UserId, profile: UserProfileInput })),
  /** Bulk Activate / Deactivate. Answers how many users actually changed. */
  'users.setStatus': channel<{ changed: number }>()(
    z.strictObject({ ids: UserIds, status: z.enum(USER_STATUSES) }),
  ),
} as const;
