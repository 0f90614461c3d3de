/**
 * A string-keyed cache for pure derivations (parsed names, phonetic codes, phone verdicts) that is
 * emptied once it holds `limit` entries, so memory stays bounded on a long-running server.
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();

  /** A cache holding at most `limit` entries. */
  constructor(private readonly limit: number) {}

  /** The cached value for `key`, computing and remembering it on a miss. */
  get(key: string, compute: (key: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
