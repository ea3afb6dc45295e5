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
  const containersOf = containerIndex(created);
  for (const sidecar of out.values()) {
    const holding = new Set<string>();
    for (const i of Object.values(sidecar.items)) for (const c of containersOf(i.address)) holding.add(c);
    sidecar.created.push(...[...holding].sort());
  }
  return out;
}

/**
 * The created containers an item is inside, found from the item's own path (its folder prefixes
 * and the containers of its file) rather than by trying every container on every item: a project
 * with thousands of skill folders would otherwise cost containers × items.
 */
function containerIndex(created: ReadonlySet<string>): (a: ItemAddress) => string[] {
  const inFile = new Map<string, string[]>();
  for (const c of created) {
    if (c.endsWith("/")) continue;
    const hash = c.indexOf("#");
    const path = hash === -1 ? c : c.slice(0, hash);
    const list = inFile.get(path);
    if (list) list.push(c);
    else inFile.set(path, [c]);
  }
  return (a) => {
    const found: string[] = [];
    for (let i = a.path.indexOf("/"); i !== -1; i = a.path.indexOf("/", i + 1)) {
      const folder = a.path.slice(0, i + 1);
      if (created.has(folder)) found.push(folder);
    }
    for (const c of inFile.get(a.path) ?? []) if (inside(a, c)) found.push(c);
    return found;
  };
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
