/**
 * Manage Users search over an in-memory index of the roster: substring match over user name,
 * first name, last name and email (case-insensitive, Unicode-aware), the status filter, the
 * resolved readiness filter, a sort on any column, a page and the total count.
 *
 * Why not FTS5: counting a broad substring match through the trigram index took tens of
 * milliseconds on a 100,000-user roster, and every page needs its count ("Page X of Y"). In
 * memory the same answer takes well under a millisecond or two (`npm run bench -- search`).
 *
 * The index never drifts from the table: triggers log every change to the columns it holds
 * (migration 0005), and each search first reads the log from where it stopped (search-log.ts),
 * in the same read transaction as the rows it re-reads, or rebuilds when the log says it must.
 */
import type { Database } from '../db/connection.js';
import type { StatusFilter, UserColumn } from './schemas.js';
import { fold, GramIndex, searchText, type Candidates } from './search-grams.js';
import { SearchLogReader } from './search-log.js';
import { ColumnOrder } from './search-order.js';

/** What a search matches on; the readiness filter arrives resolved as the ids it lets through. */
export interface IndexFilter {
  query: string;
  status: StatusFilter;
  /** Only these users; null or absent: no readiness restriction. */
  onlyIds?: readonly number[] | null | undefined;
}

/** A sort on one column. */
export interface IndexSort {
  column: UserColumn;
  direction: 'asc' | 'desc';
}

/** One page of ids, with the total and the page actually shown (clamped to the last). */
export interface IndexPage {
  ids: number[];
  total: number;
  page: number;
  pageCount: number;
}

interface IndexedRow {
  id: number;
  user_name: string;
  first_name: string;
  last_name: string;
  email: string;
  work_phone: string;
  status: 'Active' | 'Inactive';
}

const COLUMNS: Record<UserColumn, keyof IndexedRow> = {
  userName: 'user_name',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  workPhone: 'work_phone',
  status: 'status',
};
const SORT_COLUMNS = Object.keys(COLUMNS) as UserColumn[];

/** Status codes held per id; 0 means no such user. */
const ABSENT = 0;
const STATUS_CODE = { Active: 1, Inactive: 2 } as const;

/** Up to this many matches are sorted by position; more are found by walking the order. */
const SORT_MATCHES_UP_TO = 4096;

/** All of the index's data, replaced whole by a rebuild. */
interface IndexState {
  texts: string[];
  status: Uint8Array;
  counts: { Active: number; Inactive: number };
  grams: GramIndex;
  orders: Record<UserColumn, ColumnOrder>;
  /** Folded user name → id (user names are unique regardless of case), and back by id. */
  userNames: Map<string, number>;
  foldedNames: string[];
  maxId: number;
}

/** A match: every user (of a status), or the ids found, marked in `stamp` with `mark`. */
type Match =
  | { kind: 'all'; total: number; status: number }
  | { kind: 'some'; total: number; hits: Int32Array; mark: number };

export class RosterSearchIndex {
  private state: IndexState | null = null;
  private stamp = new Int32Array(0);
  private allowed = new Int32Array(0);
  private mark = 0;
  private statements: Statements | null = null;

  private readonly log: SearchLogReader;

  constructor(private readonly db: Database) {
    this.log = new SearchLogReader(db);
  }

  /** Forget everything; the next search rebuilds (after a restore replaced the data). */
  invalidate(): void {
    this.state = null;
  }

  /** One page of the matching users' ids in the chosen order. */
  search(filter: IndexFilter, sort: IndexSort, page: number, pageSize: number): IndexPage {
    const state = this.sync();
    const match = this.match(state, filter);
    const pageCount = Math.max(1, Math.ceil(match.total / pageSize));
    const shown = Math.min(Math.max(1, page), pageCount);
    const ids = this.slice(state, match, sort, (shown - 1) * pageSize, pageSize);
    return { ids, total: match.total, page: shown, pageCount };
  }

