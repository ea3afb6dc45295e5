/**
 * Plan lines as views show them: the files of one skill folder with one action fold into one
 * line, unless a file carries a diff (then each file keeps its line, so every diff is shown).
 */
import type { PlanItem } from "../core/plan-model.js";

export interface PlanLine {
  item: PlanItem;
  /** The item's address, or the skill folder's when folded. */
  address: string;
  description: string;
}

export function foldSkills(items: readonly PlanItem[]): PlanLine[] {
  const out: PlanLine[] = [];
  const seen = new Set<string>();
  for (const i of items) {
    if (i.group) {
      const same = items.filter((x) => x.group === i.group);
      if (same.every((x) => x.action === i.action && x.blocked === i.blocked && !x.diff)) {
        if (seen.has(i.group)) continue;
        seen.add(i.group);
        const n = same.length;
        out.push({ item: i, address: i.group, description: `${i.description} (${n} file${n === 1 ? "" : "s"})` });
        continue;
      }
    }
    out.push({ item: i, address: i.address, description: i.description });
  }
  return out;
}
