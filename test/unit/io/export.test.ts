import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditServices } from '../../../src-main/audit/index.js';
import { Exporter } from '../../../src-main/io/export.js';
import { ReadinessService } from '../../../src-main/readiness/service.js';
import { profileOf } from '../../../src-main/roster/user-rows.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { GUIDE_ROSTER, tempDb, type TempDb } from './temp-db.js';

let t: TempDb;
afterEach(() => t.cleanup());

function setup() {
  t = tempDb('2024-03-11T12:00:00.000Z');
  const audit = createAuditServices({ db: t.db, clock: t.clock });
  const readiness = new ReadinessService(t.db, { clock: t.clock });
  const users = new UsersRepository(t.db, t.clock, audit.recorder);
  const exporter = new Exporter(t.db, {
    clock: t.clock,
    changeLog: audit.changeLog,
    readiness: {},
    readinessIds: (filter) => readiness.idsFor(filter),
    users,
  });
  return { audit, exporter, users };
}

function rowsOf(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text, { bom: true });
}

describe('formula injection', () => {
  it('neutralises dangerous cells in a real export', () => {
    const { exporter } = setup();
    t.addUsers([
      {
        userName: 'Evil',
        firstName: '=cmd|" /C calc"!A0',
        lastName: '@Last',
        workPhone: '+1 602',
        email: 'evil@agency.gov',
      },
    ]);
    const [, row] = rowsOf(
      exporter.roster({
        query: 'Evil',
        status: 'All',
        readiness: 'all',
        sort: { column: 'userName', direction: 'asc' },
      }).text,
    );
    expect(row).toEqual([
      'Evil',
      `'=cmd|" /C calc"!A0`,
      "'@Last",
      'evil@agency.gov',
      "'+1 602",
      'Active',
    ]);
  });
});

