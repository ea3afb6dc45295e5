/**
 * One list of `skills` entries (top level or a group's) → the skill folders it brings into the
 * pack and the skill names it refers to. Names are resolved later, once every folder is known,
 * so an entry may name a skill that another entry (or the bundled `skills/` folder) provides.
 *
 * Entry forms: `my-skill` (a name), `{path: dir}` (one skill folder), `{source: ./dir, select}`
 * (every skill folder under a folder, optionally only the selected names). A remote source
 * (`owner/repo`, `github:…`, `git+…`) is read from the tree the resolver fetched for it
 * (see remote-skill-sources.ts), pinned in the lock like the pack itself.
 */
import type { SkillEntry } from "./manifest-schema.js";
import type { IssuePath } from "./manifest-issues.js";
import { at, type PackContext } from "./pack-context.js";
import { isAtOrUnder, safeRelativePath, showDir } from "./pack-paths.js";
import { BUNDLED_SKILLS_DIR, enclosingSkillFolder, SKILL_FILE, skillFolderName, skillFoldersUnder } from "./skill-folders.js";

export interface EntryFolders {
  /** Skill folders brought in, with the manifest path of the entry (or select item) that did. */
  folders: { dir: string; path: IssuePath }[];
  /** Skill names referred to, with where. */
  refs: { name: string; path: IssuePath }[];
}

export function resolveSkillEntries(ctx: PackContext, entries: readonly SkillEntry[], listPath: IssuePath): EntryFolders {
  const out: EntryFolders = { folders: [], refs: [] };
  entries.forEach((entry, i) => {
    const path = [...listPath, i];
    if (ctx.isBroken(path)) return;
    if (typeof entry === "string") {
      out.refs.push({ name: entry, path });
      return;
    }
    const { path: dir, source, select } = entry;
    const problem = entryProblem(typeof dir === "string", typeof source === "string", select != null);
    if (problem) {
      ctx.sink.error("pack/invalid-skill-entry", `skills entry ${problem}`, at(ctx, path),
        'Write "path: skills/my-skill" for one skill folder, or "source: ./vendor-skills" (with an optional select list) for the skills under a folder.');
      return;
    }
    if (typeof dir === "string") {
      const found = resolvePath(ctx, dir, [...path, "path"]);
      if (found !== undefined) out.folders.push({ dir: found, path });
    } else if (typeof source === "string") {
      resolveSource(ctx, source, select ?? undefined, path, out);
    }
  });
  return out;
}

function entryProblem(hasPath: boolean, hasSource: boolean, hasSelect: boolean): string | undefined {
  if (hasPath && hasSource) return "has both path and source";
  if (!hasPath && !hasSource) return "needs a path or a source";
  if (hasPath && hasSelect) return "has select, which only applies to source";
  return undefined;
}

function resolvePath(ctx: PackContext, raw: string, path: IssuePath): string | undefined {
  const dir = safePath(ctx, raw, path);
  if (dir === undefined) return undefined;
  if (ctx.skillFolders.includes(dir)) return dir;
  const outer = enclosingSkillFolder(ctx.skillFolders, dir);
  const hasFiles = ctx.files.some((f) => isAtOrUnder(f.path, dir));
  const summary = dir === "" ? "the pack root cannot be a skill folder"
    : outer !== undefined ? `${showDir(dir)} is inside the skill folder ${outer}, so it is a file of that skill`
    : hasFiles ? `${showDir(dir)} has no ${SKILL_FILE}`
    : `there is no folder ${showDir(dir)} in the pack`;
  ctx.sink.error("pack/skill-not-found", summary, at(ctx, path),
    `Point path at a folder holding a ${SKILL_FILE}, e.g. ${BUNDLED_SKILLS_DIR}/my-skill (symlinks are not followed).`);
  return undefined;
}

function resolveSource(ctx: PackContext, raw: string, select: readonly string[] | undefined, entryPath: IssuePath, out: EntryFolders): void {
  const path = [...entryPath, "source"];
  let base: string | undefined;
  if (!isLocalSkillSource(raw)) {
    base = ctx.remoteBases.get(raw);
    if (base === undefined) {
      ctx.sink.error("pack/remote-skill-source", `remote skill source "${raw}" was not fetched`, at(ctx, path),
        `packs fetches remote skill sources (owner/repo, github:owner/repo, git+<url>) when it resolves the pack; to check the pack on its own, vendor the skills into ${BUNDLED_SKILLS_DIR}/<name>/${SKILL_FILE}.`);
      return;
    }
  } else base = safePath(ctx, raw, path);
  if (base === undefined) return;
  const found = skillFoldersUnder(ctx.skillFolders, base);
  if (found.length === 0) {
    ctx.sink.error("pack/skill-not-found", `no skill folders (folders with a ${SKILL_FILE}) under ${showDir(base)}`, at(ctx, path),
      `Put each skill in its own folder under ${showDir(base)}, with a ${SKILL_FILE}; symlinks are not followed.`);
    return;
  }
  if (select === undefined) {
    for (const dir of found) out.folders.push({ dir, path: entryPath });
    return;
  }
  select.forEach((name, j) => {
    const itemPath = [...entryPath, "select", j];
    if (ctx.isBroken(itemPath)) return;
    const matches = found.filter((dir) => skillFolderName(dir) === name);
    if (matches.length === 0) {
      ctx.sink.error("pack/unknown-skill", `no skill "${name}" under ${showDir(base)}`, at(ctx, itemPath),
        `Skills found there: ${found.map(skillFolderName).join(", ")}.`);
    }
    for (const dir of matches) out.folders.push({ dir, path: itemPath });
  });
}

/**
 * A source written as a path (`./vendor`, `../x`, `/abs`, `~/x`, `C:\x`) is local, and then
 * checked for safety; anything else (`owner/repo`, `github:…`, `https://…`) is remote.
 */
export function isLocalSkillSource(raw: string): boolean {
  return raw.startsWith(".") || raw.startsWith("/") || raw.startsWith("~") || raw.includes("\\") || /^[A-Za-z]:/.test(raw);
}

function safePath(ctx: PackContext, raw: string, path: IssuePath): string | undefined {
  const safe = safeRelativePath(raw);
  if (safe.ok) return safe.path;
  ctx.sink.error("pack/unsafe-path", `path "${raw}" ${safe.reason}`, at(ctx, path),
    'Use a relative path inside the pack with forward slashes, e.g. "./skills/my-skill".');
  return undefined;
}
