/**
 * The roster: search for Manage Users, one user for View Details, Add User, Save, and the bulk
 * Activate/Deactivate. Every change is reported to the {@link ChangeRecorder} in its transaction.
 */
import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { ChangeRecorder, ChangeSource, FieldChange } from './change-recorder.js';
import {
  UserProfileInput,
  type UserDetail,
  type UserProfile,
  type UserSearch,
  type UserSearchPage,
  type UserStatus,
} from './schemas.js';
import { RosterSearchIndex, type IndexFilter, type IndexSort } from './search-index.js';
import {
  DETAIL_COLUMNS,
  PROFILE_FIELDS,
  profileOf,
  ROW_COLUMNS,
  type UserRowRecord,
} from './user-rows.js';

/** The message shown next to User Name when another user already has it. */
export const USER_NAME_TAKEN = 'That user name is already taken.';

const NO_RECORDER: ChangeRecorder = { record: () => {} };

const BY_USER_NAME: IndexSort = { column: 'userName', direction: 'asc' };

/** Rows read per statement when turning ids into rows (an export reads the whole roster). */
const ROWS_PER_READ = 500;

/** A search as the repository runs it: the readiness filter already resolved to ids. */
export type RosterQuery = IndexFilter & Pick<UserSearch, 'sort' | 'page' | 'pageSize'>;

/** Reads and changes the `users` table. */
export class UsersRepository {
  /** Manage Users search; it follows every change to the table by itself (see its TSDoc). */
  readonly searchIndex: RosterSearchIndex;
  private rowsByIds: Statement<[string], UserRowRecord> | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
    private readonly recorder: ChangeRecorder = NO_RECORDER,
  ) {
    this.searchIndex = new RosterSearchIndex(db);
  }

  /** One page of users matching the search, sorted, with the total and the page count. */
  search(input: RosterQuery): UserSearchPage {
    const found = this.searchIndex.search(input, input.sort, input.page, input.pageSize);
    return {
      rows: this.rowsInOrder(found.ids),
      total: found.total,
      page: found.page,
      pageCount: found.pageCount,
      pageSize: input.pageSize,
    };
  }

  /** Ids of every matching user (all pages), by user name unless another sort is given. */
  matchingIds(filter: IndexFilter, sort: IndexSort = BY_USER_NAME): number[] {
    return this.searchIndex.allIds(filter, sort);
  }

  /** The Manage Users rows of `ids`, in that order (missing ids are skipped). */
  rowsInOrder(ids: readonly number[]): UserRowRecord[] {
    const rows: UserRowRecord[] = [];
    const read = (this.rowsByIds ??= this.db.prepare<[string], UserRowRecord>(
      `SELECT ${ROW_COLUMNS} FROM users u WHERE u.id IN (SELECT value FROM json_each(?))`,
    ));
    // One bound JSON array per chunk: the statement text never changes and no id is spliced in.
    for (let from = 0; from < ids.length; from += ROWS_PER_READ) {
      const chunk = ids.slice(from, from + ROWS_PER_READ);
      const byId = new Map(read.all(JSON.stringify(chunk)).map((row) => [row.id, row]));
      for (const id of chunk) {
        const row = byId.get(id);
        if (row) rows.push(row);
      }
    }
    return rows;
  }

  /** One user for View Details. @throws AppError NOT_FOUND */
  get(id: number): UserDetail {
    const user = this.find(id);
    if (!user) throw new AppError('NOT_FOUND', 'That user no longer exists.');
    return user;
  }

  /** Number of users in the roster. */
  count(): number {
    return this.db.prepare<[], number>('SELECT count(*) FROM users').pluck().get() ?? 0;
  }

  /** Add User. @throws AppError VALIDATION or CONFLICT (user name taken) */
  create(profile: UserProfile, source: ChangeSource = 'edit'): UserDetail {
    const clean = validated(profile);
    return this.db.transaction(() => {
      this.assertUserNameFree(clean.userName, null);
      const now = this.clock().toISOString();
      const id = Number(
        this.db
          .prepare(
            'INSERT INTO users (user_name, email, first_name, last_name, work_phone, status, ' +
              'created_at, updated_at) VALUES (@userName, @email, @firstName, @lastName, ' +
              '@workPhone, @status, @now, @now)',
          )
          .run({ ...clean, now }).lastInsertRowid,
      );
      this.recorder.record(
        PROFILE_FIELDS.map(([field]) => ({
          userId: id,
          field,
          oldValue: null,
          newValue: clean[field],
          source,
        })),
      );
      return this.get(id);
    })();
  }

  /** Save in View Details: writes only changed fields. @throws VALIDATION, NOT_FOUND, CONFLICT */
  update(id: number, profile: UserProfile, source: ChangeSource = 'edit'): UserDetail {
    const clean = validated(profile);
    return this.db.transaction(() => {
      const before = profileOf(this.get(id));
      this.assertUserNameFree(clean.userName, id);
      const changes: FieldChange[] = PROFILE_FIELDS.filter(([f]) => before[f] !== clean[f]).map(
        ([field]) => ({
          userId: id,
          field,
          oldValue: before[field],
          newValue: clean[field],
          source,
        }),
      );
      if (changes.length === 0) return this.get(id);
      const assignments = PROFILE_FIELDS.filter(([f]) => before[f] !== clean[f]).map(
        ([field, column]) => `${column} = @${field}`,
      );
      this.db
        .prepare(`UPDATE users SET ${assignments.join(', ')}, updated_at = @now WHERE id = @id`)
        .run({ ...clean, now: this.clock().toISOString(), id });
      this.recorder.record(changes);
      return this.get(id);
    })();
  }

  /** Bulk Activate/Deactivate in one transaction. Answers how many users actually changed. */
  setStatus(ids: readonly number[], status: UserStatus): number {
    const current = this.db
      .prepare<[number], UserStatus>('SELECT status FROM users WHERE id = ?')
      .pluck();
    const change = this.db.prepare<[UserStatus, string, number]>(
      'UPDATE users SET status = ?, updated_at = ? WHERE id = ?',
    );
    return this.db.transaction(() => {
      const now = this.clock().toISOString();
      const changes: FieldChange[] = [];
      for (const id of new Set(ids)) {
        const old = current.get(id);
        if (old === undefined || old === status) continue;
        change.run(status, now, id);
        changes.push({
          userId: id,
          field: 'status',
          oldValue: old,
          newValue: status,
          source: 'bulk',
        });
      }
      if (changes.length) this.recorder.record(changes);
      return changes.length;
    })();
  }

  private find(id: number): UserDetail | undefined {
    return this.db
      .prepare<[number], UserDetail>(`SELECT ${DETAIL_COLUMNS} FROM users u WHERE u.id = ?`)
      .get(id);
  }

  /**
   * Taken regardless of case, Unicode included ("josé" and "JOSÉ"): the search index folds case
   * fully, while the column's unique NOCASE index folds only A–Z.
   */
  private assertUserNameFree(userName: string, exceptId: number | null): void {
    const other = this.searchIndex.userNameOwner(userName);
    if (other !== undefined && other !== exceptId) {
      throw new AppError('CONFLICT', USER_NAME_TAKEN, { userName: USER_NAME_TAKEN });
    }
  }
}

/**
 * Re-checks a profile against the same rules the gateway applies, for callers inside main (import,
 * seeding tools) that did not come through it. Answers the trimmed profile.
 */
function validated(profile: UserProfile): UserProfile {
  const parsed = UserProfileInput.safeParse(profile);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !(key in fields)) fields[key] = issue.message;
  }
  throw new AppError('VALIDATION', 'Please correct the highlighted fields.', fields);
}
