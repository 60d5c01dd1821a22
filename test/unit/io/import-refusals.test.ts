import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditServices } from '../../../src-main/audit/index.js';
import { PrefsRepository } from '../../../src-main/db/prefs-repository.js';
import { decodeRosterBytes, IMPORT_SIZE_LIMIT_BYTES } from '../../../src-main/io/csv.js';
import { RosterImporter } from '../../../src-main/io/import-roster.js';
import { GUIDE_ROSTER, tempDb, type TempDb } from './temp-db.js';

let t: TempDb;
afterEach(() => t.cleanup());

const OPTIONS = { addNew: true, updateExisting: true, missingUsers: 'deactivate' as const };
const HEADER = 'User Name,First Name,Last Name,Email,Work Phone,Status';

function setup() {
  t = tempDb();
  t.addUsers(GUIDE_ROSTER);
  const audit = createAuditServices({ db: t.db, clock: t.clock });
  const prefs = new PrefsRepository(t.db);
  prefs.setDemoRoster(true);
  return new RosterImporter(t.db, { clock: t.clock, recorder: audit.recorder, prefs });
}

/** Every row of every table: what "the database is untouched" means, checked exactly. */
function snapshot(): string {
  const tables = t.db
    .prepare<[], string>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .pluck()
    .all();
  return JSON.stringify(
    tables.map((name) => [name, t.db.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

function expectRefused(text: string, reason: RegExp) {
  const importer = setup();
  const before = snapshot();
  expect(() => importer.preview(text, OPTIONS)).toThrow(reason);
  expect(() => importer.apply(text, OPTIONS)).toThrow(reason);
  expect(snapshot()).toBe(before);
  // Refused before the backup: nothing was copied either.
  expect(existsSync(path.join(t.dir, 'backups'))).toBe(false);
}

describe('refused files leave the database untouched', () => {
  it('refuses an empty file', () => expectRefused('', /The file is empty/));
  it('refuses a file of blank lines and a BOM', () =>
    expectRefused('\uFEFF\r\n\r\n  \n', /The file is empty/));
  it('refuses a header without rows', () =>
    expectRefused(`${HEADER}\r\n\r\n`, /header but no users/));
  it('refuses a binary file', () =>
    expectRefused('PK\u0003\u0004\u0000\u0000xl/workbook.xml', /binary data/));
  it('refuses text that was not UTF-8', () =>
    expectRefused(
      `${HEADER}\nJos\uFFFD,Jos\uFFFD,Garc\uFFFDa,jose@agency.gov,,Active\n`,
      /not UTF-8/,
    ));
  it('refuses an unclosed quote', () =>
    expectRefused(
      `${HEADER}\nJaneDoe,"Jane,Doe,jane@agency.gov,,Active\n`,
      /could not be read as CSV/,
    ));
  it('refuses a file without a recognisable header', () =>
    expectRefused(
      'jdoe,Jane,Doe,jane@agency.gov\nbsmith,Bob,Smith,bob@agency.gov\n',
      /not a roster header/,
    ));
  it('refuses missing required columns, naming them', () =>
    expectRefused(
      'User Name,Email\nJaneDoe,jane@agency.gov\n',
      /no "First Name", "Last Name" columns/,
    ));
  it('refuses the same header twice', () =>
    expectRefused(
      `${HEADER},Email\nJaneDoe,Jane,Doe,a@b.gov,,Active,c@d.gov\n`,
      /^The header has the column "Email" twice\. Keep one of them/,
    ));
  it('refuses two spellings of one field, naming both', () =>
    expectRefused(
      'User Name,First Name,Last Name,Email,Email Address\nJaneDoe,Jane,Doe,a@b.gov,c@d.gov\n',
      /^The header has both "Email" and "Email Address", which are the same field \(Email\)\./,
    ));
  it('refuses a UTF-16 file as UTF-16, not as binary', () => {
    // What the renderer sends: the file read as UTF-8, BOM and NUL bytes and all.
    const utf16 = Buffer.from(
      `\uFEFF${HEADER}\r\nJose,José,García,jose@agency.gov,,Active\r\n`,
      'utf16le',
    );
    expectRefused(
      new TextDecoder('utf-8').decode(utf16),
      /^The file is not UTF-8 text \(it looks like UTF-16/,
    );
    t.cleanup();
    // Without a byte-order mark, big-endian.
    const bigEndian = Buffer.from(
      `${HEADER}\r\nJose,Jose,Garcia,jose@agency.gov,,Active\r\n`,
      'utf16le',
    ).swap16();
    expectRefused(new TextDecoder('utf-8').decode(bigEndian), /looks like UTF-16/);
  });
  it('refuses a file over the size limit, stating the limit', () => {
    const big = `${HEADER}\n` + 'x'.repeat(IMPORT_SIZE_LIMIT_BYTES);
    expectRefused(big, /too large \(20\.0 MB\)\. The limit is 20 MB/);
  });
});

describe('decoding bytes', () => {
  it('refuses bytes that are not UTF-8 (Windows-1252 "José")', () => {
    const latin1 = Buffer.from(
      `${HEADER}\nJose,Jos\xe9,Garcia,jose@agency.gov,,Active\n`,
      'latin1',
    );
    expect(() => decodeRosterBytes(latin1)).toThrow(/not UTF-8/);
  });
  it('decodes UTF-8 with a BOM', () => {
    const bytes = Buffer.from(
      `\uFEFF${HEADER}\nJose,José,García,jose@agency.gov,,Active\n`,
      'utf8',
    );
    expect(decodeRosterBytes(bytes)).toContain('García');
  });
  it('refuses too many bytes before decoding them', () => {
    expect(() => decodeRosterBytes(new Uint8Array(IMPORT_SIZE_LIMIT_BYTES + 1))).toThrow(
      /The limit is 20 MB/,
    );
  });
  it('refuses NUL bytes', () => {
    expect(() => decodeRosterBytes(new Uint8Array([0x55, 0x00, 0x4e]))).toThrow(/binary/);
  });
  it('refuses UTF-16 bytes, saying so', () => {
    const utf16 = Buffer.from(
      `\uFEFF${HEADER}\r\nJose,José,García,jose@agency.gov,,Active\r\n`,
      'utf16le',
    );
    expect(() => decodeRosterBytes(utf16)).toThrow(/not UTF-8 text \(it looks like UTF-16/);
  });
});

describe('refusal leaves no backup behind', () => {
  it('keeps the backups folder as it was', () => {
    const importer = setup();
    importer.apply(`${HEADER}\nJaneDoe,Jane,Doe,jane.doe@agency.gov,,Active\n`, OPTIONS);
    const backups = readdirSync(path.join(t.dir, 'backups'));
    expect(() => importer.apply('', OPTIONS)).toThrow();
    expect(readdirSync(path.join(t.dir, 'backups'))).toEqual(backups);
  });
});
