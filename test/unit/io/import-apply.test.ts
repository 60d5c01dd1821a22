import { readdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditServices } from '../../../src-main/audit/index.js';
import { PrefsRepository } from '../../../src-main/db/prefs-repository.js';
import { RosterImporter } from '../../../src-main/io/import-roster.js';
import { GUIDE_ROSTER, tempDb, type TempDb } from './temp-db.js';

let t: TempDb;
afterEach(() => t.cleanup());

const ALL = { addNew: true, updateExisting: true, missingUsers: 'leave' as const };

function setup() {
  t = tempDb('2024-03-11T12:00:00.000Z');
  const ids = t.addUsers(GUIDE_ROSTER);
  const audit = createAuditServices({ db: t.db, clock: t.clock });
  const prefs = new PrefsRepository(t.db);
  prefs.setDemoRoster(true);
  const importer = new RosterImporter(t.db, { clock: t.clock, recorder: audit.recorder, prefs });
  return { importer, audit, prefs, ids };
}

function user(userName: string) {
  return t.db
    .prepare(
      'SELECT user_name, first_name, last_name, email, work_phone, status FROM users WHERE user_name = ?',
    )
    .get(userName);
}

describe('reading the file', () => {
  it('handles a BOM, CRLF, any column order and case, spaces, quotes, commas and newlines', () => {
    const { importer } = setup();
    const text =
      '\uFEFF  status , EMAIL,last name,First Name,user name,Department\r\n' +
      'Active,jane.doe@agency.gov,"Doe, Jr.","Jane ""JJ""",JaneDoe,Intake\r\n' +
      '\r\n' +
      'Active,ann.lee@agency.gov,"Lee\r\nSecond line",Ann,AnnLee,\r\n';
    const preview = importer.preview(text, ALL);
    expect(preview.columns.map((c) => c.field)).toEqual([
      'status',
      'email',
      'lastName',
      'firstName',
      'userName',
      null,
    ]);
    expect(preview.unknownColumns).toEqual(['Department']);
    expect(
      preview.rows.map((r) => [r.line, r.userName, r.firstName, r.lastName, r.outcome]),
    ).toEqual([
      [2, 'JaneDoe', 'Jane "JJ"', 'Doe, Jr.', 'add'],
      [4, 'AnnLee', 'Ann', 'Lee\r\nSecond line', 'add'],
    ]);
    expect(preview.counts).toMatchObject({ add: 2, reject: 0 });
  });

  it('reports per-row errors with the file line numbers', () => {
    const { importer } = setup();
    const text = [
      'User Name,First Name,Last Name,Email,Status',
      'JaneDoe,Jane,Doe,jane.doe@agency.gov,Active',
      ',Ann,Lee,ann.lee@agency.gov,Active',
      'BobRoss,Bob,"Ross',
      'Painter",bob@agency,Active',
      'janedoe,Janet,Doe,janet@agency.gov,Active',
      'Sam Kim,Sam,Kim,sam.kim@agency.gov,Pending',
      'TooMany,Too,Many,too.many@agency.gov,Active,extra',
    ].join('\n');
    const preview = importer.preview(text, ALL);
    expect(preview.errorCount).toBe(6);
    expect(preview.errors.map((e) => [e.line, e.messages])).toEqual([
      [2, ['User Name "JaneDoe" appears more than once in the file (lines 2, 6).']],
      [3, ['User Name is missing.']],
      [4, ['Email "bob@agency" is not a valid email address.']],
      [6, ['User Name "janedoe" appears more than once in the file (lines 2, 6).']],
      [7, ['User Name cannot contain spaces.', 'Status "Pending" is not Active or Inactive.']],
      [8, ['The row has 6 values but the header has 5 columns.']],
    ]);
    expect(preview.counts).toMatchObject({ add: 0, reject: 6 });
  });
});

