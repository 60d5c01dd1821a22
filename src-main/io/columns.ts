/**
 * Matching a roster file's header to the roster's fields by name: in any order, any case, with
 * surrounding spaces, and with or without the spaces inside ("User Name", "username",
 * "user_name"). Unknown columns are listed and ignored; missing required ones, and two columns
 * for one field, refuse the file.
 */
import { AppError } from '../errors.js';

/** The fields a roster file can carry, in the guide's column order. */
export const IMPORT_FIELDS = [
  'userName',
  'firstName',
  'lastName',
  'email',
  'workPhone',
  'status',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The guide's column headers. */
export const FIELD_HEADERS: Record<ImportField, string> = {
  userName: 'User Name',
  firstName: 'First Name',
  lastName: 'Last Name',
  email: 'Email',
  workPhone: 'Work Phone',
  status: 'Status',
};

/** Columns without which no row could be a user (the Profile tab's starred fields). */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'userName',
  'firstName',
  'lastName',
  'email',
];

/** Header spellings, compared without case, spaces, dashes and underscores. */
const ALIASES: Record<string, ImportField> = {
  username: 'userName',
  firstname: 'firstName',
  lastname: 'lastName',
  email: 'email',
  emailaddress: 'email',
  workphone: 'workPhone',
  status: 'status',
};

/** One column of the file and the field it fills (null: unknown, ignored). */
export interface ColumnMapping {
  header: string;
  field: ImportField | null;
}

/** The header's mapping, with the index of each known field. */
export interface HeaderMap {
  columns: ColumnMapping[];
  indexOf: Partial<Record<ImportField, number>>;
  unknownColumns: string[];
}

function key(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * Maps a header row. Unknown columns — even two of the same name — are listed and ignored.
 * @throws AppError BAD_INPUT when no column is recognised, two columns fill the same field
 * (the same header twice, or two spellings of it such as "Email" and "Email Address": the file
 * does not say which one is right), or required columns are missing (each named).
 */
export function mapHeader(header: readonly string[]): HeaderMap {
  const columns: ColumnMapping[] = [];
  const indexOf: Partial<Record<ImportField, number>> = {};
  header.forEach((raw, index) => {
    const text = raw.trim();
    const field = ALIASES[key(text)] ?? null;
    const earlier = field === null ? undefined : indexOf[field];
    if (field !== null && earlier !== undefined) {
      const first = columns[earlier]?.header ?? '';
      const problem =
        first === text
          ? `the column "${text}" twice`
          : `both "${first}" and "${text}", which are the same field (${FIELD_HEADERS[field]})`;
      throw new AppError(
        'BAD_INPUT',
        `The header has ${problem}. Keep one of them and import the file again.`,
      );
    }
    columns.push({ header: text, field });
    if (field) indexOf[field] = index;
  });
  if (Object.keys(indexOf).length === 0) {
    throw new AppError(
      'BAD_INPUT',
      'The first line is not a roster header. Expected columns named ' +
        `${IMPORT_FIELDS.map((f) => FIELD_HEADERS[f]).join(', ')} (in any order).`,
    );
  }
  const missing = REQUIRED_FIELDS.filter((f) => indexOf[f] === undefined);
  if (missing.length) {
    const names = missing.map((f) => `"${FIELD_HEADERS[f]}"`).join(', ');
    throw new AppError(
      'BAD_INPUT',
      `The file has no ${names} column${missing.length > 1 ? 's' : ''}; ${missing.length > 1 ? 'they are' : 'it is'} required.`,
    );
  }
  // Each unknown name once, however often it appears.
  const unknownColumns = [
    ...new Set(columns.filter((c) => c.field === null).map((c) => c.header || '(blank)')),
  ];
  return { columns, indexOf, unknownColumns };
}
