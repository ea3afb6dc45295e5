/**
 * Read every file and folder the plan may touch, once: the files desired and recorded items
 * live in (config files included), and the folders above them.
 */
import type { DesiredItem } from "../core/item.js";
import type { LiveSnapshot } from "../core/live.js";
import { ancestors } from "../core/plan-dirs.js";
import type { Sidecar } from "../core/sidecar.js";
import type { ProjectFs } from "../io/project-fs.js";
import { turnTaker } from "../io/sync-reads.js";

/**
 * Which whole files (skill files, rule files: items that are a file) are kept as text. Files packs
 * edits a part of (configs, Markdown with sections) are always kept: the planner parses them.
 * - "all": every one (explain shows what is there);
 * - "changed": those that do not already hold the pack's content, which the plan may diff or
 *   count lines of; a file that does is unchanged, and its hash says all the plan needs;
 * - "none": none (check compares hashes only).
 * At 1,000 packs the texts of deployed skill files are over 100 MB; most plans need none of them.
 */
export type KeepText = "all" | "changed" | "none";

export interface ObserveOptions {
  text: KeepText;
  /**
   * List the folders above every path (the planner decides which folders to make and remove
   * from them); off for check, which compares item hashes only: its snapshot has no folders.
   */
  folders: boolean;
}

export async function observeLive(
  fs: ProjectFs,
  desired: readonly DesiredItem[],
  recorded: readonly Sidecar[],
  { text: keep, folders }: ObserveOptions = { text: "all", folders: true },
): Promise<LiveSnapshot> {
  const paths = new Set<string>();
  const dirs = new Set<string>();
  /** Paths with an item that is not a whole file. */
  const edited = new Set<string>();
  /** The pack's content hash of each desired whole file. */
  const wanted = new Map<string, string>();
  for (const d of desired) {
    paths.add(d.address.path);
    if (d.address.kind !== "file") edited.add(d.address.path);
    else if (d.value.type === "file") wanted.set(d.address.path, d.value.hash);
  }
  for (const s of recorded) {
    for (const item of Object.values(s.items)) {
      paths.add(item.address.path);
      if (item.address.kind !== "file") edited.add(item.address.path);
    }
    if (folders) for (const c of s.created) if (c.endsWith("/")) dirs.add(c.slice(0, -1));
  }
  if (folders) for (const p of paths) for (const a of ancestors(p)) dirs.add(a);

  const keepText = (p: string): ((hash: string) => boolean) | undefined => {
    if (keep === "all" || edited.has(p)) return undefined;
    if (keep === "none") return () => false;
    return (hash) => hash !== wanted.get(p);
  };
  const snapshot: LiveSnapshot = { files: {}, dirs: {} };
  const turn = turnTaker();
  for (const p of paths) {
    snapshot.files[p] = fs.observeNow(p, keepText(p));
    await turn();
  }
  for (const d of dirs) {
    snapshot.dirs[d] = fs.listNow(d);
    await turn();
  }
  return snapshot;
}