describe('applying an import', () => {
  it('adds, updates and leaves unchanged users in one go, after a backup', () => {
    const { importer, audit, prefs } = setup();
    t.setNow('2024-03-12T10:00:00.000Z');
    const text = [
      'User Name,First Name,Last Name,Email,Work Phone,Status',
      'frontdesk,Front,Desk,fran.front@agency.gov,(602) 954-9557,Active', // update (email, user name case)
      'BrianJackson,Brian,Jackson,bjackson@email.com,(602) 954-9557,Active', // unchanged
      'JaneDoe,Jane,Doe,jane.doe@agency.gov,,', // add, status defaults to Active
      'BadRow,Bad,Row,not-an-address,,Active', // reject
    ].join('\r\n');
    const summary = importer.apply(text, ALL);
    expect(summary).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 1,
      rejected: 1,
      skipped: 0,
      deactivated: 0,
    });
    expect(user('FrontDesk')).toMatchObject({
      user_name: 'frontdesk',
      email: 'fran.front@agency.gov',
    });
    expect(user('JaneDoe')).toMatchObject({ status: 'Active', work_phone: '' });
    expect(user('BadRow')).toBeUndefined();
    expect(prefs.isDemoRoster()).toBe(false);

    // The backup holds the roster as it was before the import.
    expect(path.basename(summary.backupFile)).toMatch(/before-import\.db$/);
    expect(readdirSync(path.join(t.dir, 'backups'))).toHaveLength(1);
    const backup = new BetterSqlite3(summary.backupFile, { readonly: true });
    expect(
      backup.prepare("SELECT email FROM users WHERE user_name = 'FrontDesk'").pluck().get(),
    ).toBe('frontdeskt@email.com');
    expect(backup.prepare('SELECT count(*) FROM users').pluck().get()).toBe(5);
    backup.close();

    // Every change is in the change log with source 'import'.
    const entries = audit.changeLog.entries('all');
    expect(entries.every((e) => e.source === 'import' && e.at === '2024-03-12T10:00:00.000Z')).toBe(
      true,
    );
    expect(entries.filter((e) => e.userName === 'JaneDoe')).toHaveLength(6);
    expect(
      entries
        .filter((e) => e.userName === 'frontdesk')
        .map((e) => [e.field, e.oldValue, e.newValue]),
    ).toEqual([
      ['userName', 'FrontDesk', 'frontdesk'],
      ['email', 'frontdeskt@email.com', 'fran.front@agency.gov'],
    ]);
  });

  it('keeps stored values for columns the file does not have', () => {
    const { importer } = setup();
    importer.apply(
      'User Name,First Name,Last Name,Email\nBrianJackson,Brian,Jackson,brian.jackson@agency.gov\n',
      ALL,
    );
    expect(user('BrianJackson')).toMatchObject({
      work_phone: '(602) 954-9557',
      status: 'Active',
      email: 'brian.jackson@agency.gov',
    });
  });

  it('follows the options: no adds, no updates, and deactivating users missing from the file', () => {
    const { importer, audit } = setup();
    const text = [
      'User Name,First Name,Last Name,Email,Status',
      'OfficeManager,Office,Manager,olivia.m@agency.gov,Active',
      'NewPerson,New,Person,new.person@agency.gov,Active',
      'BrianJackson,Brian,Jackson,bjackson@email.com,Active',
      'Broken,,Row,broken@agency.gov,Active',
    ].join('\n');
    const options = { addNew: false, updateExisting: false, missingUsers: 'deactivate' as const };
    expect(importer.preview(text, options).counts).toEqual({
      add: 0,
      update: 0,
      unchanged: 1,
      reject: 1,
      skip: 2,
      deactivate: 2,
    });
    const summary = importer.apply(text, options);
    expect(summary).toMatchObject({ added: 0, updated: 0, skipped: 2, deactivated: 2 });
    expect(user('NewPerson')).toBeUndefined();
    expect(user('OfficeManager')).toMatchObject({
      email: 'officemanager@email.com',
      status: 'Active',
    });
    // FrontDesk and AllisonBarry were not in the file; JeremyStephens was already inactive.
    expect(user('FrontDesk')).toMatchObject({ status: 'Inactive' });
    expect(user('AllisonBarry')).toMatchObject({ status: 'Inactive' });
    expect(audit.changeLog.entries('all').map((e) => [e.userName, e.field, e.newValue])).toEqual([
      ['FrontDesk', 'status', 'Inactive'],
      ['AllisonBarry', 'status', 'Inactive'],
    ]);
  });

  it('does not deactivate a user whose row was rejected', () => {
    const { importer } = setup();
    const text = 'User Name,First Name,Last Name,Email\nFrontDesk,,Desk,front@agency.gov\n';
    const summary = importer.apply(text, { ...ALL, missingUsers: 'deactivate' });
    expect(summary).toMatchObject({ rejected: 1, deactivated: 3 });
    expect(user('FrontDesk')).toMatchObject({ status: 'Active' });
  });

  it('reads rows shorter than the header: missing required values reject, missing others keep', () => {
    const { importer } = setup();
    const text = [
      'User Name,First Name,Last Name,Email,Work Phone,Status',
      'BrianJackson,Brian,Jackson,brian.jackson@agency.gov', // no Work Phone, no Status
      'JaneDoe,Jane', // no Last Name, no Email
      'AnnLee,Ann,Lee,ann.lee@agency.gov,(602) 555-0199', // no Status
    ].join('\r\n');
    const preview = importer.preview(text, ALL);
    expect(preview.errors.map((e) => [e.line, e.messages])).toEqual([
      [3, ['Last Name is missing.', 'Email is missing.']],
    ]);
    expect(preview.rows.map((r) => [r.userName, r.workPhone, r.status, r.outcome])).toEqual([
      ['BrianJackson', null, null, 'update'],
      ['JaneDoe', null, null, 'reject'],
      ['AnnLee', '(602) 555-0199', null, 'add'],
    ]);
    expect(importer.apply(text, ALL)).toMatchObject({ added: 1, updated: 1, rejected: 1 });
    // The values the short row did not give are kept, not emptied.
    expect(user('BrianJackson')).toMatchObject({
      email: 'brian.jackson@agency.gov',
      work_phone: '(602) 954-9557',
      status: 'Active',
    });
    expect(user('AnnLee')).toMatchObject({ work_phone: '(602) 555-0199', status: 'Active' });
    expect(user('JaneDoe')).toBeUndefined();
  });

  it('lists and ignores unknown columns, even two of the same name', () => {
    const { importer } = setup();
    const text =
      'User Name,Notes,First Name,Last Name,Email,Notes\n' +
      'JaneDoe,first note,Jane,Doe,jane.doe@agency.gov,second note\n';
    const preview = importer.preview(text, ALL);
    expect(preview.unknownColumns).toEqual(['Notes']);
    expect(preview.columns.map((c) => c.field)).toEqual([
      'userName',
      null,
      'firstName',
      'lastName',
      'email',
      null,
    ]);
    expect(importer.apply(text, ALL).added).toBe(1);
    expect(user('JaneDoe')).toMatchObject({ first_name: 'Jane', email: 'jane.doe@agency.gov' });
  });

  it('reads its own export back: neutralised values lose the added quote', () => {
    const { importer } = setup();
    importer.apply(
      "User Name,First Name,Last Name,Email,Work Phone\nBrianJackson,Brian,Jackson,bjackson@email.com,'+1 602 954 9557\n",
      ALL,
    );
    expect(user('BrianJackson')).toMatchObject({ work_phone: '+1 602 954 9557' });
  });
});
