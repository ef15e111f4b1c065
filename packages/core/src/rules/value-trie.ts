/**
 * A bounded map from sequences of values to entries: one `Map` level per position, so a lookup
 * hashes each value where it is (numbers, short strings) instead of joining them into a new key
 * string per lookup. The audit's reason cache: a city's audit looks reasons up tens of millions of
 * times, and building and hashing a fresh key string each time was an eighth of evaluation.
 */

/** Objects and arrays are keyed by their JSON, marked so no string value can read alike. */
const OBJECT = '\u0002';
const keyOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? `${OBJECT}${JSON.stringify(value)}` : value);

interface Node<T> {
  next?: Map<unknown, Node<T>>;
  entry?: T;
}

/**
 * Entries by a sequence of values. Values are told apart as `Map` keys tell them apart
 * (SameValueZero: `1` and `'1'` differ, `NaN` equals `NaN`, `-0` equals `0`), objects by their JSON.
 * Holds at most `limit` entries; past it `set` does nothing (callers build what is not cached).
 */
export class ValueTrie<T> {
  private readonly root: Node<T> = {};
  private count = 0;

  constructor(private readonly limit: number) {}

  /** Entries held. */
  get size(): number {
    return this.count;
  }

  /** The entry at `path`, or undefined. */
  get(path: readonly unknown[]): T | undefined {
    let node: Node<T> | undefined = this.root;
    for (let i = 0; i < path.length && node !== undefined; i++) node = node.next?.get(keyOf(path[i]));
    return node?.entry;
  }

  /** Stores `entry` at `path` while fewer than `limit` entries are held; returns `entry`. */
  set(path: readonly unknown[], entry: T): T {
    if (this.count >= this.limit) return entry;
    let node = this.root;
    for (const value of path) {
      const key = keyOf(value);
      const next: Map<unknown, Node<T>> = (node.next ??= new Map());
      let child = next.get(key);
      if (child === undefined) next.set(key, (child = {}));
      node = child;
    }
    if (node.entry === undefined) this.count++;
    node.entry = entry;
    return entry;
  }
}
