/**
 * The substring part of the in-memory roster index: for every gram (run of 1, 2 or 3 UTF-16 code
 * units) of a user's folded search text, the sorted ids of the users whose text contains it. A
 * search text of up to three units is answered by one posting list; a longer one by the shortest
 * posting list among its trigrams (narrowed by the next shortest), which the caller then checks
 * with `includes` — a superset, never a miss.
 *
 * Grams are keyed by small integers, so the maps hold V8's unboxed small integers rather than
 * allocated numbers: each code unit gets a symbol (0–1022) on first sight, and a gram's key packs
 * its symbols in 10 bits each. The rare code unit beyond the 1,023rd distinct one shares symbol
 * 1023; posting lists of grams holding it are supersets, so such searches are verified too.
 */

/** Joins the searched fields; no gram spans it, so no match runs from one field into the next. */
export const FIELD_SEPARATOR = '\u0000';

/** Longest gram indexed; longer texts are narrowed by their trigrams and then verified. */
const MAX_GRAM = 3;

/** Above this many candidates, intersecting with a second posting list pays for itself. */
const NARROW_ABOVE = 512;

const SYMBOL_BITS = 10;
/** The symbol shared by every code unit after the first 1,023 distinct ones. */
const SHARED_SYMBOL = (1 << SYMBOL_BITS) - 1;

/** Case-insensitive matching and sorting fold text this way (Unicode-aware, unlike NOCASE). */
export function fold(text: string): string {
  return text.toLowerCase();
}

/** The folded search text of a user: user name, first name, last name and email. */
export function searchText(fields: readonly string[]): string {
  return fields.map((f) => fold(f.replaceAll(FIELD_SEPARATOR, ''))).join(FIELD_SEPARATOR);
}

/** A growable, sorted list of user ids; `mark` tells whether the current user was added. */
interface Posting {
  ids: Int32Array;
  length: number;
  mark: number;
}

/** Position of `id` in the sorted posting, or where it would go (as `-(position + 1)`). */
function locate(posting: Posting, id: number): number {
  let low = 0;
  let high = posting.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = posting.ids[mid] as number;
    if (at === id) return mid;
    if (at < id) low = mid + 1;
    else high = mid - 1;
  }
  return -(low + 1);
}

function grown(ids: Int32Array): Int32Array {
  const bigger = new Int32Array(Math.max(4, ids.length * 2));
  bigger.set(ids);
  return bigger;
}

/** Users whose text may contain a search text. */
export interface Candidates {
  ids: Int32Array;
  length: number;
  /** True when every candidate is a match; false when each must still be checked. */
  exact: boolean;
}

const NONE: Candidates = { ids: new Int32Array(0), length: 0, exact: true };

/** Posting lists of every gram of every user's search text. */
export class GramIndex {
  /** One map per gram length (index 0: single units). */
  private readonly postings: Map<number, Posting>[] = [new Map(), new Map(), new Map()];
  /** Symbol of each code unit plus one; 0 means not seen yet. */
  private readonly symbols = new Uint16Array(65536);
  private symbolCount = 0;
  /** Bumped for every user added or removed, to visit each of its grams once. */
  private operation = 0;

  /**
   * Builds the lists for many users (ids ascending) in one pass: each user's ids go to the end
   * of their lists, which stay sorted; lists grow by doubling and are trimmed at the end.
   */
  static build(ids: readonly number[], texts: readonly string[]): GramIndex {
    const index = new GramIndex();
    texts.forEach((text, i) => {
      const id = ids[i] as number;
      index.visit(text, true, (posting) => {
        if (posting.length === posting.ids.length) posting.ids = grown(posting.ids);
        posting.ids[posting.length++] = id;
      });
    });
    for (const map of index.postings) {
      for (const posting of map.values()) posting.ids = posting.ids.slice(0, posting.length);
    }
    return index;
  }

  /** Adds a user's grams. */
  add(id: number, text: string): void {
    this.visit(text, true, (posting) => {
      const found = locate(posting, id);
      if (found >= 0) return;
      const at = -found - 1;
      if (posting.length === posting.ids.length) posting.ids = grown(posting.ids);
      posting.ids.copyWithin(at + 1, at, posting.length);
      posting.ids[at] = id;
      posting.length++;
    });
  }

