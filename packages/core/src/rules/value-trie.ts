/**
 * A bounded map from sequences of values to entries: one `Map` level per position, so a lookup
 * hashes each value where it is (numbers, short strings) instead of joining them into a new key
 * string per lookup. The audit's reason cache: a city's audit looks reasons up tens of millions of
 * times, and building and hashing a fresh key string each time was an eighth of evaluation.
 */

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

interface Node<T> {
  /** Children by a text, number, boolean, null or missing value. */
  next?: Map<unknown, Node<T>>;
  /** Children by a list's or an object's JSON: apart from text values, so no string reads alike. */
  objects?: Map<string, Node<T>>;
  entry?: T;
}

/**
 * Entries by a sequence of values. Values are told apart as `Map` keys tell them apart
 * (SameValueZero: `1` and `'1'` differ, `NaN` equals `NaN`, `-0` equals `0`); lists and objects by
 * their JSON, in a `Map` of their own (so `[1]` and the text `'[1]'` differ; `[null]` and
 * `[undefined]` read alike, which is why the evaluator adds such a leaf's result to the path).
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
    for (let i = 0; i < path.length && node !== undefined; i++) {
      const value = path[i];
      node = isObject(value) ? node.objects?.get(JSON.stringify(value)) : node.next?.get(value);
    }
    return node?.entry;
  }

  /** Stores `entry` at `path` while fewer than `limit` entries are held; returns `entry`. */
  set(path: readonly unknown[], entry: T): T {
    if (this.count >= this.limit) return entry;
    let node = this.root;
    for (const value of path) {
      const [next, key]: [Map<unknown, Node<T>>, unknown] = isObject(value) ? [(node.objects ??= new Map()), JSON.stringify(value)] : [(node.next ??= new Map()), value];
      let child = next.get(key);
      if (child === undefined) next.set(key, (child = {}));
      node = child;
    }
    if (node.entry === undefined) this.count++;
    node.entry = entry;
    return entry;
  }
}
