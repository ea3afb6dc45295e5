/**
 * The skills of a pack: the folders bundled under `skills/`, plus those the `skills` list and
 * the skill groups bring in by path or local source. Each folder is one skill named after the
 * folder; two folders with the same name are an error (agents install skills by name). Skill
 * names in the lists must then match one of these skills.
 */
import type { SourceLocation } from "../core/diagnostics.js";
import type { Skill, SkillGroup } from "../core/pack-model.js";
import type { Manifest } from "./manifest-schema.js";
import { at, fileLocation, type PackContext } from "./pack-context.js";
import { compareStrings, displayPath, showDir } from "./pack-paths.js";
import { checkSkillFrontmatter } from "./skill-frontmatter.js";
import { resolveSkillEntries, type EntryFolders } from "./skill-entries.js";
import { BUNDLED_SKILLS_DIR, bundledSkillFolders, SKILL_FILE, skillFiles, skillFolderName } from "./skill-folders.js";
import { toSkillGroup } from "./skill-groups.js";

export function resolveSkills(ctx: PackContext, manifest: Manifest): { skills: Skill[]; skillGroups: SkillGroup[] } {
  const top = resolveSkillEntries(ctx, manifest.skills ?? [], ["skills"]);
  const groups = Object.entries(manifest.skill_groups ?? {})
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, group]) => ({ name, group, entries: resolveSkillEntries(ctx, group?.skills ?? [], ["skill_groups", name, "skills"]) }));

  // Bundled first, then in manifest order: the first folder to claim a name keeps it.
  const dirs = new Set<string>(bundledSkillFolders(ctx.skillFolders));
  for (const { dir } of [top, ...groups.map((g) => g.entries)].flatMap((e) => e.folders)) dirs.add(dir);

  const byName = new Map<string, Skill>();
  for (const dir of dirs) {
    const skill = loadSkill(ctx, dir);
    const taken = byName.get(skill.name);
    if (taken) {
      ctx.sink.error("pack/duplicate-skill", `skill "${skill.name}" is given by two folders: ${taken.dir} and ${dir}`, skill.nameLocation,
        `Rename or remove one of them; agents install skills by name, so only one "${skill.name}" can exist.`);
      continue;
    }
    byName.set(skill.name, skill.skill);
  }

  resolveNames(ctx, top, byName);
  const skillGroups = groups.map(({ name, group, entries }) => toSkillGroup(ctx, name, group, resolveNames(ctx, entries, byName)));
  const skills = [...byName.values()].sort((a, b) => compareStrings(a.name, b.name));
  return { skills, skillGroups };
}

/** The names of the skills an entry list refers to, reporting the ones that match no skill. */
function resolveNames(ctx: PackContext, entries: EntryFolders, byName: ReadonlyMap<string, Skill>): string[] {
  const names = entries.folders.map(({ dir }) => skillFolderName(dir));
  for (const ref of entries.refs) {
    if (byName.has(ref.name)) {
      names.push(ref.name);
      continue;
    }
    ctx.sink.error("pack/unknown-skill", `no skill "${ref.name}" in this pack`, at(ctx, ref.path), unknownSkillHint(ref.name, byName));
  }
  return names;
}

function unknownSkillHint(name: string, byName: ReadonlyMap<string, Skill>): string {
  const known = [...byName.keys()].sort(compareStrings);
  const bundle = `Bundle it as ${BUNDLED_SKILLS_DIR}/${name || "<name>"}/${SKILL_FILE}, or list its folder with "path: …".`;
  return known.length ? `${bundle} Skills in this pack: ${known.join(", ")}.` : bundle;
}

interface LoadedSkill {
  name: string;
  /** Where a duplicate of this skill is reported. */
  nameLocation: SourceLocation;
  skill: Skill;
}

/** The skill in folder `dir`, its SKILL.md checked (problems go to the sink). */
function loadSkill(ctx: PackContext, dir: string): LoadedSkill {
  const name = skillFolderName(dir);
  const files = skillFiles(ctx.files, dir);
  const skillFile = files.find((f) => f.path === SKILL_FILE);
  const shown = displayPath(ctx.displayRoot, `${dir}/${SKILL_FILE}`);
  if (skillFile?.content.encoding !== "utf8") {
    ctx.sink.error("pack/not-utf8", `${SKILL_FILE} of skill ${showDir(dir)} is not UTF-8 text`, fileLocation(ctx, `${dir}/${SKILL_FILE}`),
      `Save ${SKILL_FILE} as UTF-8.`);
    return { name, nameLocation: { file: shown }, skill: { name, description: "", dir, files } };
  }
  const checked = checkSkillFrontmatter(shown, skillFile.content.text, name);
  ctx.sink.add(...checked.diagnostics);
  return { name, nameLocation: checked.nameLocation, skill: { name, description: checked.description ?? "", dir, files } };
}
