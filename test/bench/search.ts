/**
 * Search benchmark: a 100,000-user roster, a mix of realistic Manage Users searches (page of 25
 * with the total), timing our UsersRepository.search against a plain LIKE '%q%' scan that answers
 * the same page and count. Goal: p95 ≤ 2 ms and ≥ 50× faster than the scan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../../src-main/db/connection.js';
import type { UserSearch } from '../../src-main/roster/schemas.js';
import { ROW_COLUMNS } from '../../src-main/roster/user-rows.js';
import { UsersRepository } from '../../src-main/roster/users-repository.js';
import { fillRoster } from './roster-generator.js';

const USERS = 100_000;
const ROUNDS = 15;
const GOAL_P95_MS = 2;
const GOAL_RATIO = 50;

type Case = Pick<UserSearch, 'query' | 'status' | 'sort'>;
const by = (column: UserSearch['sort']['column'], direction: 'asc' | 'desc' = 'asc') => ({
  column,
  direction,
});

/** What administrators type: names, parts of names, domains, role addresses, short prefixes. */
const CASES: Case[] = [
  { query: 'smith', status: 'All', sort: by('userName') },
  { query: 'Nguyen', status: 'Active', sort: by('lastName') },
  { query: 'jennifer', status: 'All', sort: by('firstName', 'desc') },
  { query: 'Whitfield', status: 'Inactive', sort: by('email') },
  { query: 'intake@', status: 'Active', sort: by('userName') },
  { query: 'frontdesk', status: 'All', sort: by('email') },
  { query: 'email.com', status: 'Active', sort: by('userName') },
  { query: 'gilaseniors', status: 'All', sort: by('lastName', 'desc') },
  { query: 'desertcounseling.net', status: 'Active', sort: by('workPhone') },
  { query: 'maricopa-cares.org', status: 'All', sort: by('userName') },
  { query: 'son', status: 'All', sort: by('lastName') },
  { query: 'mar', status: 'Active', sort: by('status', 'desc') },
  { query: 'jo', status: 'All', sort: by('userName') },
  { query: 'q', status: 'Active', sort: by('email', 'desc') },
  { query: 'jgarcia1234', status: 'All', sort: by('userName') },
  { query: 'zzqx', status: 'All', sort: by('userName') },
  { query: '', status: 'Active', sort: by('lastName') },
  { query: '', status: 'All', sort: by('userName', 'desc') },
];

/** A LIKE pattern matching `text` literally anywhere (escape character: backslash). */
function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SQL_COLUMN: Record<UserSearch['sort']['column'], string> = {
  userName: 'user_name',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  workPhone: 'work_phone',
  status: 'status',
};

