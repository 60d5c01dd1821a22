/**
 * The sort part of the in-memory roster index: for one column, every user id in order (folded
 * value, ties by id), and each user's position in it. Positions turn "sort these matches" into
 * comparing integers, and walking the order finds a page of a broad search without sorting it.
 * Single changes move one id in place (two array shifts), so an edit never re-sorts the roster.
 */

/** `a` before `b` (negative), after (positive): by folded value, then by id. */
function compare(keyA: string, idA: number, keyB: string, idB: number): number {
  if (keyA < keyB) return -1;
  if (keyA > keyB) return 1;
  return idA - idB;
}

/** One column's order. */
export class ColumnOrder {
  private order: Int32Array;
  private size: number;
  private rank: Int32Array;
  /** The folded value of each user, by id. */
  private readonly keys: string[];

  private constructor(order: Int32Array, keys: string[], maxId: number) {
    this.order = order;
    this.size = order.length;
    this.keys = keys;
    this.rank = new Int32Array(maxId + 1);
    this.renumber(0);
  }

  /** Sorts `ids` by their `keys` (indexed by id). */
  static build(ids: readonly number[], keys: string[], maxId: number): ColumnOrder {
    const order = Int32Array.from(ids);
    order.sort((a, b) => compare(keys[a] as string, a, keys[b] as string, b));
    return new ColumnOrder(order, keys, maxId);
  }

  /** How many users are in the order. */
  get length(): number {
    return this.size;
  }

  /** The id at `position` (0 = first). */
  at(position: number): number {
    return this.order[position] as number;
  }

  /** Where user `id` stands (only for ids in the order). */
  positionOf(id: number): number {
    return this.rank[id] as number;
  }

  /** Takes user `id` out of the order. */
  remove(id: number): void {
    const at = this.rank[id] as number;
    this.order.copyWithin(at, at + 1, this.size);
    this.size--;
    this.renumber(at);
  }

  /** Puts user `id` with folded value `key` in its place. */
  insert(id: number, key: string): void {
    this.keys[id] = key;
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.order[mid] as number;
      if (compare(this.keys[other] as string, other, key, id) < 0) low = mid + 1;
      else high = mid;
    }
    if (this.size === this.order.length) this.order = grow(this.order, this.size + 1);
    if (id >= this.rank.length) this.rank = grow(this.rank, id + 1);
    this.order.copyWithin(low + 1, low, this.size);
    this.order[low] = id;
    this.size++;
    this.renumber(low);
  }

  /** Rewrites the positions from `from` to the end (after a shift). */
  private renumber(from: number): void {
    for (let i = from; i < this.size; i++) this.rank[this.order[i] as number] = i;
  }
}

/** A copy of `array` with room for at least `needed` entries (doubling). */
function grow(array: Int32Array, needed: number): Int32Array {
  const grown = new Int32Array(Math.max(needed, array.length * 2, 16));
  grown.set(array);
  return grown;
}
