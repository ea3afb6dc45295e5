/**
 * `Promise.all(items.map(fn))` with at most `limit` calls in flight. Reading thousands of files
 * at once holds every buffer and promise alive together (memory, and the garbage collector's
 * time with it, grows with the project); a bounded pool keeps the disk busy without that.
 * Results keep the items' order. Pure: the I/O is in `fn`.
 */

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
