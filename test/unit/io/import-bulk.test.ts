import { afterEach, describe, expect, it } from 'vitest';
import { createAuditServices } from '../../../src-main/audit/index.js';
import { PrefsRepository } from '../../../src-main/db/prefs-repository.js';
import { RosterImporter, type ImportRecorder } from '../../../src-main/io/import-roster.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { tempDb, type TempDb } from './temp-db.js';

let t: TempDb;
afterEach(() => t.cleanup());

const OPTIONS = { addNew: true, updateExisting: true, missingUsers: 'leave' as const };
const ROWS = 1500;

function bigFile(): string {
  const lines = ['User Name,First Name,Last Name,Email,Work Phone,Status'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `Person${i},Pat${i},Quincy${i},pat.quincy${i}@valley-family.org,(602) 555-0100,Active`,
    );
  }
  return lines.join('\r\n');
}

/**
 * FTS5's integrity check. users_search is an external-content table, so the index is compared
 * with the users table only when rank is 1; without it only the index's own structure is.
 */
function ftsIntegrityCheck(): void {
  t.db.exec("INSERT INTO users_search (users_search, rank) VALUES ('integrity-check', 1)");
}

function schema(): unknown[] {
  return t.db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all();
}

describe('a large import', () => {
  it('rebuilds the search index and keeps the schema exactly as it was', () => {
    t = tempDb();
    const audit = createAuditServices({ db: t.db, clock: t.clock });
    const prefs = new PrefsRepository(t.db);
    const importer = new RosterImporter(t.db, { clock: t.clock, recorder: audit.recorder, prefs });
    const before = schema();
    expect(importer.apply(bigFile(), OPTIONS).added).toBe(ROWS);
    expect(schema()).toEqual(before);
    expect(t.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(ftsIntegrityCheck).not.toThrow();

    // Manage Users finds the imported people by substring, and later edits stay searchable.
    const users = new UsersRepository(t.db, t.clock, audit.recorder);
    const page = users.search({
      query: 'quincy1499',
      status: 'All',
      sort: { column: 'userName', direction: 'asc' },
      page: 1,
      pageSize: 25,
    });
    expect(page.rows.map((r) => r.userName)).toEqual(['Person1499']);
    const id = page.rows[0]?.id ?? 0;
    users.update(id, {
      userName: 'Person1499',
      email: 'pq@agency.gov',
      firstName: 'Pat',
      lastName: 'Zebedee',
      workPhone: '',
      status: 'Active',
    });
    expect(
      users.search({
        query: 'zebedee',
        status: 'All',
        sort: { column: 'userName', direction: 'asc' },
        page: 1,
        pageSize: 25,
      }).total,
    ).toBe(1);

    // Every added user is in the change log, field by field, in order.
    const history = audit.changeLog.forUser(1).reverse();
    expect(history.map((e) => [e.field, e.newValue, e.source])).toEqual([
      ['userName', 'Person0', 'import'],
      ['email', 'pat.quincy0@valley-family.org', 'import'],
      ['firstName', 'Pat0', 'import'],
      ['lastName', 'Quincy0', 'import'],
      ['workPhone', '(602) 555-0100', 'import'],
      ['status', 'Active', 'import'],
    ]);
    expect(audit.changeLog.entries('all').length).toBe(ROWS * 6 + 4);

    // The check is a real one: a change the index did not follow makes it fail.
    t.db.exec('DROP TRIGGER users_search_after_update');
    t.db.prepare("UPDATE users SET last_name = 'Unindexed' WHERE id = ?").run(id);
    expect(ftsIntegrityCheck).toThrow(/malformed|corrupt/i);
  });

  it('rolls everything back, indexes included, when a step fails', () => {
    t = tempDb();
    const audit = createAuditServices({ db: t.db, clock: t.clock });
    const failing: ImportRecorder = {
      record: (changes) => audit.recorder.record(changes),
      recordAddedUsers: () => {
        throw new Error('disk full');
      },
    };
    const importer = new RosterImporter(t.db, {
      clock: t.clock,
      recorder: failing,
      prefs: new PrefsRepository(t.db),
    });
    const before = schema();
    expect(() => importer.apply(bigFile(), OPTIONS)).toThrow('disk full');
    expect(schema()).toEqual(before);
    expect(t.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });
});
