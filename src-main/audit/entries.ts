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
  /** The field as screens and exports show it ({@link fieldLabel}). */
  fieldLabel: string;
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

/** An SQL string literal of a constant (quotes doubled). */
const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * SELECT list of `audit_log a` aliased to {@link ChangeEntry}'s names. The label is worked out in
 * the query from the constant {@link FIELD_LABELS}, so every reader gets it with the entry.
 */
export const ENTRY_COLUMNS =
  'a.id, a.at, a.user_id AS userId, a.user_name AS userName, a.field, ' +
  `CASE a.field ${Object.entries(FIELD_LABELS)
    .map(([field, label]) => `WHEN ${sqlText(field)} THEN ${sqlText(label)}`)
    .join(' ')} ELSE a.field END AS fieldLabel, ` +
  'a.old_value AS oldValue, a.new_value AS newValue, a.source';
