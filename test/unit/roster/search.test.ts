import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsersRepository, type RosterQuery } from '../../../src-main/roster/users-repository.js';
import {
  USER_COLUMNS,
  type StatusFilter,
  type UserColumn,
  type UserRow,
} from '../../../src-main/roster/schemas.js';
import { tempDatabase } from '../db/temp-db.js';
import { ROSTER } from './fixtures.js';

let t: ReturnType<typeof tempDatabase>;
let users: UsersRepository;
let all: UserRow[];

beforeAll(() => {
  t = tempDatabase();
  users = new UsersRepository(t.db, t.clock);
  all = ROSTER.map((p) => {
    const { id, userName, firstName, lastName, email, workPhone, status } = users.create(p);
    return { id, userName, firstName, lastName, email, workPhone, status };
  });
});
afterAll(() => t.cleanup());

function search(partial: Partial<RosterQuery>) {
  return users.search({
    query: '',
    status: 'All',
    sort: { column: 'userName', direction: 'asc' },
    page: 1,
    pageSize: 100,
    ...partial,
  });
}

/** What an administrator expects: the text anywhere in the four fields, ignoring case. */
function expected(query: string, status: StatusFilter = 'All'): string[] {
  const q = query.trim().toLowerCase();
  return all
    .filter((u) => status === 'All' || u.status === status)
    .filter((u) =>
      [u.userName, u.firstName, u.lastName, u.email].some((f) => f.toLowerCase().includes(q)),
    )
    .map((u) => u.userName)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
}

const names = (rows: UserRow[]) => rows.map((r) => r.userName);

describe('UsersRepository.search: text', () => {
  it.each([
    ['user name', 'ontDes', ['FrontDesk']],
    ['first name', 'eremy', ['JeremyStephens']],
    ['last name', 'stephans', ['JeremyStephens']],
    ['email', 'officemanager@', ['OfficeManager']],
    [
      'a domain, any case',
      'MARICOPA-cares.ORG',
      ['ann.smith-jones', 'intake', 'pgarcia', 'RGarcia'],
    ],
    [
      'the generic domain',
      'email.com',
      ['AllisonBarry', 'BrianJackson', 'FrontDesk', 'JeremyStephens', 'OfficeManager'],
    ],
  ])('finds a substring of the %s', (_what, query, userNames) => {
    expect(names(search({ query }).rows)).toEqual(userNames);
  });

  it.each(['a', 'J', 'x', 'Ga', 'ck', 'zZ', '@e', '.o'])(
    'finds users by a short text %j that a trigram index cannot answer',
    (query) => {
      const page = search({ query });
      expect(names(page.rows)).toEqual(expected(query));
      expect(page.total).toBe(expected(query).length);
    },
  );

  it.each([
    '"',
    '""',
    '"Annie"',
    'Ann "Annie',
    '*',
    'star*',
    '*man',
    '-',
    'h-J',
    '%',
    '_',
    'n_s',
    '100%',
    '%%%',
    '___',
    'OR',
    'or-not',
    'Brian OR Office',
    'Jackson AND Barry',
    'NOT Desk',
    'NEAR(a b)',
    'desk*',
    '^front',
    'user_name:desk',
    "O'Neil",
    '\\',
    '(',
    ')',
    '+ann',
    '{a}',
  ])('treats %j literally, as plain text', (query) => {
    const page = search({ query });
    expect(names(page.rows)).toEqual(expected(query));
    expect(page.total).toBe(expected(query).length);
  });

  it('ignores surrounding spaces and treats an empty box as everyone', () => {
    expect(names(search({ query: '  desk  ' }).rows)).toEqual(expected('desk'));
    expect(search({ query: '   ' }).total).toBe(ROSTER.length);
  });

  it('combines the text with the status filter', () => {
    for (const status of ['Active', 'Inactive', 'All'] as const) {
      for (const query of ['', 'garcia', 'ga', 'email.com']) {
        const page = search({ query, status });
        expect(names(page.rows), `${query} / ${status}`).toEqual(expected(query, status));
        expect(page.total).toBe(expected(query, status).length);
      }
    }
    expect(names(search({ status: 'Inactive' }).rows)).toEqual([
      'JeremyStephens',
      'pgarcia',
      'star*man',
    ]);
  });
});

