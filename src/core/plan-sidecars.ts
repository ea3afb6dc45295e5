/**
 * The sidecars after the apply: one per pack in packs.yaml, recording the items it owns and the
 * containers packs created that still hold its items.
 */
import { addressId, type ItemAddress } from "./item.js";
import { decodePointer, type JsonValue } from "./json.js";
import { holdsLiteralSecret } from "./literal-secrets.js";
import type { LiveView } from "./live.js";
import type { ItemDecision } from "./plan-items.js";
import { emptySidecar, type Sidecar, type SidecarItem } from "./sidecar.js";

export function buildSidecars(
  activePacks: readonly string[],
  decisions: readonly ItemDecision[],
  /** Items outside the plan's scope: their records are carried over as they are. */
  held: readonly ItemDecision[],
  created: ReadonlySet<string>,
  live: LiveView,
): Map<string, Sidecar> {
  const out = new Map(activePacks.map((p) => [p, emptySidecar(p)] as const));
  const put = (pack: string, item: SidecarItem) => {
    const sidecar = out.get(pack);
    if (sidecar) sidecar.items[addressId(item.address)] = item;
  };
  const keepRecord = (r: ItemDecision["recorded"]) => {
    if (!r) return;
    const { owners, ...item } = r;
    for (const o of owners) put(o, item);
  };
  // A held item keeps its owner's sidecar even when the pack left packs.yaml: a later plan
  // outside the scope still knows the item is packs' to remove.
  for (const x of held) {
    for (const o of x.recorded?.owners ?? []) if (!out.has(o)) out.set(o, emptySidecar(o));
    keepRecord(x.recorded);
  }
  for (const x of decisions) {
    const { desired: d, recorded: r, decision } = x;
    if (decision.blocked) {
      keepRecord(r); // nothing changes for a blocked item
      continue;
    }
    if (!decision.record || !d) continue;
    const value = recordedValue(x, live);
    for (const o of d.owners) {
      put(o, {
        address: d.address,
        agent: d.agent,
        written: decision.record.written,
        base: decision.record.base,
        description: d.description,
        ...(value !== undefined && { value }),
        ...(d.group && { group: d.group }),
      });
    }
  }
  for (const container of [...created].sort()) {
    for (const sidecar of out.values()) {
      if (Object.values(sidecar.items).some((i) => inside(i.address, container))) sidecar.created.push(container);
    }
  }
  return out;
}

/**
 * The value a sidecar keeps for a config entry (for three-way drift and `ignore:` rules). A value
 * holding what looks like a literal secret is not kept: sidecars are committed, and the hashes
 * suffice to decide.
 */
function recordedValue(x: ItemDecision, live: LiveView): JsonValue | undefined {
  const d = x.desired!;
  if (d.value.type !== "json") return undefined;
  const value = x.decision.write === "desired" ? d.value.value : (live.compared(d.address, x.recorded?.value, d.value.value)?.value ?? d.value.value);
  return holdsLiteralSecret(value) ? undefined : value;
}

/** Is the item inside the container (`path`, `dir/` or `path#/pointer`)? */
export function inside(a: ItemAddress, container: string): boolean {
  if (container.endsWith("/")) return a.path.startsWith(container);
  const hash = container.indexOf("#");
  if (hash === -1) return a.path === container;
  if (a.path !== container.slice(0, hash)) return false;
  const segs = decodePointer(container.slice(hash + 1));
  const itemSegs = a.kind === "entry" ? a.pointer : a.kind === "element" ? [...a.array, a.key] : [];
  return segs.length < itemSegs.length && segs.every((s, i) => itemSegs[i] === s);
}
