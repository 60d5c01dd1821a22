import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection.js';
import { evaluateReadiness } from '../../../src-main/readiness/evaluate.js';
import type { TestEmailResult } from '../../../src-main/readiness/rules.js';
import { daysUntil, ReadinessService } from '../../../src-main/readiness/service.js';
import { GUIDE_ROSTER, tempDb, type TempDb } from '../io/temp-db.js';

let t: TempDb;
afterEach(() => t.cleanup());

function codesOf(report: ReturnType<typeof evaluateReadiness>, id: number | undefined) {
  return report.byUser.get(id ?? -1)?.reasons.map((r) => r.code);
}

describe('evaluateReadiness on the guide roster', () => {
  it('flags FrontDesk and OfficeManager as generic, and leaves JeremyStephens out of scope', () => {
    t = tempDb();
    const [frontDesk, officeManager, jeremy, brian] = t.addUsers(GUIDE_ROSTER);
    const report = evaluateReadiness(t.db);
    expect(codesOf(report, frontDesk)).toEqual(['placeholder-domain', 'role-based']);
    expect(codesOf(report, officeManager)).toEqual(['placeholder-domain', 'role-based']);
    expect(codesOf(report, brian)).toEqual(['placeholder-domain']);
    expect(report.byUser.get(jeremy ?? -1)).toMatchObject({ inScope: false, reasons: [] });
    expect(report).toMatchObject({ active: 4, inactive: 1, ready: 0, notReady: 4 });
    expect(report.reasonCounts['role-based']).toBe(2);
    expect(report.reasonCounts['placeholder-domain']).toBe(4);
    // First by user name, case-insensitively: AllisonBarry.
    expect(report.nextToFix?.userName).toBe('AllisonBarry');
  });
});

describe('evaluateReadiness across users', () => {
  it('finds shared addresses among active users only, whatever the case', () => {
    t = tempDb();
    const [a, b, c, d] = t.addUsers([
      { userName: 'JaneDoe', email: 'jane@agency.gov' },
      { userName: 'JaneDoe2', email: 'JANE@agency.gov' },
      { userName: 'OldJane', email: 'jane@agency.gov', status: 'Inactive' },
      { userName: 'Bob', email: 'bob.smith@agency.gov' },
    ]);
    const report = evaluateReadiness(t.db);
    expect(codesOf(report, a)).toEqual(['shared-address']);
    expect(report.byUser.get(a ?? -1)?.reasons[0]?.text).toContain('1 other active user');
    expect(codesOf(report, b)).toEqual(['shared-address']);
    expect(codesOf(report, c)).toEqual([]);
    expect(codesOf(report, d)).toEqual([]);
    expect(report.ready).toBe(1);
  });

  it('finds different addresses whose masked hints are identical', () => {
    t = tempDb();
    const [tester, taylor, other] = t.addUsers([
      { userName: 'Tester', email: 'tester@nfocus.com' },
      { userName: 'Taylor', email: 'taylor@nexus.com' },
      { userName: 'Quinn', email: 'quinn@agency.gov' },
    ]);
    const report = evaluateReadiness(t.db);
    expect(codesOf(report, tester)).toEqual(['indistinguishable-hint']);
    expect(report.byUser.get(tester ?? -1)?.reasons[0]?.text).toContain('t*****r@n*****s.com');
    expect(codesOf(report, taylor)).toEqual(['indistinguishable-hint']);
    expect(codesOf(report, other)).toEqual([]);
  });

  it('ignores inactive users when comparing hints', () => {
    t = tempDb();
    const [tester, taylor] = t.addUsers([
      { userName: 'Tester', email: 'tester@nfocus.com' },
      // Same hint t*****r@n*****s.com, but inactive: out of scope, so no clash.
      { userName: 'Taylor', email: 'taylor@nexus.com', status: 'Inactive' },
    ]);
    const report = evaluateReadiness(t.db);
    expect(codesOf(report, tester)).toEqual([]);
    expect(report.byUser.get(taylor ?? -1)).toMatchObject({ inScope: false, reasons: [] });
    expect(report.reasonCounts['indistinguishable-hint']).toBe(0);
    expect(report.ready).toBe(1);
  });

  it('reports a missing or invalid address alone among the address rules', () => {
    t = tempDb();
    const [none, bad] = t.addUsers([
      { userName: 'NoMail', email: '' },
      { userName: 'BadMail', email: 'info@agency' },
    ]);
    const report = evaluateReadiness(t.db);
    expect(codesOf(report, none)).toEqual(['missing-email']);
    expect(codesOf(report, bad)).toEqual(['invalid-email']);
  });

  it('applies the test-email rules to every active user, whatever their address', () => {
    t = tempDb();
    const at = '2024-03-01T00:00:00Z';
    const [sent, failed, never, uncertain, desk, none, oldDesk] = t.addUsers([
      { userName: 'Sent', email: 'sent.user@agency.gov' },
      { userName: 'Failed', email: 'failed.user@agency.gov' },
      { userName: 'Never', email: 'never.user@agency.gov' },
      { userName: 'Unsure', email: 'unsure.user@agency.gov' },
      { userName: 'FrontDesk', email: 'frontdesk@agency.gov' },
      { userName: 'NoMail', email: '' },
      { userName: 'OldDesk', email: 'olddesk@email.com', status: 'Inactive' },
    ]);
    const results = new Map<number, TestEmailResult>([
      [sent ?? -1, { at, status: 'sent', detail: '250 OK' }],
      [failed ?? -1, { at, status: 'failed', detail: '550 mailbox unavailable' }],
      [uncertain ?? -1, { at, status: 'uncertain', detail: 'the connection was lost' }],
      [desk ?? -1, { at, status: 'failed', detail: '550 no such user' }],
    ]);
    const withMail = evaluateReadiness(t.db, { testResults: () => results });
    expect(codesOf(withMail, sent)).toEqual([]);
    expect(codesOf(withMail, failed)).toEqual(['test-email-failed']);
    expect(withMail.byUser.get(failed ?? -1)?.reasons[0]?.text).toBe(
      'The last test email failed: 550 mailbox unavailable',
    );
    expect(codesOf(withMail, never)).toEqual(['test-email-not-sent']);
    expect(codesOf(withMail, uncertain)).toEqual(['test-email-uncertain']);
    expect(withMail.byUser.get(uncertain ?? -1)?.reasons[0]?.text).toBe(
      'The last test email may not have arrived: the connection was lost',
    );
    // An address problem does not hide the test email's outcome: both count on the dashboard.
    expect(codesOf(withMail, desk)).toEqual(['role-based', 'test-email-failed']);
    expect(codesOf(withMail, none)).toEqual(['missing-email', 'test-email-not-sent']);
    expect(codesOf(withMail, oldDesk)).toEqual([]);
    expect(withMail.reasonCounts).toMatchObject({
      'test-email-not-sent': 2,
      'test-email-failed': 2,
      'test-email-uncertain': 1,
      'role-based': 1,
      'missing-email': 1,
    });
    expect(withMail).toMatchObject({ active: 6, ready: 1, notReady: 5 });
    const withoutMail = evaluateReadiness(t.db);
    expect(withoutMail.ready).toBe(4);
    expect(withoutMail.reasonCounts['test-email-not-sent']).toBe(0);
  });

  it('answers an empty roster', () => {
    t = tempDb();
    expect(evaluateReadiness(t.db)).toMatchObject({
      active: 0,
      ready: 0,
      notReady: 0,
      nextToFix: null,
    });
  });
});