/** Manage Users' order in SQL: the column ignoring case, ties by id, both in one direction. */
function orderSql(column: UserSearch['sort']['column'], direction: 'asc' | 'desc'): string {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY u.${SQL_COLUMN[column]} COLLATE NOCASE ${dir}, u.id ${dir}`;
}

/** The baseline: the same filter, sort, page and count, by scanning every row with LIKE. */
function likeScan(db: Database) {
  // Prepared once per statement text, as our repository does, so only the queries are compared.
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const cols = ['user_name', 'first_name', 'last_name', 'email'];
  return (c: Case) => {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (c.query.trim()) {
      params.like = likeSubstring(c.query.trim());
      where.push(`(${cols.map((col) => `u.${col} LIKE @like ESCAPE '\\'`).join(' OR ')})`);
    }
    if (c.status !== 'All') {
      params.status = c.status;
      where.push('u.status = @status');
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = prepared(`SELECT count(*) FROM users u ${w}`).pluck().get(params);
    const rows = prepared(
      `SELECT ${ROW_COLUMNS} FROM users u ${w} ${orderSql(c.sort.column, c.sort.direction)} LIMIT 25`,
    ).all(params);
    return { total, rows };
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

/** Builds the roster, checks both answer alike, then times them and prints the comparison. */
export function run(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-bench-search-'));
  try {
    const db = openDatabase(path.join(dir, 'trax-admin.db'), { clock: () => new Date() });
    const built = time(() => fillRoster(db, USERS));
    db.pragma('optimize');
    console.log(`Built ${USERS.toLocaleString('en-US')} users in ${(built / 1000).toFixed(1)} s.`);

    // The first search builds the in-memory index, as the app's first Manage Users view does.
    const users = new UsersRepository(db, () => new Date());
    const indexed = time(() => users.search({ ...CASES[0]!, page: 1, pageSize: 25 }));
    global.gc?.();
    const memory = process.memoryUsage();
    console.log(`Search index built by the first search in ${(indexed / 1000).toFixed(1)} s.`);
    console.log(
      `Main-process memory after loading (database, repository and search index): RSS ` +
        `${(memory.rss / 1024 / 1024).toFixed(0)} MB, JS heap ` +
        `${(memory.heapUsed / 1024 / 1024).toFixed(0)} MB, typed arrays ` +
        `${(memory.arrayBuffers / 1024 / 1024).toFixed(0)} MB`,
    );
    const ours = (c: Case) => users.search({ ...c, page: 1, pageSize: 25 });
    const scan = likeScan(db);

    for (const c of CASES) {
      const a = ours(c);
      const b = scan(c);
      if (a.total !== b.total || JSON.stringify(a.rows) !== JSON.stringify(b.rows)) {
        throw new Error(`Search and scan disagree for ${JSON.stringify(c)}`);
      }
    }

    const oursMs: number[] = [];
    const scanMs: number[] = [];
    const perCase: string[] = [];
    const narrowOurs: number[] = [];
    const narrowScan: number[] = [];
    for (const c of CASES) {
      const o: number[] = [];
      const s: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        o.push(time(() => ours(c)));
        s.push(time(() => scan(c)));
      }
      oursMs.push(...o);
      scanMs.push(...s);
      if (ours(c).total < USERS / 100) {
        narrowOurs.push(...o);
        narrowScan.push(...s);
      }
      o.sort((x, y) => x - y);
      s.sort((x, y) => x - y);
      const total = ours(c).total;
      perCase.push(
        `  ${JSON.stringify(c.query).padEnd(24)} ${c.status.padEnd(8)} ${`${c.sort.column} ${c.sort.direction}`.padEnd(15)}` +
          ` ${String(total).padStart(6)} hits  ours p50 ${ms(percentile(o, 50)).padStart(10)}` +
          `  scan p50 ${ms(percentile(s, 50)).padStart(10)}  ×${(percentile(s, 50) / percentile(o, 50)).toFixed(0)}`,
      );
    }
    console.log(`\n${CASES.length} searches × ${ROUNDS} rounds, page of 25 with total:`);
    console.log(perCase.join('\n'));
    summarize('narrow searches (< 1% of users match)', narrowOurs, narrowScan);
    summarize('all searches', oursMs, scanMs);
    const load = loadavg().map((n) => n.toFixed(1));
    console.log(`\nLoad average while measuring: ${load.join(' ')} on ${os.cpus().length} CPUs.`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints p50/p95 of ours and of the scan, their ratio, and whether the goals are met. */
function summarize(label: string, oursMs: number[], scanMs: number[]): void {
  oursMs.sort((x, y) => x - y);
  scanMs.sort((x, y) => x - y);
  const [o50, o95, s50, s95] = [
    percentile(oursMs, 50),
    percentile(oursMs, 95),
    percentile(scanMs, 50),
    percentile(scanMs, 95),
  ];
  console.log(`\n${label}:\n                 p50          p95`);
  console.log(
    `  ours      ${ms(o50).padStart(10)}   ${ms(o95).padStart(10)}   (goal p95 ≤ ${GOAL_P95_MS} ms: ${o95 <= GOAL_P95_MS ? 'met' : 'MISSED'})`,
  );
  console.log(`  LIKE scan ${ms(s50).padStart(10)}   ${ms(s95).padStart(10)}`);
  const ratio = Math.min(s50 / o50, s95 / o95);
  console.log(
    `  ratio     ×${(s50 / o50).toFixed(0).padStart(9)}   ×${(s95 / o95).toFixed(0).padStart(9)}   (goal ≥ ×${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'MISSED'})`,
  );
}
