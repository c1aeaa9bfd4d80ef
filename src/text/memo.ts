/**
 * A bounded memo for pure string functions: text work repeats the same few
 * thousand words, titles and references over and over. The cache is simply
 * emptied when full (no LRU bookkeeping on the hot path).
 */
export function memoize<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
