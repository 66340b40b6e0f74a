/**
 * A memo for pure work that recurs across the files of a run (a line's width, a QR matrix per URL, a
 * glyph's outline and its compressed stream, a photo's crop): each key computed once, and everything
 * forgotten at once past `limit` entries. One build's inputs stay well under the limits; they only
 * bound a long-running process.
 */
export class Memo<K, V> {
  private readonly map = new Map<K, V>();
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }

  get(key: K, compute: (key: K) => V): V {
    if (this.map.has(key)) return this.map.get(key) as V;
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  /** Forgets one key (e.g. a failed computation, so the next call tries again). */
  delete(key: K): void {
    this.map.delete(key);
  }
}
