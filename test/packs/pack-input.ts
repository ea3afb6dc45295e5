/** Test builders: a pack as a map of path → text (or bytes), turned into loadPack's input. */
import { contentHash } from "../../src/io/hash.js";
import type { ReadTreeResult } from "../../src/io/read-tree.js";
import type { PackInput } from "../../src/packs/load-pack.js";
import { formatLocation, type Diagnostic } from "../../src/core/diagnostics.js";

export const ROOT = "packs/demo";

export function packInput(files: Record<string, string | Uint8Array>, symlinks?: string[], displayRoot = ROOT): PackInput {
  const entries = Object.entries(files).map(([path, data]) => {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    return { path, ...contentHash(bytes) };
  });
  return symlinks ? { displayRoot, files: entries, symlinks } : { displayRoot, files: entries };
}

export function treeInput(tree: ReadTreeResult, displayRoot: string): PackInput {
  return { displayRoot, files: tree.files.map((f) => ({ path: f.path, ...contentHash(f.bytes) })), symlinks: tree.symlinks };
}

/** `code @ file:line:col`, the form the tables below compare. */
export function brief(d: Diagnostic): string {
  return `${d.code} @ ${d.location ? formatLocation(d.location) : "-"}`;
}

/** A SKILL.md with a valid frontmatter. */
export function skillMd(name: string, description = `Does ${name} things.`): string {
  return `---\nname: ${name}\ndescription: ${description}\n---\n\n# ${name}\n`;
}
