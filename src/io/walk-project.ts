/**
 * The project's file paths (POSIX, relative), for detect globs. Skips version control, package
 * folders and packs' own state; never follows symlinks; stops after `max` files.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";

const SKIP = new Set([".git", "node_modules", ".packs", ".hg", ".svn"]);

export async function walkProject(root: string, max = 50_000): Promise<string[]> {
  const out: string[] = [];
  const queue: string[] = [""];
  while (queue.length > 0 && out.length < max) {
    const rel = queue.shift()!;
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) queue.push(p);
      } else if (e.isFile()) out.push(p);
    }
  }
  return out;
}