  /** Every matching user's id, in the chosen order. */
  allIds(filter: IndexFilter, sort: IndexSort): number[] {
    const state = this.sync();
    const match = this.match(state, filter);
    return this.slice(state, match, sort, 0, match.total);
  }

  /** The id of the user with this user name, ignoring case (Unicode-aware), if any. */
  userNameOwner(userName: string): number | undefined {
    return this.sync().userNames.get(fold(userName));
  }

  /**
   * Brings the index up to date with the table. Nothing changed (the usual case) costs one
   * indexed read of the log's newest row; catching up reads in one transaction, so the log and
   * the rows it names come from the same snapshot.
   */
  private sync(): IndexState {
    if (this.state && this.log.isCurrent()) return this.state;
    const state = this.sql().catchUp();
    this.log.prune();
    return state;
  }

  private catchUp(): IndexState {
    const news = this.log.read(this.state !== null);
    if (!this.state || news.kind === 'rebuild') return this.rebuild();
    if (news.kind === 'replay') {
      for (const id of news.ids) this.replace(this.state, id, this.sql().user.get(id));
    }
    return this.state;
  }

  /** The statements, prepared once (preparing costs more than running them). */
  private sql() {
    this.statements ??= prepareStatements(this.db, () => this.catchUp());
    return this.statements;
  }

  private rebuild(): IndexState {
    const rows = this.sql().all.all();
    const maxId = rows.at(-1)?.id ?? 0;
    const ids = rows.map((r) => r.id);
    // Dense arrays (every slot filled): V8 reads them faster than arrays with holes.
    const texts: string[] = new Array<string>(maxId + 1).fill('');
    const status = new Uint8Array(maxId + 1);
    const counts = { Active: 0, Inactive: 0 };
    const userNames = new Map<string, number>();
    const foldedNames: string[] = new Array<string>(maxId + 1).fill('');
    for (const row of rows) {
      texts[row.id] = textOf(row);
      status[row.id] = STATUS_CODE[row.status];
      counts[row.status]++;
      foldedNames[row.id] = fold(row.user_name);
      userNames.set(foldedNames[row.id] as string, row.id);
    }
    const orders = {} as Record<UserColumn, ColumnOrder>;
    for (const column of SORT_COLUMNS) {
      const keys: string[] = new Array<string>(maxId + 1).fill('');
      for (const row of rows) keys[row.id] = fold(row[COLUMNS[column]] as string);
      orders[column] = ColumnOrder.build(ids, keys, maxId);
    }
    const grams = GramIndex.build(
      ids,
      ids.map((id) => texts[id] as string),
    );
    this.state = { texts, status, counts, grams, orders, userNames, foldedNames, maxId };
    return this.state;
  }

  /** Replaces what the index holds for user `id` with `row` (undefined: the user is gone). */
  private replace(state: IndexState, id: number, row: IndexedRow | undefined): void {
    const before = state.status[id] ?? ABSENT;
    if (before !== ABSENT) {
      state.grams.remove(id, state.texts[id] as string);
      for (const column of SORT_COLUMNS) state.orders[column].remove(id);
      state.counts[before === STATUS_CODE.Active ? 'Active' : 'Inactive']--;
      const name = state.foldedNames[id] as string;
      if (state.userNames.get(name) === id) state.userNames.delete(name);
      state.status[id] = ABSENT;
    }
    if (!row) return;
    if (id >= state.status.length) {
      const grown = new Uint8Array(Math.max(id + 1, state.status.length * 2));
      grown.set(state.status);
      state.status = grown;
    }
    state.maxId = Math.max(state.maxId, id);
    const text = textOf(row);
    state.texts[id] = text;
    state.status[id] = STATUS_CODE[row.status];
    state.counts[row.status]++;
    state.foldedNames[id] = fold(row.user_name);
    state.userNames.set(state.foldedNames[id] as string, id);
    state.grams.add(id, text);
    for (const column of SORT_COLUMNS) {
      state.orders[column].insert(id, fold(row[COLUMNS[column]] as string));
    }
  }

