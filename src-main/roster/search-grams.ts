/**
 * The substring part of the in-memory roster index: for every gram (run of 1, 2 or 3 UTF-16 code
 * units) of a user's folded search text, the sorted ids of the users whose text contains it. A
 * search text of up to three units is answered exactly by one posting list; a longer one by the
 * shortest posting list among its trigrams (narrowed by the next shortest), which the caller then
 * checks with `includes` — a superset, never a miss.
 */

/** Joins the searched fields; no gram spans it, so no match runs from one field into the next. */
export const FIELD_SEPARATOR = '\u0000';

/** Longest gram indexed; longer texts are narrowed by their trigrams and then verified. */
const MAX_GRAM = 3;

/** Above this many candidates, intersecting with a second posting list pays for itself. */
const NARROW_ABOVE = 512;

/** Case-insensitive matching and sorting fold text this way (Unicode-aware, unlike NOCASE). */
export function fold(text: string): string {
  return text.toLowerCase();
}

/** The folded search text of a user: user name, first name, last name and email. */
export function searchText(fields: readonly string[]): string {
  return fields.map((f) => fold(f.replaceAll(FIELD_SEPARATOR, ''))).join(FIELD_SEPARATOR);
}

/**
 * A number naming the gram of `n` units at `start`: the length first, then each unit, so grams
 * of different lengths never share a key (3 × 2^48 + … stays below 2^53, an exact double).
 */
function gramKey(text: string, start: number, n: number): number {
  let key = n;
  for (let i = 0; i < n; i++) key = key * 65536 + text.charCodeAt(start + i);
  return key;
}

/** Calls `visit` once for each distinct gram of `text` that does not span a separator. */
function forEachGram(text: string, seen: Set<number>, visit: (key: number) => void): void {
  seen.clear();
  for (let start = 0; start < text.length; start++) {
    for (let n = 1; n <= MAX_GRAM && start + n <= text.length; n++) {
      if (text[start + n - 1] === FIELD_SEPARATOR) break;
      const key = gramKey(text, start, n);
      if (seen.has(key)) continue;
      seen.add(key);
      visit(key);
    }
  }
}

/** A growable, sorted list of user ids. */
interface Posting {
  ids: Int32Array;
  length: number;
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
  private readonly postings = new Map<number, Posting>();
  private readonly seen = new Set<number>();

  /**
   * Builds the lists for many users at once, sized exactly: one pass counts each gram's users,
   * a second fills them (ids ascending, as given), so no list is ever copied to grow.
   */
  static build(ids: readonly number[], texts: readonly string[]): GramIndex {
    const index = new GramIndex();
    const counts = new Map<number, number>();
    for (const text of texts) {
      forEachGram(text, index.seen, (key) => counts.set(key, (counts.get(key) ?? 0) + 1));
    }
    for (const [key, count] of counts) {
      index.postings.set(key, { ids: new Int32Array(count), length: 0 });
    }
    counts.clear();
    texts.forEach((text, i) => {
      const id = ids[i] as number;
      forEachGram(text, index.seen, (key) => {
        const posting = index.postings.get(key) as Posting;
        posting.ids[posting.length++] = id;
      });
    });
    return index;
  }

  /** Adds a user's grams. */
  add(id: number, text: string): void {
    forEachGram(text, this.seen, (key) => {
      let posting = this.postings.get(key);
      if (!posting) {
        posting = { ids: new Int32Array(4), length: 0 };
        this.postings.set(key, posting);
      }
      const found = locate(posting, id);
      if (found >= 0) return;
      const at = -found - 1;
      if (posting.length === posting.ids.length) {
        const grown = new Int32Array(posting.ids.length * 2);
        grown.set(posting.ids);
        posting.ids = grown;
      }
      posting.ids.copyWithin(at + 1, at, posting.length);
      posting.ids[at] = id;
      posting.length++;
    });
  }

  /** Removes a user's grams (`text` as it was added). */
  remove(id: number, text: string): void {
    forEachGram(text, this.seen, (key) => {
      const posting = this.postings.get(key);
      if (!posting) return;
      const at = locate(posting, id);
      if (at < 0) return;
      posting.ids.copyWithin(at, at + 1, posting.length);
      posting.length--;
      if (posting.length === 0) this.postings.delete(key);
    });
  }

  /** The users whose text may contain `needle` (already folded, not empty). */
  candidates(needle: string): Candidates {
    if (needle.includes(FIELD_SEPARATOR)) return NONE;
    if (needle.length <= MAX_GRAM) {
      const posting = this.postings.get(gramKey(needle, 0, needle.length));
      return posting ? { ids: posting.ids, length: posting.length, exact: true } : NONE;
    }
    const lists: Posting[] = [];
    for (let start = 0; start + MAX_GRAM <= needle.length; start++) {
      const posting = this.postings.get(gramKey(needle, start, MAX_GRAM));
      if (!posting) return NONE;
      lists.push(posting);
    }
    lists.sort((a, b) => a.length - b.length);
    const [shortest, next] = lists as [Posting, Posting];
    if (shortest.length <= NARROW_ABOVE) {
      return { ids: shortest.ids, length: shortest.length, exact: false };
    }
    return { ...intersect(shortest, next), exact: false };
  }
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
