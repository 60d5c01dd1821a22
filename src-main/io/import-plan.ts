/**
 * What an import would do, decided before anything is written: each row's outcome against the
 * current roster (add, update, unchanged, reject, skip) and the users the file leaves out.
 * Preview shows the plan; apply carries it out.
 */
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { UserStatus } from '../roster/schemas.js';
import { mapHeader, type ColumnMapping } from './columns.js';
import { checkText, parseCsv } from './csv.js';
import { readRows, userNameKey, type ImportRow } from './rows.js';

/** The administrator's choices. */
export interface ImportOptions {
  /** Add users the roster does not have yet. */
  addNew: boolean;
  /** Update users the roster has (matched by user name, case-insensitively). */
  updateExisting: boolean;
  /** What to do with active users the file does not mention. */
  missingUsers: 'leave' | 'deactivate';
}

/** A stored user as the import compares it. */
export interface ExistingUser {
  id: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  workPhone: string;
  status: UserStatus;
}

/** The profile fields an import writes, in the guide's order. */
export const IMPORTED_FIELDS = [
  'userName',
  'email',
  'firstName',
  'lastName',
  'workPhone',
  'status',
] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

/** What happens to one row. */
export type RowOutcome = 'add' | 'update' | 'unchanged' | 'reject' | 'skip';

/** A row with its outcome; `changes` lists the fields an update writes. */
export interface PlannedRow extends ImportRow {
  outcome: RowOutcome;
  existing: ExistingUser | null;
  changes: ImportedField[];
}

/** How many rows (and left-out users) end up where. */
export interface ImportCounts {
  add: number;
  update: number;
  unchanged: number;
  reject: number;
  skip: number;
  deactivate: number;
}

/** The whole plan. */
export interface ImportPlan {
  columns: ColumnMapping[];
  unknownColumns: string[];
  rows: PlannedRow[];
  /** Active users the file does not mention, when the options say to deactivate them. */
  toDeactivate: ExistingUser[];
  counts: ImportCounts;
  /** Users in the roster before the import. */
  existingCount: number;
}

/**
 * Reads, checks and plans an import of `text`. @throws AppError BAD_INPUT (with the reason) when
 * the file is refused: too large, binary, not UTF-8, empty, not CSV, no usable header, no rows.
 */
export function planImport(db: Database, text: string, options: ImportOptions): ImportPlan {
  checkText(text);
  const [headerRecord, ...records] = parseCsv(text);
  if (!headerRecord) throw new AppError('BAD_INPUT', 'The file is empty.');
  const header = mapHeader(headerRecord.fields);
  if (records.length === 0) {
    throw new AppError('BAD_INPUT', 'The file has a header but no users.');
  }
  const rows = readRows(records, header);
  const existing = loadExisting(db);
  const counts: ImportCounts = {
    add: 0,
    update: 0,
    unchanged: 0,
    reject: 0,
    skip: 0,
    deactivate: 0,
  };
  const mentioned = new Set<string>();
  const planned: PlannedRow[] = rows.map((row) => {
    if (row.userName !== '') mentioned.add(row.key);
    const stored = row.userName === '' ? undefined : existing.get(row.key);
    const plan = planRow(row, stored ?? null, options);
    counts[plan.outcome]++;
    return plan;
  });
  const toDeactivate =
    options.missingUsers === 'deactivate'
      ? [...existing.entries()]
          .filter(([k, user]) => user.status === 'Active' && !mentioned.has(k))
          .map(([, user]) => user)
      : [];
  counts.deactivate = toDeactivate.length;
  return {
    columns: header.columns,
    unknownColumns: header.unknownColumns,
    rows: planned,
    toDeactivate,
    counts,
    existingCount: existing.size,
  };
}

/**
 * Decides one row's outcome. The row object itself becomes the planned row (no copy: a plan may
 * hold 100,000 of them).
 */
function planRow(
  row: ImportRow,
  existing: ExistingUser | null,
  options: ImportOptions,
): PlannedRow {
  const planned = row as PlannedRow;
  planned.existing = existing;
  planned.changes = [];
  if (row.errors.length > 0) planned.outcome = 'reject';
  else if (!existing) planned.outcome = options.addNew ? 'add' : 'skip';
  else {
    // A column the file lacks (or an empty Status) keeps the stored value.
    planned.changes = IMPORTED_FIELDS.filter((field) => {
      const value = row[field];
      return value !== null && value !== existing[field];
    });
    if (planned.changes.length === 0) planned.outcome = 'unchanged';
    else planned.outcome = options.updateExisting ? 'update' : 'skip';
  }
  return planned;
}

function loadExisting(db: Database): Map<string, ExistingUser> {
  const users = db
    .prepare<[], ExistingUser>(
      'SELECT id, user_name AS userName, first_name AS firstName, last_name AS lastName, ' +
        'email, work_phone AS workPhone, status FROM users',
    )
    .all();
  return new Map(users.map((u) => [userNameKey(u.userName), u]));
}
