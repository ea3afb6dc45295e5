/**
 * Where the skills of a pack are: any folder (other than the pack root) with a `SKILL.md` file.
 * A SKILL.md inside another skill's folder belongs to that outer skill as one of its files:
 * agents install skills as flat folders, so a skill cannot contain a skill.
 */
import type { PackFile } from "../core/pack-model.js";
import { basename, compareStrings, dirname, isAtOrUnder, relativeTo } from "./pack-paths.js";

export const SKILL_FILE = "SKILL.md";
/** Skills bundled here, at any depth, are part of the pack without being listed. */
export const BUNDLED_SKILLS_DIR = "skills";

/** Every skill folder of the pack, sorted. `paths` are the pack's file paths. */
export function findSkillFolders(paths: readonly string[]): string[] {
  const withSkillFile = paths.filter((p) => basename(p) === SKILL_FILE && p.includes("/")).map(dirname);
  const all = new Set(withSkillFile);
  return withSkillFile.filter((dir) => !hasAncestorIn(dir, all)).sort(compareStrings);
}

/** The skill folders at `base` or below it. */
export function skillFoldersUnder(folders: readonly string[], base: string): string[] {
  return folders.filter((f) => isAtOrUnder(f, base));
}

/** The skill folders strictly below `skills/`: the bundled skills. */
export function bundledSkillFolders(folders: readonly string[]): string[] {
  return folders.filter((f) => f.startsWith(`${BUNDLED_SKILLS_DIR}/`));
}

/** The skill folder that `dir` lies inside (not equal to), if any. */
export function enclosingSkillFolder(folders: readonly string[], dir: string): string | undefined {
  return folders.find((f) => f !== dir && isAtOrUnder(dir, f));
}

/** Every file of the skill folder `dir`, paths relative to it, sorted. */
export function skillFiles(files: readonly PackFile[], dir: string): PackFile[] {
  return files
    .filter((f) => f.path.startsWith(`${dir}/`))
    .map((f) => ({ ...f, path: relativeTo(f.path, dir) }))
    .sort((a, b) => compareStrings(a.path, b.path));
}

/** The name a skill folder gives its skill. */
export function skillFolderName(dir: string): string {
  return basename(dir);
}

function hasAncestorIn(dir: string, dirs: ReadonlySet<string>): boolean {
  for (let d = dirname(dir); d !== ""; d = dirname(d)) if (dirs.has(d)) return true;
  return false;
}
