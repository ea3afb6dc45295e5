/**
 * Why packs reads local files synchronously, a batch at a time. Reading thousands of small files
 * through fs/promises costs four thread-pool round trips and their promises per file (open,
 * stat, read, close); on files in the page cache that overhead, not the disk, was most of the
 * time (a 200-pack project: 2.5× slower than readFileSync). Synchronous reads block the event
 * loop, so callers give it a turn every READS_PER_TURN files: spinners keep turning, signals are
 * handled, and network fetches running alongside make progress.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

export const READS_PER_TURN = 256;

/** Counts reads; every READS_PER_TURN-th call lets the event loop run before it resolves. */
export function turnTaker(): () => Promise<void> | undefined {
  let reads = 0;
  return () => (++reads % READS_PER_TURN === 0 ? nextTurn() : undefined);
}
