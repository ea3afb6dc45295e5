/**
 * Read every file and folder the plan may touch, once: the files desired and recorded items
 * live in (config files included), and the folders above them.
 */
import type { DesiredItem } from "../core/item.js";
import type { LiveSnapshot } from "../core/live.js";
import { ancestors } from "../core/plan-dirs.js";
import type { Sidecar } from "../core/sidecar.js";
import type { ProjectFs } from "../io/project-fs.js";
import { IO_CONCURRENCY, mapLimit } from "../core/map-limit.js";


export async function observeLive(
  fs: ProjectFs,
  desired: readonly DesiredItem[],
  recorded: readonly Sidecar[],
): Promise<LiveSnapshot> {
  const paths = new Set<string>();
  const dirs = new Set<string>();
  for (const d of desired) paths.add(d.address.path);
  for (const s of recorded) {
    for (const item of Object.values(s.items)) paths.add(item.address.path);
    for (const c of s.created) if (c.endsWith("/")) dirs.add(c.slice(0, -1));
  }
  for (const p of paths) for (const a of ancestors(p)) dirs.add(a);

  const snapshot: LiveSnapshot = { files: {}, dirs: {} };
  await Promise.all([
    mapLimit([...paths], IO_CONCURRENCY, async (p) => { snapshot.files[p] = await fs.observe(p); }),
    mapLimit([...dirs], IO_CONCURRENCY, async (d) => { snapshot.dirs[d] = await fs.list(d); }),
  ]);
  return snapshot;
}
