/**
 * Group values by a key, keeping the order in which each key and each value first appear. One
 * array per key, appended to: grouping thousands of plan items stays linear.
 */
export function groupBy<T, K>(xs: Iterable<T>, keyOf: (x: T) => K, into: Map<K, T[]> = new Map()): Map<K, T[]> {
  for (const x of xs) {
    const key = keyOf(x);
    const group = into.get(key);
    if (group) group.push(x);
    else into.set(key, [x]);
  }
  return into;
}
