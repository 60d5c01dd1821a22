/**
 * View Details' live reasons: a draft judged against the rest of the real roster must be what
 * Save then brings, shared addresses and hints included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditServices } from '../../../src-main/audit/index.js';
import type { ReadinessDraft } from '../../../src-main/readiness/draft.js';
import type { TestEmailResult } from '../../../src-main/readiness/rules.js';
import { ReadinessService } from '../../../src-main/readiness/service.js';
import { profileOf } from '../../../src-main/roster/user-rows.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { GUIDE_ROSTER, tempDb, type TempDb } from '../io/temp-db.js';

let t: TempDb;
afterEach(() => t.cleanup());

const ROSTER = [
  ...GUIDE_ROSTER,
  { userName: 'JaneDoe', email: 'jane.doe@agency.gov' },
  { userName: 'JaneDoe2', email: 'JANE.DOE@agency.gov' },
  { userName: 'Tester', email: 'tester@nfocus.com' },
  { userName: 'Taylor', email: 'taylor@nexus.com' },
  { userName: 'OldTim', email: 'timber@nairobis.com', status: 'Inactive' as const },
  { userName: 'Quinn', email: 'quinn.q@agency.gov' },
];

function setup(testResults?: Map<number, TestEmailResult>) {
  t = tempDb();
  const ids = t.addUsers(ROSTER);
  const audit = createAuditServices({ db: t.db, clock: t.clock });
  const users = new UsersRepository(t.db, t.clock, audit.recorder);
  const service = new ReadinessService(t.db, {
    clock: t.clock,
    testResults: testResults && (() => testResults),
  });
  const idOf = (userName: string) => ids[ROSTER.findIndex((u) => u.userName === userName)] ?? 0;
  const draftOf = (id: number, change: Partial<ReadinessDraft>): ReadinessDraft => {
    const { email, userName, status } = users.get(id);
    return { email, userName, status, ...change };
  };
  const codes = (id: number, change: Partial<ReadinessDraft>) =>
    service.evaluateDraft(id, draftOf(id, change)).reasons.map((r) => r.code);
  return { ids, users, service, idOf, draftOf, codes };
}

describe('readiness of a draft', () => {
  it('answers the saved badge for every user when nothing was typed', () => {
    const { ids, service, draftOf } = setup();
    for (const id of ids) {
      expect(service.evaluateDraft(id, draftOf(id, {}))).toEqual(service.forUsers([id])[0]);
    }
  });

  it("clears FrontDesk's reasons as a personal address is typed", () => {
    const { idOf, service, draftOf, codes } = setup();
    const frontDesk = idOf('FrontDesk');
    expect(codes(frontDesk, {})).toEqual(['placeholder-domain', 'role-based']);
    expect(codes(frontDesk, { email: 'frontdesk@agency.gov' })).toEqual(['role-based']);
    expect(codes(frontDesk, { email: 'dana.front@maricopa-cares.org' })).toEqual([]);
    expect(codes(frontDesk, { email: '' })).toEqual(['missing-email']);
    expect(codes(frontDesk, { email: 'dana.front@' })).toEqual(['invalid-email']);
    // A user name change alone decides the generic check of a user-name-like address.
    expect(codes(frontDesk, { email: 'frontdeskt@agency.gov' })).toEqual(['role-based']);
    expect(codes(frontDesk, { email: 'frontdeskt@agency.gov', userName: 'DanaFront' })).toEqual([]);
    // Inactive: out of scope.
    expect(service.evaluateDraft(frontDesk, draftOf(frontDesk, { status: 'Inactive' }))).toEqual({
      id: frontDesk,
      inScope: false,
      ready: false,
      reasons: [],
    });
  });

  it('counts addresses shared with the rest of the roster, never the user twice', () => {
    const { idOf, service, draftOf, codes } = setup();
    const jane = idOf('JaneDoe');
    const quinn = idOf('Quinn');
    expect(
      service.evaluateDraft(quinn, draftOf(quinn, { email: 'Jane.Doe@agency.gov ' })),
    ).toMatchObject({
      reasons: [expect.objectContaining({ text: expect.stringContaining('2 other active users') })],
    });
    // JaneDoe keeping her own address (any case) still shares it with JaneDoe2 only.
    const own = service.evaluateDraft(jane, draftOf(jane, { email: 'jane.DOE@agency.gov' }));
    expect(own.reasons.map((r) => r.text)).toEqual([
      'The same address is on 1 other active user: account sharing is not permitted.',
    ]);
    expect(codes(jane, { email: 'jane.doe.personal@agency.gov' })).toEqual([]);
    // Inactive users' addresses are out of scope.
    expect(codes(quinn, { email: 'jstephans@agency.gov' })).toEqual([]);
  });

  it('compares sign-in hints with the other addresses, leaving the stored one out', () => {
    const { idOf, service, draftOf, codes } = setup();
    const tester = idOf('Tester');
    const quinn = idOf('Quinn');
    expect(codes(tester, {})).toEqual(['indistinguishable-hint']);
    expect(codes(tester, { email: 'quinn.tester@agency.gov' })).toEqual([]);
    // Same hint t*****r@n*****s.com as Taylor's only: Tester's stored address is left out.
    const moved = service.evaluateDraft(tester, draftOf(tester, { email: 'tomer@nobis.com' }));
    expect(moved.reasons.map((r) => r.text)).toEqual([
      'The sign-in hint t*****r@n*****s.com is the same for 1 other address: users cannot tell which address was used.',
    ]);
    // Quinn joining the group makes two other addresses; the inactive OldTim's is not one.
    expect(
      service.evaluateDraft(quinn, draftOf(quinn, { email: 'tomer@nobis.com' })).reasons[0]?.text,
    ).toContain('same for 2 other addresses');
  });

  it('predicts exactly what saving brings', () => {
    const { idOf, users, service, draftOf } = setup();
    const drafts: [string, Partial<ReadinessDraft>][] = [
      ['FrontDesk', { email: 'dana.front@maricopa-cares.org' }],
      ['Quinn', { email: 'jane.doe@agency.gov' }],
      ['JaneDoe2', { email: 'tomer@nobis.com' }],
      ['Tester', { email: 'trevor@nuevos.com', userName: 'TesterT' }],
      ['BrianJackson', { status: 'Inactive' }],
      ['JeremyStephens', { status: 'Active' }],
    ];
    for (const [userName, change] of drafts) {
      const id = idOf(userName);
      const predicted = service.evaluateDraft(id, draftOf(id, change));
      users.update(id, { ...profileOf(users.get(id)), ...change });
      expect(service.forUsers([id])[0], userName).toEqual(predicted);
    }
  });

  it('keeps the test-email rules, and refuses an unknown user', () => {
    const results = new Map<number, TestEmailResult>();
    const { idOf, service, codes } = setup(results);
    const quinn = idOf('Quinn');
    expect(codes(quinn, {})).toEqual(['test-email-not-sent']);
    results.set(quinn, { at: '2024-03-01T00:00:00Z', status: 'uncertain', detail: 'timed out' });
    // A real test email writes mail_deliveries; any write makes the service evaluate again.
    t.db.prepare("UPDATE users SET work_phone = '1' WHERE id = ?").run(quinn);
    expect(codes(quinn, { email: 'quinn@email.com' })).toEqual([
      'placeholder-domain',
      'test-email-uncertain',
    ]);
    expect(() =>
      service.evaluateDraft(9999, { email: 'a@agency.gov', userName: 'A', status: 'Active' }),
    ).toThrow(/no longer exists/);
  });
});