  /** Removes a user's grams (`text` as it was added). */
  remove(id: number, text: string): void {
    this.visit(text, false, (posting) => {
      const at = locate(posting, id);
      if (at < 0) return;
      posting.ids.copyWithin(at, at + 1, posting.length);
      posting.length--;
    });
  }

  /** The users whose text may contain `needle` (already folded, not empty). */
  candidates(needle: string): Candidates {
    if (needle.includes(FIELD_SEPARATOR)) return NONE;
    const keys: number[] = [];
    let shared = false;
    for (let i = 0; i < needle.length; i++) {
      const symbol = this.symbols[needle.charCodeAt(i)] ?? 0;
      if (symbol === 0) return NONE; // a code unit no user's text has
      if (symbol - 1 === SHARED_SYMBOL) shared = true;
      keys.push(symbol - 1);
    }
    if (needle.length <= MAX_GRAM) {
      const posting = this.postings[needle.length - 1]?.get(pack(keys, 0, needle.length));
      if (!posting || posting.length === 0) return NONE;
      return { ids: posting.ids, length: posting.length, exact: !shared };
    }
    const lists: Posting[] = [];
    const trigrams = this.postings[MAX_GRAM - 1] as Map<number, Posting>;
    for (let start = 0; start + MAX_GRAM <= needle.length; start++) {
      const posting = trigrams.get(pack(keys, start, MAX_GRAM));
      if (!posting || posting.length === 0) return NONE;
      lists.push(posting);
    }
    lists.sort((a, b) => a.length - b.length);
    const [shortest, next] = lists as [Posting, Posting];
    if (shortest.length <= NARROW_ABOVE) {
      return { ids: shortest.ids, length: shortest.length, exact: false };
    }
    return { ...intersect(shortest, next), exact: false };
  }

  /**
   * Calls `each` once with the posting of every distinct gram of `text` that does not span a
   * separator; with `create`, missing postings are made first (otherwise skipped).
   */
  private visit(text: string, create: boolean, each: (posting: Posting) => void): void {
    const operation = ++this.operation;
    let s0 = -1; // the symbols of the last three code units; -1 before the text or a separator
    let s1 = -1;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === 0) {
        s0 = s1 = -1;
        continue;
      }
      const s2 = this.symbolOf(unit);
      this.reach(0, s2, create, operation, each);
      if (s1 >= 0) this.reach(1, (s1 << SYMBOL_BITS) | s2, create, operation, each);
      if (s0 >= 0) {
        this.reach(2, (((s0 << SYMBOL_BITS) | s1) << SYMBOL_BITS) | s2, create, operation, each);
      }
      s0 = s1;
      s1 = s2;
    }
  }

  private reach(
    length: number,
    key: number,
    create: boolean,
    operation: number,
    each: (posting: Posting) => void,
  ): void {
    const map = this.postings[length] as Map<number, Posting>;
    let posting = map.get(key);
    if (!posting) {
      if (!create) return;
      posting = { ids: new Int32Array(4), length: 0, mark: 0 };
      map.set(key, posting);
    }
    if (posting.mark === operation) return;
    posting.mark = operation;
    each(posting);
  }

  private symbolOf(unit: number): number {
    const known = this.symbols[unit] as number;
    if (known !== 0) return known - 1;
    const symbol = Math.min(this.symbolCount++, SHARED_SYMBOL);
    this.symbols[unit] = symbol + 1;
    return symbol;
  }
}

/** The key of the gram of `n` symbols at `start`. */
function pack(symbols: readonly number[], start: number, n: number): number {
  let key = 0;
  for (let i = 0; i < n; i++) key = (key << SYMBOL_BITS) | (symbols[start + i] as number);
  return key;
}

/** The ids in both sorted postings. */
function intersect(a: Posting, b: Posting): { ids: Int32Array; length: number } {
  const ids = new Int32Array(Math.min(a.length, b.length));
  let length = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      ids[length++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { ids, length };
}
