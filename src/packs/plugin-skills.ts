/**
 * The skills of a plugin, found as Claude Code finds them: each `skills/<name>/SKILL.md`, plus
 * what the manifest's `skills` field lists. Listed paths add to the default `skills/` folder (they
 * do not replace it); a listed path is either one skill folder (it holds a SKILL.md) or a folder
 * whose subfolders are skill folders (`"skills": "./custom/skills/"`). Folders deeper than that
 * are not skills of the plugin, so a SKILL.md at `skills/a/b/SKILL.md` is reported, not installed.
 *
 * Every SKILL.md is checked as in a PACK.yaml pack (skill-frontmatter.ts): its name must be its
 * folder's name, and it needs a description.
 */
import type { SourceLocation } from "../core/diagnostics.js";
import type { Skill } from "../core/pack-model.js";
import { compareStrings, dirname, displayPath, isAtOrUnder, showDir } from "./pack-paths.js";
import { atManifest, listSome, pluginFileLocation, type PluginContext } from "./plugin-context.js";
import type { ManifestPath } from "./plugin-manifest.js";
import { checkSkillFrontmatter } from "./skill-frontmatter.js";
import { BUNDLED_SKILLS_DIR, enclosingSkillFolder, findSkillFolders, SKILL_FILE, skillFiles, skillFolderName } from "./skill-folders.js";

export function pluginSkills(ctx: PluginContext, listed: readonly ManifestPath[]): Skill[] {
  const folders = findSkillFolders(ctx.files.map((f) => f.path));
  const dirs = new Set(folders.filter((f) => dirname(f) === BUNDLED_SKILLS_DIR));
  for (const entry of listed) for (const dir of listedFolders(ctx, folders, entry)) dirs.add(dir);
  reportUnreachable(ctx, folders, dirs);
  if (dirs.size === 0 && listed.length === 0 && ctx.files.some((f) => f.path === SKILL_FILE)) {
    ctx.sink.warning("pack/plugin-file-ignored", `${SKILL_FILE} at the root of the plugin (a single-skill plugin) is not read`, pluginFileLocation(ctx, SKILL_FILE),
      `Move it to ${BUNDLED_SKILLS_DIR}/<name>/${SKILL_FILE}, <name> being the skill's name; its other files go into that folder too.`);
  }

  const byName = new Map<string, Skill>();
  for (const dir of [...dirs].sort(compareStrings)) {
    const loaded = loadSkill(ctx, dir);
    const taken = byName.get(loaded.skill.name);
    if (taken) {
      ctx.sink.error("pack/duplicate-skill", `skill "${loaded.skill.name}" is given by two folders: ${taken.dir} and ${dir}`, loaded.nameLocation,
        `Rename or remove one of them; agents install skills by name, so only one "${loaded.skill.name}" can exist.`);
      continue;
    }
    byName.set(loaded.skill.name, loaded.skill);
  }
  return [...byName.values()].sort((a, b) => compareStrings(a.name, b.name));
}

function listedFolders(ctx: PluginContext, folders: readonly string[], entry: ManifestPath): string[] {
  const { path } = entry;
  if (folders.includes(path)) return [path];
  const children = folders.filter((f) => dirname(f) === path);
  if (children.length > 0) return children;
  const outer = enclosingSkillFolder(folders, path);
  const hasFiles = ctx.files.some((f) => isAtOrUnder(f.path, path) && f.path !== path);
  const summary = outer !== undefined ? `${showDir(path)} is inside the skill folder ${outer}, so it is a file of that skill`
    : hasFiles ? `${showDir(path)} has no ${SKILL_FILE}, and no subfolder of it has one`
    : `there is no folder ${showDir(path)} in the plugin`;
  ctx.sink.error("pack/skill-not-found", summary, atManifest(ctx, entry.at),
    `List a skill folder (one holding a ${SKILL_FILE}) or a folder of skill folders, e.g. "./custom/skills/"; symlinks are not followed.`);
  return [];
}

/** A SKILL.md under skills/ that neither the default folder nor a listed path reaches. */
function reportUnreachable(ctx: PluginContext, folders: readonly string[], dirs: ReadonlySet<string>): void {
  const missed = folders.filter((f) => f.startsWith(`${BUNDLED_SKILLS_DIR}/`) && !dirs.has(f));
  if (missed.length === 0) return;
  ctx.sink.warning("pack/plugin-file-ignored", `skill folders nested below ${BUNDLED_SKILLS_DIR}/<name>/ are not skills of the plugin: ${listSome(missed)}`,
    pluginFileLocation(ctx, `${missed[0]}/${SKILL_FILE}`),
    `Plugin hosts read ${BUNDLED_SKILLS_DIR}/<name>/${SKILL_FILE} only; list the deeper folders in plugin.json, e.g. "skills": ["./${missed[0]}"].`);
}

function loadSkill(ctx: PluginContext, dir: string): { skill: Skill; nameLocation: SourceLocation } {
  const name = skillFolderName(dir);
  const files = skillFiles(ctx.files, dir);
  const skillFile = files.find((f) => f.path === SKILL_FILE);
  const shown = displayPath(ctx.displayRoot, `${dir}/${SKILL_FILE}`);
  if (skillFile?.content.encoding !== "utf8") {
    ctx.sink.error("pack/not-utf8", `${SKILL_FILE} of skill ${dir} is not UTF-8 text`, { file: shown }, `Save ${SKILL_FILE} as UTF-8.`);
    return { skill: { name, description: "", dir, files }, nameLocation: { file: shown } };
  }
  const checked = checkSkillFrontmatter(shown, skillFile.content.text, name);
  ctx.sink.add(...checked.diagnostics);
  return { skill: { name, description: checked.description ?? "", dir, files }, nameLocation: checked.nameLocation };
}
