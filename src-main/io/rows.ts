/**
 * Turning CSV records into roster rows with their errors: missing required fields (also when a
 * row is shorter than the header), invalid email, unknown status, values too long, extra values,
 * and user names that appear twice in the file (case-insensitively). Hand-written rather than
 * zod so 100,000 rows validate in a blink; test/unit/io/rows.test.ts keeps the verdicts equal to
 * the profile schema's.
 */
import { isValidEmail } from '../roster/email.js';
import type { UserStatus } from '../roster/schemas.js';
import type { CsvRecord } from './csv.js';
import { FIELD_HEADERS, REQUIRED_FIELDS, type HeaderMap, type ImportField } from './columns.js';

/** The profile schema's length limits (src-main/roster/schemas.ts, UserProfileInput). */
const MAX_LENGTH: Record<ImportField, number> = {
  userName: 64,
  email: 254,
  firstName: 100,
  lastName: 100,
  workPhone: 32,
  status: 8,
};

/** One data row of the file. `workPhone`/`status` are null when the file does not give them. */
export interface ImportRow {
  /** The file line on which the row starts. */
  line: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  workPhone: string | null;
  status: UserStatus | null;
  errors: string[];
  /** The user name as the users table compares it ({@link userNameKey}). */
  key: string;
}

/** How many duplicate lines a message names before "…". */
const LINES_NAMED = 5;

/** Reads and checks every data row (the records after the header). */
export function readRows(records: readonly CsvRecord[], header: HeaderMap): ImportRow[] {
  const width = header.columns.length;
  // A row shorter than the header does not give its last fields: like a column the file lacks,
  // they keep the stored value (required ones are reported missing below).
  const at = (fields: readonly string[], field: ImportField): string | null => {
    const index = header.indexOf[field];
    const value = index === undefined ? undefined : fields[index];
    return value === undefined ? null : restoreNeutralised(value.trim());
  };
  const rows: ImportRow[] = [];
  for (const { line, fields } of records) {
    const errors: string[] = [];
    const value = (field: ImportField) => at(fields, field) ?? '';
    for (const field of REQUIRED_FIELDS) {
      if (value(field) === '') errors.push(`${FIELD_HEADERS[field]} is missing.`);
    }
    const row: ImportRow = {
      line,
      userName: value('userName'),
      firstName: value('firstName'),
      lastName: value('lastName'),
      email: value('email'),
      workPhone: at(fields, 'workPhone'),
      status: null,
      errors,
      key: '',
    };
    row.key = userNameKey(row.userName);
    if (/\s/.test(row.userName)) errors.push('User Name cannot contain spaces.');
    if (row.email !== '' && !isValidEmail(row.email)) {
      errors.push(`Email "${row.email}" is not a valid email address.`);
    }
    const status = at(fields, 'status') ?? '';
    if (status !== '') {
      const lower = status.toLowerCase();
      if (lower === 'active') row.status = 'Active';
      else if (lower === 'inactive') row.status = 'Inactive';
      else errors.push(`Status "${status}" is not Active or Inactive.`);
    }
    for (const field of ['userName', 'firstName', 'lastName', 'email', 'workPhone'] as const) {
      const text = row[field] ?? '';
      if (text.length > MAX_LENGTH[field]) {
        errors.push(`${FIELD_HEADERS[field]} must be at most ${MAX_LENGTH[field]} characters.`);
      }
    }
    if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
      errors.push(`The row has ${fields.length} values but the header has ${width} columns.`);
    }
    rows.push(row);
  }
  flagDuplicateUserNames(rows);
  return rows;
}

/**
 * Our exports put a single quote before values a spreadsheet would run as formulas
 * (src-main/io/csv-out.ts); reading such a file back removes it, so export → import round-trips.
 */
export function restoreNeutralised(value: string): string {
  // A character test, not a regex: it runs for every field of every row.
  return value.charCodeAt(0) === APOSTROPHE && FORMULA_STARTS.includes(value.charAt(1))
    ? value.slice(1)
    : value;
}

const APOSTROPHE = 39;
const FORMULA_STARTS = '=+-@';

/** SQLite's NOCASE: only ASCII letters fold, exactly as the users table's unique index does. */
export function userNameKey(userName: string): string {
  // For ASCII text (nearly every user name) toLowerCase folds exactly the same letters, faster.
  return ASCII_ONLY.test(userName)
    ? userName.toLowerCase()
    : userName.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Every row whose user name appears more than once gets an error: the file does not say which
 * of them is right, so none is applied.
 */
function flagDuplicateUserNames(rows: ImportRow[]): void {
  const linesByName = new Map<string, number[]>();
  for (const row of rows) {
    if (row.userName === '') continue;
    const lines = linesByName.get(row.key);
    if (lines) lines.push(row.line);
    else linesByName.set(row.key, [row.line]);
  }
  for (const row of rows) {
    const lines = row.userName === '' ? undefined : linesByName.get(row.key);
    if (!lines || lines.length < 2) continue;
    const named =
      lines.slice(0, LINES_NAMED).join(', ') + (lines.length > LINES_NAMED ? ', …' : '');
    row.errors.push(
      `User Name "${row.userName}" appears more than once in the file (lines ${named}).`,
    );
  }
}
