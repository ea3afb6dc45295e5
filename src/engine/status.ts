/**
 * `packs status`: per pack and agent, how many items are installed, drifted (changed or deleted
 * by hand), blocked (a conflict to resolve) and pending (an apply would change them). Read-only:
 * it is the plan, counted.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { PlanItem } from "../core/plan-model.js";
import { makePlan, type EngineContext } from "./make-plan.js";

export interface StatusCounts {
  installed: number;
  drifted: number;
  blocked: number;
  pending: number;
}

export interface PackStatus {
  name: string;
  version: string;
  source: string;
  resolved: string;
  /** Agent → counts; agents with no item of the pack are left out. */
  agents: Record<string, StatusCounts>;
}

export type StatusOutcome = { ok: true; packs: PackStatus[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export async function status(ctx: EngineContext): Promise<StatusOutcome> {
  const planned = await makePlan({ resolution: "none" }, ctx);
  if (!planned.ok) return planned;
  const { plan } = planned;
  const packs: PackStatus[] = plan.packs.map((p) => ({ name: p.name, version: p.version, source: p.source, resolved: p.resolved, agents: {} }));
  const removed = new Map<string, PackStatus>();
  for (const item of plan.items) {
    for (const owner of item.owners) {
      let pack = packs.find((p) => p.name === owner) ?? removed.get(owner);
      if (!pack) {
        pack = { name: owner, version: "", source: "(removed from packs.yaml)", resolved: "", agents: {} };
        removed.set(owner, pack);
      }
      for (const agent of item.serves) {
        const counts = (pack.agents[agent] ??= { installed: 0, drifted: 0, blocked: 0, pending: 0 });
        counts[bucket(item)]++;
      }
    }
  }
  return { ok: true, packs: [...packs, ...removed.values()], diagnostics: plan.diagnostics };
}

function bucket(item: PlanItem): keyof StatusCounts {
  if (item.blocked) return item.action === "drift" ? "drifted" : "blocked";
  switch (item.action) {
    case "noop":
    case "adopt":
      return "installed";
    case "recreate":
    case "release":
    case "forget":
      return "drifted";
    default:
      return "pending";
  }
}
