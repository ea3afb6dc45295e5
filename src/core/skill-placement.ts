/**
 * Where skill copies go. Each selected agent must read at least one copy. Among the sets of
 * folders that do that, packs takes the one where the fewest selected agents see the same skill
 * twice (opencode picks one copy at random, Codex lists both: docs/agents.md#across-agents),
 * then the fewest folders, then the folders earliest in `preference` (the shared
 * `.agents/skills` first). There are at most a handful of candidate folders, so every subset is
 * tried: the answer is the best one, not a greedy guess.
 */
import type { AgentId } from "./agent-id.js";

export interface SkillPlacement {
  dir: string;
  /** The agents that take their copy from this folder (each agent is served by exactly one). */
  serves: AgentId[];
}

export interface SkillPlan {
  placements: SkillPlacement[];
  /** Selected agents that read two of the chosen folders and so see each skill twice. */
  seenTwice: AgentId[];
}

export function placeSkills(
  agents: readonly AgentId[],
  readsFrom: (agent: AgentId) => readonly string[],
  preference: readonly string[],
): SkillPlan {
  if (agents.length === 0) return { placements: [], seenTwice: [] };
  const candidates = [...new Set([...preference, ...agents.flatMap((a) => readsFrom(a))])].filter((dir) =>
    agents.some((a) => readsFrom(a).includes(dir)),
  );
  const rank = (dir: string) => candidates.indexOf(dir);
  let best: { dirs: string[]; cost: number[] } | undefined;
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const dirs = candidates.filter((_, i) => mask & (1 << i));
    const seen = agents.map((a) => dirs.filter((d) => readsFrom(a).includes(d)).length);
    if (seen.some((n) => n === 0)) continue;
    const cost = [seen.filter((n) => n > 1).length, dirs.length, ...dirs.map(rank)];
    if (!best || lexLess(cost, best.cost)) best = { dirs, cost };
  }
  if (!best) throw new Error(`bug: an agent among ${agents.join(", ")} reads no skill folder`);
  const chosen = best.dirs;
  const serves = new Map<string, AgentId[]>(chosen.map((d) => [d, []]));
  for (const agent of agents) serves.get(chosen.find((d) => readsFrom(agent).includes(d))!)!.push(agent);
  return {
    placements: chosen.filter((d) => serves.get(d)!.length > 0).map((dir) => ({ dir, serves: serves.get(dir)!.sort() })),
    seenTwice: agents.filter((a) => chosen.filter((d) => readsFrom(a).includes(d)).length > 1).sort(),
  };
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x < y;
  }
  return false;
}