  /** Finds the matching users: counted, and marked so an order walk can pick them out. */
  private match(state: IndexState, filter: IndexFilter): Match {
    const wanted = filter.status === 'All' ? ABSENT : STATUS_CODE[filter.status];
    const needle = fold(filter.query.trim());
    if (needle === '' && !filter.onlyIds) {
      const total =
        filter.status === 'All'
          ? state.counts.Active + state.counts.Inactive
          : state.counts[filter.status];
      return { kind: 'all', total, status: wanted };
    }
    const size = state.maxId + 1;
    if (this.stamp.length < size) {
      this.stamp = new Int32Array(size * 2);
      this.allowed = new Int32Array(size * 2);
    }
    const mark = ++this.mark;
    if (filter.onlyIds) {
      for (const id of filter.onlyIds) if (id >= 0 && id < size) this.allowed[id] = mark;
    }
    const source: Candidates =
      needle === ''
        ? {
            ids: Int32Array.from(filter.onlyIds ?? []),
            length: filter.onlyIds?.length ?? 0,
            exact: true,
          }
        : state.grams.candidates(needle);
    const verify = !source.exact;
    // The hot loop of a broad search: everything it reads is in a local.
    const { ids, length } = source;
    const { stamp, allowed } = this;
    const { status, texts } = state;
    const restricted = filter.onlyIds != null;
    const hits = new Int32Array(length);
    let total = 0;
    for (let i = 0; i < length; i++) {
      const id = ids[i] as number;
      if (id < 0 || id >= size || stamp[id] === mark) continue;
      const code = status[id] as number;
      if (code === ABSENT || (wanted !== ABSENT && code !== wanted)) continue;
      if (restricted && allowed[id] !== mark) continue;
      if (verify && !(texts[id] as string).includes(needle)) continue;
      stamp[id] = mark;
      hits[total++] = id;
    }
    return { kind: 'some', total, hits: hits.subarray(0, total), mark };
  }

  /** `limit` ids of the match from `offset` on, in the sort's order. */
  private slice(
    state: IndexState,
    match: Match,
    sort: IndexSort,
    offset: number,
    limit: number,
  ): number[] {
    const order = state.orders[sort.column];
    const desc = sort.direction === 'desc';
    const end = Math.min(offset + limit, match.total);
    if (offset >= end) return [];
    if (match.kind === 'all' && match.status === ABSENT) {
      const ids: number[] = [];
      for (let k = offset; k < end; k++) ids.push(order.at(desc ? order.length - 1 - k : k));
      return ids;
    }
    if (match.kind === 'some' && match.total <= SORT_MATCHES_UP_TO) {
      const sorted = match.hits.slice().sort((a, b) => order.positionOf(a) - order.positionOf(b));
      if (desc) sorted.reverse();
      return Array.from(sorted.subarray(offset, end));
    }
    const ids: number[] = [];
    let seen = 0;
    for (let k = 0; k < order.length && seen < end; k++) {
      const id = order.at(desc ? order.length - 1 - k : k);
      const included =
        match.kind === 'all'
          ? match.status === ABSENT || state.status[id] === match.status
          : this.stamp[id] === match.mark;
      if (!included) continue;
      if (seen >= offset) ids.push(id);
      seen++;
    }
    return ids;
  }
}

type Statements = ReturnType<typeof prepareStatements>;

const USER_COLUMNS_SQL = 'id, user_name, first_name, last_name, email, work_phone, status';

function prepareStatements(db: Database, catchUp: () => IndexState) {
  return {
    user: db.prepare<[number], IndexedRow>(`SELECT ${USER_COLUMNS_SQL} FROM users WHERE id = ?`),
    all: db.prepare<[], IndexedRow>(`SELECT ${USER_COLUMNS_SQL} FROM users ORDER BY id`),
    catchUp: db.transaction(catchUp),
  };
}

function textOf(row: IndexedRow): string {
  return searchText([row.user_name, row.first_name, row.last_name, row.email]);
}
