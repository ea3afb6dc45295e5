/**
 * packs' own files after the apply: one sidecar per pack, the lock, and `.packs/.gitignore`.
 * Rendered canonically; a file appears in the plan only when its bytes would change.
 */
import type { FileChange } from "../core/plan-model.js";
import type { Hasher } from "../core/live.js";
import type { Sidecar } from "../core/sidecar.js";
import { inventory, LOCKFILE_VERSION, packComponents, treeIntegrity, type Lock } from "../lockfile/lock-model.js";
import { LOCK_PATH, renderLock, renderSidecar, sidecarPath } from "../lockfile/render-lock.js";
import { sha256Sri } from "../io/hash.js";
import type { ProjectFs } from "../io/project-fs.js";
import type { ResolvedPack } from "../sources/resolve-source.js";

export const GITIGNORE_PATH = ".packs/.gitignore";
const GITIGNORE = "# packs: temporary files (journal, lock) stay out of git.\ntmp/\n";

/**
 * `known`: the readTextHash of texts this run already read (sidecars, the lock), by path. A file
 * whose rendered text has that hash is unchanged and is not read again; any other is read.
 */
export async function stateChanges(
  fs: ProjectFs,
  lock: Lock,
  sidecars: ReadonlyMap<string, Sidecar>,
  previous: readonly Sidecar[],
  known: ReadonlyMap<string, string | undefined> = new Map(),
): Promise<FileChange[]> {
  const want = new Map<string, string | null>();
  for (const s of sidecars.values()) want.set(sidecarPath(s.pack), renderSidecar(s));
  for (const s of previous) if (!sidecars.has(s.pack)) want.set(sidecarPath(s.pack), null);
  want.set(LOCK_PATH, renderLock(lock));
  want.set(GITIGNORE_PATH, GITIGNORE);

  // Reported in path order.
  const changes: FileChange[] = [];
  for (const [path, text] of [...want].sort(([a], [b]) => a.localeCompare(b))) {
    const before = known.get(path);
    if (text !== null && before !== undefined && before === sha256Sri(text)) continue;
    const live = await fs.observe(path);
    if (text === null ? !live.exists : live.exists && live.text === text) continue;
    changes.push({ path, before: live.exists ? live.raw! : null, after: text === null ? null : { encoding: "utf8", text } });
  }
  return changes;
}

/** `inputs`: set by a full apply (see inputsHash); otherwise carried over from the lock before. */
export function buildLock(packs: readonly ResolvedPack[], sidecars: ReadonlyMap<string, Sidecar>, hash: Hasher, inputs?: string): Lock {
  const lockPacks: Lock["packs"] = {};
  for (const p of packs) {
    lockPacks[p.entry.key] = {
      ...p.pin,
      source: p.entry.sourceText,
      name: p.pack.name,
      version: p.pack.version,
      tier: p.pack.tier,
      ...(p.claimedTier !== undefined && { claimed_tier: p.claimedTier }),
      integrity: treeIntegrity(p.pack.files, hash),
      components: packComponents(p.pack, hash),
    };
  }
  return { lockfile_version: LOCKFILE_VERSION, ...(inputs !== undefined && { inputs }), packs: lockPacks, items: inventory(sidecars.values()) };
}
