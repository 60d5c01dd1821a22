/**
 * The roster: search for Manage Users, one user for View Details, Add User, Save, and the bulk
 * Activate/Deactivate. Every change is reported to the {@link ChangeRecorder} in its transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
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
import { filterSql, orderSql, type MatchPlan, type SqlFilter } from './search-sql.js';
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

type Params = Record<string, string | number>;

/** A search as the repository runs it: the readiness filter already resolved to ids. */
export type RosterQuery = SqlFilter & Pick<UserSearch, 'sort' | 'page' | 'pageSize'>;

/** One match in this many users or more counts as a broad search (see `planFor`). */
const DENSE_MATCH_SHARE = 20;
type Statement = BetterSqlite3.Statement<[Params], unknown>;

/** Reads and changes the `users` table. */
export class UsersRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
    private readonly recorder: ChangeRecorder = NO_RECORDER,
  ) {}

  /**
   * Search statements differ only by filter kind, status and sort: a few dozen shapes, prepared
   * once each, because preparing costs more than running a page query through an index.
   */
  private readonly statements = new Map<string, Statement>();

  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare<[Params], unknown>(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** One page of users matching the search, sorted, with the total and the page count. */
  search(input: RosterQuery): UserSearchPage {
    const total = this.countMatching(input);
    const pageCount = Math.max(1, Math.ceil(total / input.pageSize));
    const page = Math.min(Math.max(1, input.page), pageCount);
    const filter = filterSql(input, this.planFor(total));
    const rows = this.statement(
      `SELECT ${ROW_COLUMNS} FROM users u ${filter.where} ` +
        `${orderSql(input.sort.column, input.sort.direction)} LIMIT @limit OFFSET @offset`,
    ).all({
      ...filter.params,
      limit: input.pageSize,
      offset: (page - 1) * input.pageSize,
    }) as UserRowRecord[];
    return { rows, total, page, pageCount, pageSize: input.pageSize };
  }

  /**
   * Walks the sort index when more than about one user in {@link DENSE_MATCH_SHARE} matches. The
   * highest id stands in for the roster size: exact enough for a plan, and free to read.
   */
  private planFor(total: number): MatchPlan {
    const size = Number(this.statement('SELECT max(id) FROM users').pluck().get({}) ?? 0);
    return total * DENSE_MATCH_SHARE > size ? 'walk' : 'drive';
  }

  /** How many users match; with only a text match the trigram index alone answers. */
  private countMatching(filter: SqlFilter): number {
    const sql = filterSql(filter);
    const query =
      sql.kind === 'fts' && filter.status === 'All' && !filter.onlyIds
        ? 'SELECT count(*) FROM users_search WHERE users_search MATCH @match'
        : `SELECT count(*) FROM users u ${sql.where}`;
    return Number(this.statement(query).pluck().get(sql.params) ?? 0);
  }

  /** Ids of every matching user (all pages), in the default order: by user name. */
  matchingIds(filter: SqlFilter): number[] {
    const sql = filterSql(filter);
    return this.statement(`SELECT u.id FROM users u ${sql.where} ${orderSql('userName', 'asc')}`)
      .pluck()
      .all(sql.params) as number[];
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

  /** The column's NOCASE collation makes `=` case-insensitive, as the unique index is. */
  private assertUserNameFree(userName: string, exceptId: number | null): void {
    const other = this.db
      .prepare<[string, number], number>('SELECT id FROM users WHERE user_name = ? AND id <> ?')
      .pluck()
      .get(userName, exceptId ?? 0);
    if (other !== undefined) {
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
