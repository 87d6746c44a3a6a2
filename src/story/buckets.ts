// Lookups that replace scans over the whole story. A bucket keeps its items in
// the order they were added, so its first match is the one `find` over all
// items would have given: indexing changes the cost, never the answer.

/** Adds `item` at the end of its key's bucket. */
export function addTo<T>(buckets: Map<string, T[]>, key: string, item: T): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(item);
  else buckets.set(key, [item]);
}

/** Items by key, each bucket in the items' order; items with a null key are left out. */
export function bucketBy<T>(items: Iterable<T>, key: (item: T) => string | null): Map<string, T[]> {
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) addTo(buckets, k, item);
  }
  return buckets;
}

/** Items under each of their keys, once per distinct key, each bucket in the items' order; null keys are left out. */
export function bucketByEach<T>(items: Iterable<T>, keys: (item: T) => Iterable<string | null>): Map<string, T[]> {
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    for (const k of new Set(keys(item))) if (k !== null) addTo(buckets, k, item);
  }
  return buckets;
}
