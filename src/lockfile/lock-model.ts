/**
 * packs.lock.yaml as data: the resolved sources of every pack, with integrity hashes, and the
 * inventory of every deployed item (the project's SBOM for its agent setup). Pure.
 */
import { canonicalJson, type JsonValue } from "../core/json.js";
import type { Hasher } from "../core/live.js";
import type { Pack, PackFile } from "../core/pack-model.js";
import type { Sidecar } from "../core/sidecar.js";
import type { SourcePin } from "../core/source-pin.js";

export const LOCKFILE_VERSION = 1;

/**
 * One pack in the lock: the source as written in packs.yaml, what it resolved to (the pin), and
 * what the pack held at that pin. A lock entry satisfies a packs.yaml entry when `source`,
 * `ref` and `path` are the same as written there.
 */
export interface LockPack extends SourcePin {
  /** As written in packs.yaml. */
  source: string;
  /** The pack's own name (its manifest's `name`). */
  name: string;
  version: string;
  /** The tier shown: the pack's claim when the project trusts its source, else `community`. */
  tier: string;
  /** What the pack claimed, when that is not the tier shown. */
  claimed_tier?: string;
  /** Tree integrity of the whole pack: see treeIntegrity. */
  integrity: string;
  /** `skills/<name>`, `mcp/<name>`, `plugins/<spec>`, `instructions` → hash. */
  components: Record<string, string>;
}

export interface LockItem {
  address: string;
  agent: string;
  owners: string[];
  hash: string;
}

export interface Lock {
  lockfile_version: typeof LOCKFILE_VERSION;
  /**
   * What the last full apply applied: see inputsHash. `packs check` compares it with the inputs
   * now to know, without resolving any source, that a plan would be empty.
   */
  inputs?: string;
  packs: Record<string, LockPack>;
  items: LockItem[];
}

/**
 * One hash of everything a plan's result depends on besides the agent files: the packs version,
 * what packs.yaml says (its parsed form: comments and layout do not count) and each pack's pin
 * and content hash.
 */
export function inputsHash(packsVersion: string, config: JsonValue, packs: Readonly<Record<string, LockPack>>, hash: Hasher): string {
  const pins = Object.keys(packs).sort().map((k) => {
    const p = packs[k]!;
    return [k, p.resolved, p.integrity, p.skill_sources ?? {}];
  });
  return hash(canonicalJson({ packs_version: packsVersion, config, pins } as unknown as JsonValue));
}

/**
 * The tree integrity of a set of files: sha256 SRI of the listing made of one line per file,
 * sorted by path, `<path>\t<content hash>\n`, where the content hash is the canonical one (text
 * with BOM stripped and CRLF→LF). Documented in docs/lockfile.md.
 */
export function treeIntegrity(files: readonly Pick<PackFile, "path" | "hash">[], hash: Hasher): string {
  const lines = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => `${f.path}\t${f.hash}\n`);
  return hash(lines.join(""));
}

export function packComponents(pack: Pack, hash: Hasher): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of pack.skills) out[`skills/${s.name}`] = treeIntegrity(s.files, hash);
  for (const m of pack.mcp) out[`mcp/${m.name}`] = hash(canonicalJson(m));
  for (const p of pack.plugins) out[`plugins/${p}`] = hash(p);
  if (pack.instructions !== undefined) out.instructions = hash(pack.instructions);
  return out;
}

/** The inventory from the sidecars: one line per item, its owners merged, sorted by address. */
export function inventory(sidecars: Iterable<Sidecar>): LockItem[] {
  const byAddress = new Map<string, LockItem>();
  for (const s of sidecars) {
    for (const [address, item] of Object.entries(s.items)) {
      const prev = byAddress.get(address);
      if (prev) prev.owners = [...new Set([...prev.owners, s.pack])].sort();
      else byAddress.set(address, { address, agent: item.agent, owners: [s.pack], hash: item.written });
    }
  }
  return [...byAddress.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
