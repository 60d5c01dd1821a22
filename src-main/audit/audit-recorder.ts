/**
 * The {@link ChangeRecorder} that writes the change log. The roster calls it inside its own
 * transaction, so a change and its log entry are committed (or rolled back) together.
 */
import type { Database } from '../db/connection.js';
import type { ChangeRecorder, FieldChange } from '../roster/change-recorder.js';
import type { AuditSource } from './entries.js';

/**
 * A change as the log receives it: a roster {@link FieldChange}, or one of the log's own sources
 * (password set, tab edits). `userName` may be given when the caller knows it (import, tabs).
 */
export interface AuditChange extends Omit<FieldChange, 'source'> {
  source: AuditSource;
  userName?: string;
}

/**
 * The fields a created user is recorded with, in the order UsersRepository.create records them
 * (PROFILE_FIELDS), with their columns. Constants, so they may be part of the SQL text.
 */
const CREATED_FIELDS = [
  ['userName', 'user_name'],
  ['email', 'email'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['workPhone', 'work_phone'],
  ['status', 'status'],
] as const;

/** What a password change records instead of the hash: the fact alone. */
export const PASSWORD_SET = '(password set)';

/** Appends every change to `audit_log`, stamped with the injected clock. */
export class AuditRecorder implements ChangeRecorder {
  private readonly insert;
  private readonly userNameOf;

  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {
    this.insert = db.prepare<
      [string, number, string, string, string | null, string | null, AuditSource]
    >(
      'INSERT INTO audit_log (at, user_id, user_name, field, old_value, new_value, source) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.userNameOf = db
      .prepare<[number], string>('SELECT user_name FROM users WHERE id = ?')
      .pluck();
  }

  /** Records changes in order, all with one timestamp. Runs in the caller's transaction. */
  record(changes: readonly AuditChange[]): void {
    if (changes.length === 0) return;
    const at = this.clock().toISOString();
    let lastId = -1;
    let lastName = '';
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.userName !== undefined) {
          lastName = change.userName;
        } else if (change.userId !== lastId) {
          lastName = this.userNameOf.get(change.userId) ?? '';
        }
        lastId = change.userId;
        this.insert.run(
          at,
          change.userId,
          lastName,
          change.field,
          change.oldValue,
          change.newValue,
          change.source,
        );
      }
    })();
  }

  /**
   * Records the creation of every user whose id is above `afterId`, field by field as
   * {@link record} would (old value null), in one statement: an import adding 100,000 users
   * writes 600,000 entries, which row-by-row calls would make the slowest part of it.
   */
  recordAddedUsers(afterId: number, source: AuditSource): void {
    this.db
      .prepare(
        `WITH fields (ord, field) AS (VALUES ${CREATED_FIELDS.map((f, i) => `(${i}, '${f[0]}')`).join(', ')})
         INSERT INTO audit_log (at, user_id, user_name, field, old_value, new_value, source)
         SELECT @at, u.id, u.user_name, f.field, NULL,
           CASE f.field ${CREATED_FIELDS.map((f) => `WHEN '${f[0]}' THEN u.${f[1]}`).join(' ')} END,
           @source
         FROM users u CROSS JOIN fields f WHERE u.id > @afterId ORDER BY u.id, f.ord`,
      )
      .run({ at: this.clock().toISOString(), afterId, source });
  }
}
