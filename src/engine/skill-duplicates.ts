/**
 * An agent that finds one skill name in two of its skill folders picks one of them at random
 * (opencode, see docs/agents.md). Warn when a skill packs places shares its name with a skill
 * folder packs does not own in another folder the same agent reads.
 */
import { adapterFor } from "../agents/registry.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DesiredItem } from "../core/item.js";
import type { Sidecar } from "../core/sidecar.js";
import type { ProjectFs } from "../io/project-fs.js";

export async function skillDuplicateWarnings(fs: ProjectFs, desired: readonly DesiredItem[], sidecars: readonly Sidecar[]): Promise<Diagnostic[]> {
  // packs' own copies (recorded, or placed by this plan for another agent) are not duplicates.
  const owned = new Set([...sidecars.flatMap((s) => Object.keys(s.items)), ...desired.map((d) => d.address.path)]);
  const seen = new Set<string>();
  const candidates: { twin: string; agent: string; name: string; item: DesiredItem }[] = [];
  for (const item of desired) {
    if (!item.group || seen.has(item.group)) continue;
    seen.add(item.group);
    const [dir, name] = splitSkillFolder(item.group);
    for (const agent of item.serves) {
      for (const other of adapterFor(agent).skillDirs) {
        const twin = `${other}/${name}/SKILL.md`;
        if (other !== dir && !owned.has(twin)) candidates.push({ twin, agent, name, item });
      }
    }
  }
  // Each skill folder is listed once, and only a name found there is checked for its SKILL.md:
  // a monorepo places thousands of skills, and most have no twin. Warnings keep the items' order.
  const listings = new Map<string, Promise<ReadonlySet<string>>>();
  const listed = (dir: string) => {
    let l = listings.get(dir);
    if (!l) listings.set(dir, (l = fs.list(dir).then((names) => new Set(names ?? []))));
    return l;
  };
  const found = await Promise.all(candidates.map(async (c) => {
    const dir = c.twin.slice(0, -`/${c.name}/SKILL.md`.length);
    return (await listed(dir)).has(c.name) && (await fs.exists(c.twin));
  }));
  const out: Diagnostic[] = [];
  for (const [i, { twin, agent, name, item }] of candidates.entries()) {
    if (!found[i]) continue;
    out.push({
      code: "skills/duplicate-name",
      severity: "warning",
      summary: `${agent} would see skill "${name}" twice: ${twin} and ${item.group}SKILL.md; it picks one at random`,
      location: { file: twin },
      hint: `Rename or remove one of them, or exclude it from pack "${item.owner}" (exclude: [skills/${name}]).`,
    });
  }
  return out;
}

function splitSkillFolder(group: string): [string, string] {
  const trimmed = group.slice(0, -1);
  const cut = trimmed.lastIndexOf("/");
  return [trimmed.slice(0, cut), trimmed.slice(cut + 1)];
}