describe('ReadinessService', () => {
  it('summarises with go-live date, days left, counts per reason and the next user to fix', () => {
    t = tempDb('2024-03-11T12:00:00.000Z');
    t.addUsers(GUIDE_ROSTER);
    const service = new ReadinessService(t.db, { clock: t.clock, goLiveDate: () => '2024-04-23' });
    const summary = service.summary();
    // The guide's banner: "Beginning 43 days from now (4/23/2024)".
    expect(summary).toMatchObject({
      goLiveDate: '2024-04-23',
      daysLeft: 43,
      ready: 0,
      notReady: 4,
      inactive: 1,
    });
    expect(summary.testEmailChecked).toBe(false);
    expect(summary.reasons.map((r) => r.code)).not.toContain('test-email-not-sent');
    expect(summary.reasons.find((r) => r.code === 'role-based')).toMatchObject({
      label: 'Generic (role) address',
      count: 2,
    });
    expect(summary.nextToFix?.userName).toBe('AllisonBarry');
  });

  it('answers badges per user and the ids behind each readiness filter', () => {
    t = tempDb();
    const [frontDesk, officeManager, jeremy, brian, allison] = t.addUsers(GUIDE_ROSTER);
    const [rita] = t.addUsers([{ userName: 'ReadyRita', email: 'rita.ready@agency.gov' }]);
    const service = new ReadinessService(t.db, { clock: t.clock });
    const badges = service.forUsers([jeremy ?? 0, frontDesk ?? 0, 9999]);
    expect(badges).toEqual([
      { id: jeremy, inScope: false, ready: false, reasons: [] },
      expect.objectContaining({ id: frontDesk, inScope: true, ready: false }),
    ]);
    const sorted = (ids: readonly number[] | null) => [...(ids ?? [])].sort((a, b) => a - b);
    expect(service.idsFor('all')).toBeNull();
    expect(sorted(service.idsFor('role-based'))).toEqual([frontDesk, officeManager]);
    expect(sorted(service.idsFor('not-ready'))).toEqual([frontDesk, officeManager, brian, allison]);
    expect(sorted(service.idsFor('ready'))).toEqual([rita]);
    expect(service.idsFor('missing-email')).toEqual([]);
    // Fixing an address makes its reasons disappear at once.
    t.db
      .prepare("UPDATE users SET email = 'front.desk.clerk@agency.gov' WHERE id = ?")
      .run(frontDesk);
    expect(sorted(service.idsFor('role-based'))).toEqual([officeManager]);
    expect(sorted(service.idsFor('ready'))).toEqual([frontDesk, rita]);
    expect(service.forUsers([frontDesk ?? 0])[0]).toMatchObject({ ready: true, reasons: [] });
  });

  it('evaluates again after a change made by another connection (as a restore makes)', () => {
    t = tempDb();
    const [frontDesk] = t.addUsers(GUIDE_ROSTER);
    const service = new ReadinessService(t.db, { clock: t.clock });
    const before = service.snapshot();
    expect(service.snapshot()).toBe(before);
    const other = openDatabase(t.file, { clock: t.clock });
    try {
      other
        .prepare("UPDATE users SET email = 'front.desk.clerk@agency.gov' WHERE id = ?")
        .run(frontDesk);
    } finally {
      other.close();
    }
    expect(service.snapshot()).not.toBe(before);
    expect(service.snapshot().badge(frontDesk ?? 0)).toMatchObject({ ready: true });
  });

  it('counts calendar days to the go-live date', () => {
    expect(daysUntil('2024-04-23', new Date(2024, 3, 23, 23, 59))).toBe(0);
    expect(daysUntil('2024-04-23', new Date(2024, 3, 24, 0, 1))).toBe(-1);
    expect(daysUntil('2024-04-23', new Date(2024, 3, 22, 0, 1))).toBe(1);
  });
});
