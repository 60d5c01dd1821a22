/**
 * Builds the SQL of a roster search: the text match (FTS5 trigram index for three characters or
 * more, an escaped LIKE below that, since a trigram index cannot answer shorter substrings), the
 * status filter, the readiness filter and the sort. Every value travels as a bound parameter.
 */
import type { StatusFilter, UserColumn } from './schemas.js';

/** SQL columns of each sortable column. Status holds two fixed words: binary order is fine. */
const SORT_EXPRESSIONS: Record<UserColumn, string> = {
  userName: 'u.user_name COLLATE NOCASE',
  firstName: 'u.first_name COLLATE NOCASE',
  lastName: 'u.last_name COLLATE NOCASE',
  email: 'u.email COLLATE NOCASE',
  workPhone: 'u.work_phone COLLATE NOCASE',
  status: 'u.status',
};

/**
 * A filter as the SQL applies it. The readiness filter arrives resolved, as the ids of the users
 * it lets through, because readiness is computed in memory (see ReadinessService), not in SQL.
 */
export interface SqlFilter {
  query: string;
  status: StatusFilter;
  /** Only these users; null or absent: no readiness restriction. */
  onlyIds?: readonly number[] | null | undefined;
}

/** The shortest substring the trigram index can find. */
const TRIGRAM = 3;

/** A WHERE clause over `users u` and its named parameters. */
export interface FilterSql {
  /** Empty when nothing is filtered; otherwise starts with "WHERE". */
  where: string;
  params: Record<string, string>;
  /** How the text is matched: none, the trigram index, or a LIKE scan (short text). */
  kind: 'none' | 'fts' | 'like';
}

/**
 * The FTS5 query that matches `text` literally as a substring of any column: one quoted string,
 * in which FTS5 gives no character a meaning except the quote itself, escaped by doubling.
 */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** A LIKE pattern matching `text` literally anywhere (escape character: backslash). */
export function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * How a text match reaches the users: `drive` looks each match up by id and sorts them (best when
 * few match); `walk` reads the sort column's index in order and keeps rows that match, stopping
 * after one page (best when many match: no lookup or sort of thousands of rows).
 */
export type MatchPlan = 'drive' | 'walk';

/** The WHERE clause for a search box text, status filter and readiness ids. */
export function filterSql(filter: SqlFilter, plan: MatchPlan = 'drive'): FilterSql {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  const text = filter.query.trim();
  // A unary + on u.id stops SQLite from looking matches up by id, so it walks the sort index.
  const id = plan === 'walk' ? '+u.id' : 'u.id';
  let kind: FilterSql['kind'] = 'none';
  if (text !== '') {
    if ([...text].length >= TRIGRAM) {
      kind = 'fts';
      params.match = ftsPhrase(text);
      conditions.push(`${id} IN (SELECT rowid FROM users_search WHERE users_search MATCH @match)`);
    } else {
      kind = 'like';
      params.like = likeSubstring(text);
      conditions.push(
        '(' +
          ['user_name', 'first_name', 'last_name', 'email']
            .map((c) => `u.${c} LIKE @like ESCAPE '\\'`)
            .join(' OR ') +
          ')',
      );
    }
  }
  if (filter.status !== 'All') {
    params.status = filter.status;
    conditions.push('u.status = @status');
  }
  if (filter.onlyIds) {
    // One bound JSON array, whatever its length: the SQL text (and its prepared statement) stays
    // the same, and no id is ever spliced into it.
    params.ids = JSON.stringify(filter.onlyIds);
    conditions.push(`${id} IN (SELECT value FROM json_each(@ids))`);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params, kind };
}

/** ORDER BY a column, case-insensitively, ties broken by id in the same direction. */
export function orderSql(column: UserColumn, direction: 'asc' | 'desc'): string {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${SORT_EXPRESSIONS[column]} ${dir}, u.id ${dir}`;
}