describe('exports', () => {
  it('exports the roster with the current search, filter and sort, all rows', () => {
    const { exporter } = setup();
    t.addUsers(GUIDE_ROSTER);
    t.addUsers(
      Array.from({ length: 120 }, (_, i) => ({
        userName: `Person${String(i).padStart(3, '0')}`,
        email: `p${i}@agency.gov`,
      })),
    );
    const all = exporter.roster({
      query: '',
      status: 'All',
      readiness: 'all',
      sort: { column: 'userName', direction: 'desc' },
    });
    expect(all.fileName).toBe('trax-roster-2024-03-11.csv');
    const rows = rowsOf(all.text);
    expect(rows[0]).toEqual([
      'User Name',
      'First Name',
      'Last Name',
      'Email',
      'Work Phone',
      'Status',
    ]);
    expect(rows).toHaveLength(126);
    expect(rows[1]?.[0]).toBe('Person119');
    const active = rowsOf(
      exporter.roster({
        query: 'email.com',
        status: 'Active',
        readiness: 'all',
        sort: { column: 'email', direction: 'asc' },
      }).text,
    );
    expect(active.slice(1).map((r) => r[3])).toEqual([
      'abarry@email.com',
      'bjackson@email.com',
      'frontdeskt@email.com',
      'officemanager@email.com',
    ]);
  });

  it('exports the roster with the readiness filter as Manage Users shows it', () => {
    const { exporter } = setup();
    t.addUsers([...GUIDE_ROSTER, { userName: 'ReadyRita', email: 'rita.ready@agency.gov' }]);
    const names = (readiness: 'ready' | 'not-ready' | 'role-based') =>
      rowsOf(
        exporter.roster({
          query: '',
          status: 'All',
          readiness,
          sort: { column: 'userName', direction: 'desc' },
        }).text,
      )
        .slice(1)
        .map((r) => r[0]);
    expect(names('role-based')).toEqual(['OfficeManager', 'FrontDesk']);
    expect(names('not-ready')).toEqual([
      'OfficeManager',
      'FrontDesk',
      'BrianJackson',
      'AllisonBarry',
    ]);
    // JeremyStephens is inactive: out of scope, in neither list.
    expect(names('ready')).toEqual(['ReadyRita']);
  });

  it('exports the readiness report with reasons, or only the users not ready', () => {
    const { exporter } = setup();
    t.addUsers([...GUIDE_ROSTER, { userName: 'ReadyRita', email: 'rita.ready@agency.gov' }]);
    const rows = rowsOf(exporter.readiness(false).text);
    expect(rows[0]).toEqual([
      'User Name',
      'First Name',
      'Last Name',
      'Email',
      'Status',
      'Readiness',
      'Reasons',
    ]);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('JeremyStephens')?.[5]).toBe('Out of scope (inactive)');
    expect(byName.get('ReadyRita')?.[5]).toBe('Ready');
    expect(byName.get('FrontDesk')?.[5]).toBe('Not ready');
    expect(byName.get('FrontDesk')?.[6]).toMatch(/placeholder domain.*\|.*generic address/);
    expect(
      rowsOf(exporter.readiness(true).text)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['AllisonBarry', 'BrianJackson', 'FrontDesk', 'OfficeManager']);
  });

  it('exports the changes since the last sync, or all of them, email changes first', () => {
    const { exporter, audit, users } = setup();
    const [id] = t.addUsers([
      {
        userName: 'FrontDesk',
        email: 'frontdeskt@email.com',
        firstName: 'Front',
        lastName: 'Desk',
      },
    ]);
    const profile = profileOf(users.get(id ?? 0));
    users.update(id ?? 0, { ...profile, email: 'fran.front@agency.gov' });
    audit.changeLog.markSynced();
    t.setNow('2024-03-11T13:00:00.000Z');
    users.update(id ?? 0, { ...profile, email: 'fran.front@agency.gov', firstName: 'Fran' });
    t.setNow('2024-03-11T14:00:00.000Z');
    users.update(id ?? 0, { ...profile, firstName: 'Fran', email: '-fran@agency.gov' });
    const since = exporter.changes('sinceSync');
    expect(since.fileName).toBe('trax-changes-since-last-sync-2024-03-11.csv');
    // The email change is newer but listed first, in its own group, as on the screen.
    expect(rowsOf(since.text)).toEqual([
      ['Group', 'When (UTC)', 'User Name', 'Field', 'Old Value', 'New Value', 'Source'],
      [
        'Email changes',
        '2024-03-11T14:00:00.000Z',
        'FrontDesk',
        'Email Address',
        'fran.front@agency.gov',
        "'-fran@agency.gov",
        'edit',
      ],
      [
        'Other changes',
        '2024-03-11T13:00:00.000Z',
        'FrontDesk',
        'First Name',
        'Front',
        'Fran',
        'edit',
      ],
    ]);
    const all = rowsOf(exporter.changes('all').text).slice(1);
    expect(all.map((r) => [r[0], r[3], r[5]])).toEqual([
      ['Email changes', 'Email Address', 'fran.front@agency.gov'],
      ['Email changes', 'Email Address', "'-fran@agency.gov"],
      ['Other changes', 'First Name', 'Fran'],
    ]);
  });

  it('exports exactly what Mark as synced then marks, however many changes come in between', () => {
    const { exporter, audit, users } = setup();
    const [id = 0] = t.addUsers([{ userName: 'FrontDesk', email: 'frontdeskt@email.com' }]);
    const profile = profileOf(users.get(id));
    users.update(id, { ...profile, email: 'fran.front@agency.gov' });
    // The administrator opens Changes since last sync ...
    const shown = audit.changeLog.sinceSync();
    expect(shown.total).toBe(1);
    // ... another change arrives (another window, an import) before Export and Mark as synced.
    users.update(id, { ...profile, email: 'fran.front@agency.gov', lastName: 'Front' });
    const exported = rowsOf(exporter.changes('sinceSync', shown.upToId).text).slice(1);
    expect(exported.map((r) => [r[3], r[5]])).toEqual([['Email Address', 'fran.front@agency.gov']]);
    audit.changeLog.markSynced(shown.upToId);
    // The later change was neither exported nor marked: it is still waiting for the next sync.
    const next = audit.changeLog.sinceSync();
    expect(next.otherChanges.map((e) => [e.fieldLabel, e.newValue])).toEqual([
      ['Last Name', 'Front'],
    ]);
    expect(rowsOf(exporter.changes('sinceSync', next.upToId).text).slice(1)).toHaveLength(1);
  });
});
