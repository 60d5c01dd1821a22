/**
 * The shape of one change-log entry as every reader (History tab, Changes since last sync,
 * export) sees it, and the labels under which each recorded field is shown.
 */

/** Where a recorded change came from: the roster's sources plus password set and tab edits. */
export const AUDIT_SOURCES = ['edit', 'import', 'bulk', 'password', 'tab'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** One recorded change of one field of one user. */
export interface ChangeEntry {
  id: number;
  /** ISO-8601 UTC. */
  at: string;
  /** Null never happens for new rows; kept nullable so history can outlive a user. */
  userId: number | null;
  /** The user name when the change was made. */
  userName: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: AuditSource;
}

/** The guide's label for each recorded field (unknown fields are shown as recorded). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  userName: 'User Name',
  email: 'Email Address',
  firstName: 'First Name',
  lastName: 'Last Name',
  workPhone: 'Work Phone',
  status: 'Status',
  password: 'Password',
  accountLock: 'Account Lock',
  organizations: 'Organizations',
  permissions: 'Permissions',
  participantAssignments: 'Participant Assignments',
};

/** The label for a recorded field. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** SELECT list of `audit_log a` aliased to {@link ChangeEntry}'s names. */
export const ENTRY_COLUMNS =
  'a.id, a.at, a.user_id AS userId, a.user_name AS userName, a.field, ' +
  'a.old_value AS oldValue, a.new_value AS newValue, a.source';