describe('UsersRepository.search: sort', () => {
  const sorted = (column: UserColumn, direction: 'asc' | 'desc', rows: UserRow[]) =>
    [...rows].sort((a, b) => {
      const [x, y] =
        column === 'status'
          ? [a.status, b.status]
          : [a[column].toLowerCase(), b[column].toLowerCase()];
      const order = x < y ? -1 : x > y ? 1 : a.id - b.id;
      return direction === 'asc' ? order : -order;
    });

  for (const column of USER_COLUMNS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts on ${column} ${direction}, ignoring case, ties by id`, () => {
        const rows = search({ sort: { column, direction } }).rows;
        expect(rows.map((r) => r.id)).toEqual(sorted(column, direction, all).map((r) => r.id));
        const filtered = search({ query: 'a', status: 'Active', sort: { column, direction } }).rows;
        const reference = all.filter(
          (u) => u.status === 'Active' && expected('a').includes(u.userName),
        );
        expect(filtered.map((r) => r.id)).toEqual(
          sorted(column, direction, reference).map((r) => r.id),
        );
      });
    }
  }

  it('puts "garcia" and "Garcia" together when sorting by last name', () => {
    const lastNames = search({ sort: { column: 'lastName', direction: 'asc' } }).rows.map(
      (r) => r.lastName,
    );
    const i = lastNames.indexOf('garcia');
    expect([lastNames[i - 1], lastNames[i + 1]]).toContain('Garcia');
  });
});

describe('UsersRepository.search: paging', () => {
  it('pages with a total and page count', () => {
    const pages = [1, 2, 3].map((page) => search({ page, pageSize: 5 }));
    expect(pages.map((p) => p.rows.length)).toEqual([5, 5, 2]);
    expect(pages.map((p) => [p.page, p.pageCount, p.total, p.pageSize])).toEqual([
      [1, 3, 12, 5],
      [2, 3, 12, 5],
      [3, 3, 12, 5],
    ]);
    expect(pages.flatMap((p) => names(p.rows))).toEqual(names(search({}).rows));
  });

  it('clamps a page past the end to the last page', () => {
    const page = search({ page: 40, pageSize: 5 });
    expect([page.page, page.pageCount, page.rows.length]).toEqual([3, 3, 2]);
    const narrowed = search({ query: 'garcia', page: 3, pageSize: 5 });
    expect([narrowed.page, narrowed.pageCount, names(narrowed.rows)]).toEqual([
      1,
      1,
      ['pgarcia', 'RGarcia'],
    ]);
  });

  it('answers one empty page when nothing matches', () => {
    expect(search({ query: 'nobody-here', page: 2 })).toEqual({
      rows: [],
      total: 0,
      page: 1,
      pageCount: 1,
      pageSize: 100,
    });
  });
});

describe('UsersRepository.matchingIds', () => {
  it('answers every matching id across pages, by user name', () => {
    const ids = users.matchingIds({ query: 'a', status: 'Active' });
    const byName = new Map(all.map((u) => [u.userName, u.id]));
    expect(ids).toEqual(expected('a', 'Active').map((n) => byName.get(n)));
    expect(users.matchingIds({ query: '', status: 'All' })).toHaveLength(ROSTER.length);
  });
});

describe('UsersRepository.search: only some ids (the resolved readiness filter)', () => {
  const idOf = (userName: string) => all.find((u) => u.userName === userName)?.id ?? 0;
  const someIds = () =>
    ['FrontDesk', 'OfficeManager', 'JeremyStephens', 'RGarcia', 'pgarcia', 'intake'].map(idOf);

  it('keeps only those users, with any text, status, sort and page', () => {
    const some = someIds();
    expect(names(search({ onlyIds: some }).rows)).toEqual([
      'FrontDesk',
      'intake',
      'JeremyStephens',
      'OfficeManager',
      'pgarcia',
      'RGarcia',
    ]);
    // Trigram text, short text and the status filter combine with the ids.
    expect(names(search({ onlyIds: some, query: 'email.com' }).rows)).toEqual([
      'FrontDesk',
      'JeremyStephens',
      'OfficeManager',
    ]);
    expect(names(search({ onlyIds: some, query: 'ga' }).rows)).toEqual(['pgarcia', 'RGarcia']);
    expect(names(search({ onlyIds: some, status: 'Inactive' }).rows)).toEqual([
      'JeremyStephens',
      'pgarcia',
    ]);
    const pages = [1, 2].map((page) =>
      search({ onlyIds: some, page, pageSize: 5, sort: { column: 'email', direction: 'desc' } }),
    );
    expect(pages.map((p) => [p.total, p.pageCount, p.rows.length])).toEqual([
      [6, 2, 5],
      [6, 2, 1],
    ]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.email))).toEqual([
      'rgarcia@maricopa-cares.org',
      'Pablo.Garcia@Maricopa-Cares.org',
      'officemanager@email.com',
      'jstephans@email.com',
      'intake@maricopa-cares.org',
      'frontdeskt@email.com',
    ]);
  });

  it('matches nobody with an empty list, and everybody matching without one', () => {
    expect(search({ onlyIds: [] })).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
    expect(search({ onlyIds: null }).total).toBe(ROSTER.length);
  });

  it('selects all matching users with the ids too', () => {
    const onlyIds = someIds();
    expect(users.matchingIds({ query: 'email.com', status: 'Active', onlyIds })).toEqual([
      idOf('FrontDesk'),
      idOf('OfficeManager'),
    ]);
  });

  it('pages alike whether a few or many ids are allowed', () => {
    const big = tempDatabase();
    try {
      const repo = new UsersRepository(big.db, big.clock);
      const rows = [...ROSTER, ...fillers(200)].map((p) => repo.create(p));
      // Five ids make a narrow search (looked up by id), every other id a broad one (walked).
      for (const allowed of [rows.slice(0, 5), rows.filter((_, i) => i % 2 === 0)]) {
        for (const query of ['', 'fill', 'er']) {
          const ids = new Set(allowed.map((u) => u.id));
          const want = rows
            .filter((u) => ids.has(u.id))
            .filter((u) =>
              [u.userName, u.firstName, u.lastName, u.email].some((f) =>
                f.toLowerCase().includes(query),
              ),
            )
            .sort((a, b) => {
              const [x, y] = [a.userName.toLowerCase(), b.userName.toLowerCase()];
              return x < y ? -1 : x > y ? 1 : a.id - b.id;
            })
            .map((u) => u.id);
          const got: number[] = [];
          for (let page = 1; page <= Math.max(1, Math.ceil(want.length / 10)); page++) {
            const result = repo.search({
              query,
              status: 'All',
              onlyIds: [...ids],
              sort: { column: 'userName', direction: 'asc' },
              page,
              pageSize: 10,
            });
            expect(result.total, `${ids.size} ids / ${query}`).toBe(want.length);
            got.push(...result.rows.map((r) => r.id));
          }
          expect(got, `${ids.size} ids / ${query}`).toEqual(want);
        }
      }
    } finally {
      big.cleanup();
    }
  });
});

describe('UsersRepository.search: broad and narrow searches agree', () => {
  it('answers the same pages whether few or many users match', () => {
    // 200 more users make "stephans" a narrow search (looked up by id) and "fill" a broad one
    // (read along the sort index); both must page and sort like the reference.
    const big = tempDatabase();
    try {
      const repo = new UsersRepository(big.db, big.clock);
      const rows: UserRow[] = [...ROSTER, ...fillers(200)].map((p) => {
        const { id, userName, firstName, lastName, email, workPhone, status } = repo.create(p);
        return { id, userName, firstName, lastName, email, workPhone, status };
      });
      for (const query of ['stephans', 'fill', 'FILLER01', 'email.com', 'er1', 'agency']) {
        for (const status of ['All', 'Inactive'] as const) {
          const matching = rows
            .filter((u) => status === 'All' || u.status === status)
            .filter((u) =>
              [u.userName, u.firstName, u.lastName, u.email].some((f) =>
                f.toLowerCase().includes(query.toLowerCase()),
              ),
            )
            .sort((a, b) => {
              const [x, y] = [a.lastName.toLowerCase(), b.lastName.toLowerCase()];
              return x < y ? 1 : x > y ? -1 : b.id - a.id;
            });
          const expectedIds = matching.map((u) => u.id);
          const got: number[] = [];
          for (let page = 1; page <= Math.max(1, Math.ceil(matching.length / 10)); page++) {
            const result = repo.search({
              query,
              status,
              sort: { column: 'lastName', direction: 'desc' },
              page,
              pageSize: 10,
            });
            expect(result.total, `${query} / ${status}`).toBe(matching.length);
            got.push(...result.rows.map((r) => r.id));
          }
          expect(got, `${query} / ${status}`).toEqual(expectedIds);
        }
      }
    } finally {
      big.cleanup();
    }
  });
});

function fillers(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, '0');
    return {
      userName: `filler${n}`,
      firstName: 'Fill',
      lastName: `Er${n}`,
      email: `filler${n}@agency.gov`,
      workPhone: '',
      status: i % 3 === 0 ? ('Inactive' as const) : ('Active' as const),
    };
  });
}
