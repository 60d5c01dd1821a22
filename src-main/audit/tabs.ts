/**
 * The View Details tabs Organizations, Permissions and Participant Assignments: an editable list
 * of names per user each, stored in its own table, every addition and removal in the change log.
 */
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { AuditRecorder } from './audit-recorder.js';

/** The three list tabs of View Details. */
export const USER_TABS = ['organizations', 'permissions', 'participantAssignments'] as const;
export type UserTab = (typeof USER_TABS)[number];

/** The guide's tab names, used in messages. */
export const TAB_LABELS: Record<UserTab, string> = {
  organizations: 'Organizations',
  permissions: 'Permissions',
  participantAssignments: 'Participant Assignments',
};

/** A fixed map, never user input, so the table name can be part of the SQL text. */
const TABLES: Record<UserTab, string> = {
  organizations: 'user_organizations',
  permissions: 'user_permissions',
  participantAssignments: 'user_participant_assignments',
};

/** Reads and edits the three lists. */
export class UserTabs {
  constructor(
    private readonly db: Database,
    private readonly recorder: AuditRecorder,
  ) {}

  /** The names on one tab of one user, in alphabetical order. @throws NOT_FOUND */
  list(userId: number, tab: UserTab): string[] {
    this.userName(userId);
    return this.db
      .prepare<[number], string>(
        `SELECT name FROM ${TABLES[tab]} WHERE user_id = ? ORDER BY name COLLATE NOCASE, id`,
      )
      .pluck()
      .all(userId);
  }

  /** Adds a name (trimmed) and answers the list. @throws NOT_FOUND, CONFLICT (already there) */
  add(userId: number, tab: UserTab, name: string): string[] {
    const clean = name.trim();
    this.db.transaction(() => {
      const userName = this.userName(userId);
      const exists = this.db
        .prepare<[number, string], number>(
          `SELECT 1 FROM ${TABLES[tab]} WHERE user_id = ? AND name = ?`,
        )
        .pluck()
        .get(userId, clean);
      if (exists !== undefined) {
        const message = `"${clean}" is already in ${TAB_LABELS[tab]}.`;
        throw new AppError('CONFLICT', message, { name: message });
      }
      this.db
        .prepare(`INSERT INTO ${TABLES[tab]} (user_id, name) VALUES (?, ?)`)
        .run(userId, clean);
      this.recorder.record([
        { userId, userName, field: tab, oldValue: null, newValue: clean, source: 'tab' },
      ]);
    })();
    return this.list(userId, tab);
  }

  /** Removes a name (any case) and answers the list. @throws NOT_FOUND */
  remove(userId: number, tab: UserTab, name: string): string[] {
    this.db.transaction(() => {
      const userName = this.userName(userId);
      const stored = this.db
        .prepare<[number, string], string>(
          `SELECT name FROM ${TABLES[tab]} WHERE user_id = ? AND name = ?`,
        )
        .pluck()
        .get(userId, name.trim());
      if (stored === undefined) {
        throw new AppError('NOT_FOUND', `"${name.trim()}" is not in ${TAB_LABELS[tab]}.`);
      }
      this.db
        .prepare(`DELETE FROM ${TABLES[tab]} WHERE user_id = ? AND name = ?`)
        .run(userId, stored);
      this.recorder.record([
        { userId, userName, field: tab, oldValue: stored, newValue: null, source: 'tab' },
      ]);
    })();
    return this.list(userId, tab);
  }

  private userName(userId: number): string {
    const name = this.db
      .prepare<[number], string>('SELECT user_name FROM users WHERE id = ?')
      .pluck()
      .get(userId);
    if (name === undefined) throw new AppError('NOT_FOUND', 'That user no longer exists.');
    return name;
  }
}
