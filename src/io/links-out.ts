/**
 * Symlinks that lead out of the project. The project file port checks paths lexically; a folder
 * of the project that is a symlink to somewhere else (`.agents -> ~/.config/x`, as a cloned
 * repository may hold) would make a write to `.agents/skills/x/SKILL.md` land outside it. The
 * planner asks, for every path it would write, create or remove, whether an existing part of it
 * is such a link.
 */
import { lstat, realpath } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";

/**
 * For each project-relative path, the first existing prefix (`a`, `a/b`, … the path itself) that
 * is a symlink resolving outside the project root; paths without one are left out.
 */
export async function linksOutOfProject(root: string, paths: readonly string[]): Promise<Map<string, string>> {
  const realRoot = await realpath(root);
  const seen = new Map<string, boolean>(); // prefix → is a link out
  const out = new Map<string, string>();
  for (const p of paths) {
    const segs = p.replace(/\/+$/, "").split("/").filter(Boolean);
    for (let i = 1; i <= segs.length; i++) {
      const prefix = segs.slice(0, i).join("/");
      let bad = seen.get(prefix);
      if (bad === undefined) {
        bad = await isLinkOut(join(root, prefix), realRoot);
        seen.set(prefix, bad);
      }
      if (bad) {
        out.set(p, prefix);
        break;
      }
    }
  }
  return out;
}

async function isLinkOut(abs: string, realRoot: string): Promise<boolean> {
  try {
    if (!(await lstat(abs)).isSymbolicLink()) return false;
  } catch {
    return false; // does not exist (yet): nothing to follow
  }
  let target: string;
  try {
    target = await realpath(abs);
  } catch {
    return true; // a dangling link: where a write would land is not known to be inside
  }
  const back = relative(realRoot, target);
  return back === ".." || back.startsWith(`..${"/"}`) || back.startsWith("..\\") || isAbsolute(back);
}
