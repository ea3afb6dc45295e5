/**
 * Decide one action per address from desired × recorded × live, and explain it.
 */
import type { AgentId } from "./agent-id.js";
import { decide, type Decision, type Resolution } from "./decide.js";
import type { DesiredGroup } from "./desired.js";
import type { LiveView } from "./live.js";
import type { PlanItem } from "./plan-model.js";
import type { RecordedItem } from "./sidecar.js";
import { unifiedDiff } from "./text-diff.js";

export interface ItemDecision {
  id: string;
  desired?: DesiredGroup;
  recorded?: RecordedItem;
  liveHash?: string;
  decision: Decision;
}

export function decideItems(
  desired: ReadonlyMap<string, DesiredGroup>,
  recorded: ReadonlyMap<string, RecordedItem>,
  live: LiveView,
  resolution: Resolution,
): ItemDecision[] {
  const ids = [...new Set([...desired.keys(), ...recorded.keys()])].sort();
  return ids.map((id) => {
    const d = desired.get(id);
    const r = recorded.get(id);
    const address = (d ?? r)!.address;
    const liveHash = live.hashAt(address, r?.value, d?.value.type === "json" ? d.value.value : undefined);
    const decision = decide(r && { written: r.written, base: r.base }, liveHash, d?.hash, resolution);
    return { id, desired: d, recorded: r, liveHash, decision };
  });
}

/** The plan line for a decision, without patch and line counts (added when files are built). */
export function toPlanItem(x: ItemDecision, activePacks: ReadonlySet<string>, resolution: Resolution, live: LiveView): PlanItem {
  const { desired: d, recorded: r, decision } = x;
  const base = (d ?? r)!;
  const owners = d ? d.owners : r!.owners;
  const item: PlanItem = {
    address: x.id,
    target: base.address,
    action: decision.action,
    blocked: decision.blocked,
    owners,
    agent: base.agent as AgentId,
    serves: d ? d.serves : [r!.agent],
    description: d ? d.description : (r!.description ?? describeRecorded(r!)),
    reason: reasonFor(x, activePacks),
    hashes: { recorded: r?.written, live: x.liveHash, desired: d?.hash },
  };
  const group = d ? d.group : r!.group;
  if (group) item.group = group;
  if (base.address.kind !== "file" && (decision.blocked || decision.action === "update" || decision.action === "drift" || decision.action === "conflict")) {
    const liveValue = live.entry(base.address)?.value;
    item.values = {
      ...(r?.value !== undefined && { recorded: r.value }),
      ...(liveValue !== undefined && { live: liveValue }),
      ...(d?.value.type === "json" && { desired: d.value.value }),
    };
  }
  const diff = decision.write === "desired" || decision.blocked ? textChange(x, live) : undefined;
  if (diff) item.diff = diff;
  if ((decision.action === "conflict" || decision.action === "drift") && resolution !== "none") item.resolved_by = resolution;
  return item;
}

/** The diff from the text on disk to the pack's, for a file or marked section present on both sides. */
function textChange({ desired: d }: ItemDecision, live: LiveView): string | undefined {
  if (!d) return undefined;
  const a = d.address;
  if (a.kind === "section" && d.value.type === "text") {
    const now = live.entry(a)?.value;
    return typeof now === "string" ? unifiedDiff(now, d.value.text) : undefined;
  }
  if (a.kind === "file" && d.value.type === "file" && d.value.content.encoding === "utf8") {
    const now = live.file(a.path).text;
    return now === undefined ? undefined : unifiedDiff(now, d.value.content.text);
  }
  return undefined;
}

function describeRecorded(r: RecordedItem): string {
  switch (r.address.kind) {
    case "file":
      return "file";
    case "entry":
      return "config entry";
    case "element":
      return "list element";
    case "section":
      return "marked section";
  }
}

function reasonFor(x: ItemDecision, activePacks: ReadonlySet<string>): string {
  const { decision, recorded: r } = x;
  const gone = r ? r.owners.filter((o) => !activePacks.has(o)) : [];
  const why = gone.length > 0 ? `pack ${gone.map((g) => `"${g}"`).join(", ")} was removed from packs.yaml` : "no longer in the pack";
  const adoptedBefore = r !== undefined && r.written !== r.base;
  switch (decision.action) {
    case "create":
      return "not present yet";
    case "adopt":
      return r ? "already has the pack's value; packs records it" : "already present with the pack's value; packs takes ownership";
    case "conflict":
      if (adoptedBefore) return withResolution("you adopted this item and the pack has changed it since", x);
      return withResolution("something packs does not own is already here, with a different value", x);
    case "drift":
      return withResolution("changed by hand since the last apply", x);
    case "noop":
      return adoptedBefore ? "up to date (your adopted value)" : "up to date";
    case "update":
      return "the pack's value changed";
    case "recreate":
      return "deleted by hand since the last apply; packs restores it";
    case "delete":
      return `${why} (owned, unchanged)`;
    case "release":
      return `${why}, but changed by hand: kept as yours, packs stops managing it`;
    case "forget":
      return `${why}; already removed by hand, packs forgets it`;
  }
}

function withResolution(text: string, x: ItemDecision): string {
  if (x.decision.blocked) return `${text}. Keep yours: packs apply --adopt · overwrite: packs apply --force`;
  return x.decision.write === "desired" ? `${text}; overwritten (--force)` : `${text}; kept yours (--adopt), packs owns it now`;
}
