/**
 * Reading a roster file: the checks that refuse a file before anything else happens (size,
 * encoding, binary content, emptiness) and the CSV parsing itself (csv-parse: BOM, CRLF or LF or
 * mixed, quoted fields with commas, quotes and newlines). Refusals are {@link AppError}s whose
 * message says why, in words the administrator can act on.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors.js';

/** The largest roster file accepted: far above any agency's roster, small enough to preview. */
export const IMPORT_SIZE_LIMIT_BYTES = 20 * 1024 * 1024;

/** The limit as the refusal states it. */
export const IMPORT_SIZE_LIMIT_TEXT = '20 MB';

/** A parsed record with the file line on which it starts (the header is on line 1 or later). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

function refuse(message: string): never {
  throw new AppError('BAD_INPUT', message);
}

/**
 * Decodes a file's bytes as UTF-8, refusing anything else. For callers that hold the bytes
 * (a file read in main, the tests); the renderer sends text and goes through {@link checkText}.
 */
export function decodeRosterBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > IMPORT_SIZE_LIMIT_BYTES) refuseTooLarge(bytes.byteLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    refuse(
      'The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8 (Comma delimited)" and import it again.',
    );
  }
  checkText(text);
  return text;
}

/**
 * Refuses text that cannot be a roster: too large, binary (NUL characters), not UTF-8 (the
 * renderer decodes files with replacement characters, so U+FFFD marks bytes that were not
 * UTF-8), or empty.
 */
export function checkText(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > IMPORT_SIZE_LIMIT_BYTES) refuseTooLarge(bytes);
  if (text.includes('\0')) {
    refuse(
      'The file is not a CSV file (it contains binary data; a spreadsheet such as .xlsx must first be saved as CSV).',
    );
  }
  if (text.includes('\uFFFD')) {
    refuse(
      'The file is not UTF-8 text (some characters could not be read). Save it as "CSV UTF-8 (Comma delimited)" and import it again.',
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') refuse('The file is empty.');
}

function refuseTooLarge(bytes: number): never {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  refuse(`The file is too large (${mb} MB). The limit is ${IMPORT_SIZE_LIMIT_TEXT}.`);
}

/**
 * Parses CSV text into records with their starting line numbers. Lines that are empty (or hold
 * only separators and spaces) are skipped but counted, so line numbers match a text editor.
 * @throws AppError BAD_INPUT when the text is not valid CSV (e.g. an unclosed quote).
 */
export function parseCsv(text: string): CsvRecord[] {
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      relax_column_count: true,
      // Any line ending, even mixed in one file (hand-edited rosters), ends a record.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    refuse(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const fields of rows) {
    if (!isBlank(fields)) records.push({ line, fields });
    line += 1 + embeddedLineBreaks(fields);
  }
  return records;
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** Line breaks inside quoted fields: the record spans that many more lines of the file. */
function embeddedLineBreaks(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.includes('\n') || field.includes('\r')) count += field.match(LINE_BREAK)?.length ?? 0;
  }
  return count;
}
