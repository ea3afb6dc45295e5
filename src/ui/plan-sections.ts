/**
 * The plan as views lay it out: one section per pack of packs.yaml (then one per set of removed
 * owners), and inside each the lines grouped by the agents that read them, in the plan's agent
 * order. Pure data shaping; the ink view and tests share it.
 */
import type { AgentId } from "../core/agent-id.js";
import { groupBy } from "../core/group-by.js";
import type { Plan, PlanItem, PlanPack } from "../core/plan-model.js";
import { foldSkills, type PlanLine } from "./fold-skills.js";

export interface AgentGroup {
  /** The agents that read these lines, e.g. `claude-code` or `codex + gemini` for a shared folder. */
  label: string;
  lines: PlanLine[];
}

export interface PlanSection {
  /** The pack of packs.yaml, or absent for items whose packs were removed from it. */
  pack?: PlanPack;
  /** For removed packs: their names, as the sidecars recorded them. */
  removed?: string[];
  groups: AgentGroup[];
}

export function planSections(plan: Plan): PlanSection[] {
  const order = new Map<AgentId, number>(plan.agents.map((a, i) => [a, i]));
  const rank = (a: AgentId) => order.get(a) ?? order.size;
  const byKey = new Map<string, { section: PlanSection; items: PlanItem[] }>();
  for (const p of plan.packs) byKey.set(p.name, { section: { pack: p, groups: [] }, items: [] });
  for (const item of plan.items) {
    if (item.action === "noop") continue;
    const owner = item.owners.find((o) => byKey.get(o)?.section.pack);
    const key = owner ?? `removed:${item.owners.join(",")}`;
    if (!byKey.has(key)) byKey.set(key, { section: { removed: item.owners, groups: [] }, items: [] });
    byKey.get(key)!.items.push(item);
  }
  return [...byKey.values()].map(({ section, items }) => {
    const agentsOf = (i: PlanItem) => [...i.serves].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const sorted = [...items].sort((a, b) => rank(agentsOf(a)[0]!) - rank(agentsOf(b)[0]!));
    const groups = groupBy(sorted, (i) => agentsOf(i).join(" + "));
    return { ...section, groups: [...groups].map(([label, xs]) => ({ label, lines: foldSkills(xs) })) };
  });
}
