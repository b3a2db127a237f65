// A small in-process cache of the public page's figures: a page anyone may open is asked for
// far more often than its figures change, and every view would otherwise cost a replica read.
// Each server process keeps its own; a figure is at most TTL old.

type Entry<T> = { expires: number; value: Promise<T> };

/** A cache of promises by key, each kept `ttlMs`; a failed load is forgotten at once. */
export function ttlCache<T>(ttlMs: number, maxEntries = 500) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.value;
      if (entries.size >= maxEntries) {
        for (const [old, entry] of entries) if (entry.expires <= now) entries.delete(old);
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      }
      const value = load();
      entries.set(key, { expires: now + ttlMs, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear(): void {
      entries.clear();
    },
  };
}
