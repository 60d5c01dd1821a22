/**
 * Writing CSV for a spreadsheet: csv-stringify with a BOM (so Excel reads UTF-8) and every
 * value that a spreadsheet would run as a formula neutralised.
 */
import { stringify } from 'csv-stringify/sync';

/** First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A value safe to open in a spreadsheet: one starting with =, +, -, @, tab or carriage return
 * gets a leading single quote, which spreadsheets show as text.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV file's text from column headers and rows (values in header order). */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): string {
  return stringify([headers, ...rows] as (string | null)[][], {
    bom: true,
    record_delimiter: 'windows',
    cast: { string: (value) => neutraliseFormula(value) },
  });
}
