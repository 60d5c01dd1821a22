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
    // Decoded leniently only to say which encoding it seems to be.
    if (looksLikeUtf16(new TextDecoder('utf-8').decode(bytes))) refuseUtf16();
    refuse(
      'The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8 (Comma delimited)" and import it again.',
    );
  }
  checkText(text);
  return text;
}

/** How many characters from the start {@link looksLikeUtf16} looks at. */
const UTF16_SAMPLE = 1000;

/**
 * True for UTF-16 read as UTF-8 (what the renderer's File.text() makes of it): a byte-order mark
 * (FF FE or FE FF, two replacement characters) or the NUL byte that every ASCII character of
 * UTF-16 carries, on alternate positions. Excel's "Unicode Text" saves UTF-16.
 */
export function looksLikeUtf16(text: string): boolean {
  if (text.startsWith('\uFFFD\uFFFD')) return true;
  const sample = text.slice(0, UTF16_SAMPLE);
  // Too little to tell (no roster header is this short): left to the binary check.
  if (sample.length < 16) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample.charCodeAt(i) === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  // Latin text in UTF-16 is half NULs, all on one side.
  return Math.max(even, odd) * 3 >= sample.length && Math.min(even, odd) * 10 <= even + odd;
}

function refuseUtf16(): never {
  refuse(
    'The file is not UTF-8 text (it looks like UTF-16, as Excel\'s "Unicode Text" saves it). Save it as "CSV UTF-8 (Comma delimited)" and import it again.',
  );
}

/**
 * Refuses text that cannot be a roster: too large, UTF-16 (named as such, not as binary),
 * binary (NUL characters), not UTF-8 (the renderer decodes files with replacement characters,
 * so U+FFFD marks bytes that were not UTF-8), or empty.
 */
export function checkText(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > IMPORT_SIZE_LIMIT_BYTES) refuseTooLarge(bytes);
  if ((text.includes('\0') || text.startsWith('\uFFFD')) && looksLikeUtf16(text)) refuseUtf16();
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
