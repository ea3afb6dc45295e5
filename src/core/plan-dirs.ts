/**
 * Folders: which to create before writing (remembered as created by packs), and which packs
 * created that are empty once the writes are done, so removal leaves no trace. A folder the
 * user had is never removed.
 */
export interface DirPlan {
  mkdir: string[];
  rmdir: string[];
  createdNow: string[];
}

export function planDirs(
  written: readonly string[],
  deleted: readonly string[],
  dirs: Readonly<Record<string, string[] | null>>,
  created: ReadonlySet<string>,
): DirPlan {
  const mkdir = new Set<string>();
  for (const path of written) for (const dir of ancestors(path)) if (dirs[dir] === null) mkdir.add(dir);

  const deletedSet = new Set(deleted);
  const busy = new Set<string>();
  for (const path of written) for (const dir of ancestors(path)) busy.add(dir);
  const removed = new Set<string>();
  const candidates = [...created]
    .filter((c) => c.endsWith("/"))
    .map((c) => c.slice(0, -1))
    .filter((d) => !busy.has(d) && dirs[d] != null)
    .sort((a, b) => depth(b) - depth(a) || a.localeCompare(b));
  for (const dir of candidates) {
    const entries = dirs[dir]!;
    if (entries.every((name) => deletedSet.has(`${dir}/${name}`) || removed.has(`${dir}/${name}`))) removed.add(dir);
  }
  const sortedMk = [...mkdir].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  return { mkdir: sortedMk, rmdir: [...removed], createdNow: sortedMk.map((d) => `${d}/`) };
}

/** Every folder above a project-relative path, outermost first (not the project root). */
export function ancestors(path: string): string[] {
  const parts = path.split("/");
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return out;
}

function depth(p: string): number {
  return p.split("/").length;
}
