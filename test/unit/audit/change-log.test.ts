import { afterEach, describe, expect, it } from 'vitest';
import { createAuditServices } from '../../../src-main/audit/index.js';
import { PASSWORD_SET } from '../../../src-main/audit/audit-recorder.js';
import { AccountsRepository } from '../../../src-main/auth/accounts.js';
import { storePassword } from '../../../src-main/auth/password-log.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { tempDb, type TempDb } from '../io/temp-db.js';

let t: TempDb;
afterEach(() => t.cleanup());

function setup() {
  t = tempDb('2024-03-11T12:00:00.000Z');
  const audit = createAuditServices({ db: t.db, clock: t.clock });
  const users = new UsersRepository(t.db, t.clock, audit.recorder);
  return { audit, users };
}

const profile = {
  userName: 'FrontDesk',
  email: 'frontdeskt@email.com',
  firstName: 'Front',
  lastName: 'Desk',
  workPhone: '(602) 954-9557',
  status: 'Active' as const,
};

describe('change log entries', () => {
  it('records an added user field by field, with time, user name and source', () => {
    const { audit, users } = setup();
    const created = users.create(profile);
    const history = audit.changeLog.forUser(created.id);
    expect(history).toHaveLength(6);
    expect(history.find((e) => e.field === 'email')).toMatchObject({
      at: '2024-03-11T12:00:00.000Z',
      userName: 'FrontDesk',
      oldValue: null,
      newValue: 'frontdeskt@email.com',
      source: 'edit',
    });
  });

  it('records an edit with old and new value, and the user name at the time', () => {
    const { audit, users } = setup();
    const { id } = users.create(profile);
    t.setNow('2024-03-12T09:30:00.000Z');
    users.update(id, { ...profile, userName: 'JaneFront', email: 'jane.front@agency.gov' });
    const [email, userName] = audit.changeLog
      .forUser(id)
      .filter((e) => e.at.startsWith('2024-03-12'));
    expect([email?.field, userName?.field].sort()).toEqual(['email', 'userName']);
    const emailEntry = [email, userName].find((e) => e?.field === 'email');
    expect(emailEntry).toMatchObject({
      oldValue: 'frontdeskt@email.com',
      newValue: 'jane.front@agency.gov',
      userName: 'JaneFront',
      source: 'edit',
    });
  });

  it('records a status change (bulk) and a password set without the password', () => {
    const { audit, users } = setup();
    const { id } = users.create(profile);
    users.setStatus([id], 'Inactive');
    const accounts = new AccountsRepository(t.db);
    expect(
      storePassword({ db: t.db, accounts, recorder: audit.recorder }, id, 'scrypt$x', 'admin'),
    ).toBe(true);
    const [password, status] = audit.changeLog.forUser(id);
    expect(status).toMatchObject({
      field: 'status',
      oldValue: 'Active',
      newValue: 'Inactive',
      source: 'bulk',
    });
    expect(password).toMatchObject({
      field: 'password',
      oldValue: null,
      newValue: PASSWORD_SET,
      source: 'password',
    });
  });

  it('records tab edits and refuses duplicates whatever their case', () => {
    const { audit, users } = setup();
    const { id } = users.create(profile);
    expect(audit.tabs.add(id, 'organizations', '  Phoenix Youth Center ')).toEqual([
      'Phoenix Youth Center',
    ]);
    expect(audit.tabs.add(id, 'organizations', 'Adult Services')).toEqual([
      'Adult Services',
      'Phoenix Youth Center',
    ]);
    expect(() => audit.tabs.add(id, 'organizations', 'phoenix youth center')).toThrow(
      /already in Organizations/,
    );
    expect(audit.tabs.add(id, 'permissions', 'Manage Users')).toEqual(['Manage Users']);
    expect(audit.tabs.add(id, 'participantAssignments', 'Case 42')).toEqual(['Case 42']);
    expect(audit.tabs.remove(id, 'organizations', 'ADULT SERVICES')).toEqual([
      'Phoenix Youth Center',
    ]);
    expect(() => audit.tabs.remove(id, 'organizations', 'Nowhere')).toThrow(/not in Organizations/);
    expect(() => audit.tabs.list(999, 'permissions')).toThrow(/no longer exists/);
    const tabEntries = audit.changeLog.forUser(id).filter((e) => e.source === 'tab');
    expect(tabEntries.map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['organizations', 'Adult Services', null],
      ['participantAssignments', null, 'Case 42'],
      ['permissions', null, 'Manage Users'],
      ['organizations', null, 'Adult Services'],
      ['organizations', null, 'Phoenix Youth Center'],
    ]);
  });

  it("deletes a user's tab entries with the user but keeps the history", () => {
    const { audit, users } = setup();
    const { id } = users.create(profile);
    audit.tabs.add(id, 'permissions', 'Reports');
    t.db.prepare('DELETE FROM users WHERE id = ?').run(id);
    expect(t.db.prepare('SELECT count(*) FROM user_permissions').pluck().get()).toBe(0);
    expect(audit.changeLog.forUser(id).length).toBe(7);
  });
});

describe('changes since last sync', () => {
  it('lists changes after the mark, email changes apart, and marks only what was seen', () => {
    const { audit, users } = setup();
    const { id } = users.create(profile);
    let since = audit.changeLog.sinceSync();
    expect(since).toMatchObject({ marker: null, total: 6, emailTotal: 1, otherTotal: 5 });
    expect(since.emailChanges[0]?.newValue).toBe('frontdeskt@email.com');

    t.setNow('2024-03-12T08:00:00.000Z');
    const marker = audit.changeLog.markSynced(since.upToId);
    expect(marker).toEqual({ id: since.upToId, at: '2024-03-12T08:00:00.000Z' });
    expect(audit.changeLog.sinceSync().total).toBe(0);

    users.update(id, { ...profile, email: 'front.desk.clerk@agency.gov' });
    since = audit.changeLog.sinceSync();
    expect(since.total).toBe(1);
    const seen = since.upToId;
    users.update(id, { ...profile, email: 'front.desk.clerk@agency.gov', firstName: 'Fran' });
    audit.changeLog.markSynced(seen);
    since = audit.changeLog.sinceSync();
    expect(since.otherChanges.map((e) => e.newValue)).toEqual(['Fran']);
    // A mark never moves backwards.
    expect(audit.changeLog.markSynced(1).id).toBe(seen);
    expect(audit.changeLog.entries('all')).toHaveLength(8);
    expect(audit.changeLog.entries('sinceSync')).toHaveLength(1);
  });

  it('rolls the change back when recording fails', () => {
    const { users } = setup();
    const { id } = users.create(profile);
    t.db.exec('DROP TABLE audit_log');
    expect(() => users.update(id, { ...profile, email: 'other.person@agency.gov' })).toThrow();
    expect(users.get(id).email).toBe('frontdeskt@email.com');
  });
});
