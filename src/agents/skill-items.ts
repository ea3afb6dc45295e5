/**
 * Skill folders as desired items: every file of every selected skill, once per placement folder
 * (see core/skill-placement), each file owned whole. The plan groups them by skill folder.
 */
import type { DesiredItem } from "../core/item.js";
import type { SkillPlacement } from "../core/skill-placement.js";
import type { Selection } from "../core/select-components.js";

export function skillItems(sel: Selection, placements: readonly SkillPlacement[]): DesiredItem[] {
  const items: DesiredItem[] = [];
  for (const p of placements) {
    for (const skill of sel.skills) {
      const folder = `${p.dir}/${skill.name}/`;
      for (const f of skill.files) {
        items.push({
          address: { kind: "file", path: folder + f.path },
          owner: sel.key,
          agent: p.serves[0]!,
          serves: [...p.serves],
          value: { type: "file", content: f.content, hash: f.hash, ...(f.executable && { executable: f.executable }) },
          description: `skill ${skill.name}`,
          group: folder,
        });
      }
    }
  }
  return items;
}
