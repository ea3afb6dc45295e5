/**
 * Activation sidecars (`.packs/state/<pack>.json`): what one pack owns, item by item, with the
 * hash packs last wrote (`written`) and the desired hash it came from (`base`); for config
 * entries also the value, so drift can be shown three ways. `created` lists the containers packs
 * made (a config file, an `mcp` object, a skill folder) so they go when their last item goes.
 */
import type { AgentId } from "./agent-id.js";
import { addressId, type ItemAddress } from "./item.js";
import type { JsonValue } from "./json.js";

export const SIDECAR_FORMAT = "1";

export interface SidecarItem {
  address: ItemAddress;
  agent: AgentId;
  written: string;
  base: string;
  value?: JsonValue;
  /** For the plan when the item goes: what it is, and its skill folder. */
  description?: string;
  group?: string;
}

export interface Sidecar {
  format_version: typeof SIDECAR_FORMAT;
  pack: string;
  /** Container ids packs created: `path` (a file), `dir/` (a folder), `path#/pointer` (a JSON container). */
  created: string[];
  items: Record<string, SidecarItem>;
}

export function emptySidecar(pack: string): Sidecar {
  return { format_version: SIDECAR_FORMAT, pack, created: [], items: {} };
}

/** What all sidecars together record about one address. */
export interface RecordedItem {
  address: ItemAddress;
  agent: AgentId;
  owners: string[];
  written: string;
  base: string;
  value?: JsonValue;
  description?: string;
  group?: string;
}

/**
 * Merge every pack's sidecar into one view per address. `pending` holds the sidecars an
 * interrupted apply meant to write (from its journal): a pending record wins where the live hash
 * already equals what it says was written, so the next run converges instead of seeing drift.
 */
export function mergeRecorded(
  sidecars: readonly Sidecar[],
  pending: readonly Sidecar[],
  /** The live hash as compared with a record whose value is `recorded` (see LiveView.hashAt). */
  liveHash: (address: ItemAddress, recorded?: JsonValue) => string | undefined,
): Map<string, RecordedItem> {
  const out = new Map<string, RecordedItem>();
  // Two records of one address normally agree (co-owners). When they do not, keep the one that
  // matches the live value, and let a pending record replace an older one.
  const put = (pack: string, item: SidecarItem, replace: boolean) => {
    const id = addressId(item.address);
    const prev = out.get(id);
    if (prev && prev.written === item.written && prev.base === item.base) {
      if (!prev.owners.includes(pack)) prev.owners.push(pack);
      return;
    }
    if (prev && !replace && prev.written === liveHash(prev.address, prev.value)) return;
    out.set(id, { ...item, owners: [pack] });
  };
  for (const s of sidecars) for (const item of Object.values(s.items)) put(s.pack, item, false);
  for (const s of pending) {
    for (const item of Object.values(s.items)) if (liveHash(item.address, item.value) === item.written) put(s.pack, item, true);
  }
  for (const r of out.values()) r.owners.sort();
  return out;
}

/** Every container id recorded as created by packs, across sidecars and a pending journal. */
export function createdContainers(sidecars: readonly Sidecar[], pending: readonly Sidecar[]): Set<string> {
  const out = new Set<string>();
  for (const s of [...sidecars, ...pending]) for (const c of s.created) out.add(c);
  return out;
}
