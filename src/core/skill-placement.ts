/**
 * Where skill copies go: the fewest folders that every selected agent reads at least one of.
 * Greedy set cover, ties broken by the order of `preference` (the shared `.agents/skills`
 * first), so one copy serves as many agents as it can and each agent sees each skill once.
 */
import type { AgentId } from "./agent-id.js";

export interface SkillPlacement {
  dir: string;
  serves: AgentId[];
}

export function placeSkills(
  agents: readonly AgentId[],
  readsFrom: (agent: AgentId) => readonly string[],
  preference: readonly string[],
): SkillPlacement[] {
  const uncovered = new Set(agents);
  const out: SkillPlacement[] = [];
  const candidates = [...new Set([...preference, ...agents.flatMap((a) => readsFrom(a))])];
  while (uncovered.size > 0) {
    let best: SkillPlacement | undefined;
    for (const dir of candidates) {
      const serves = [...uncovered].filter((a) => readsFrom(a).includes(dir));
      if (serves.length > (best?.serves.length ?? 0)) best = { dir, serves };
    }
    if (!best) throw new Error(`bug: agent ${[...uncovered][0]} reads no skill folder`);
    best.serves.forEach((a) => uncovered.delete(a));
    out.push({ dir: best.dir, serves: best.serves.sort() });
  }
  return out;
}
