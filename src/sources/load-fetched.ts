/**
 * A fetched tree (a local folder, a git commit, an unpacked tarball) → the Pack model, with the
 * read limits reported as diagnostics. One place for every kind of source.
 */
import type { PackEntry } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { Pack } from "../core/pack-model.js";
import { contentHash } from "../io/hash.js";
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES, DEFAULT_MAX_TOTAL_BYTES, type ReadTreeResult } from "../io/read-tree.js";
import { loadPack } from "../packs/load-pack.js";

/** `remote`: the trees fetched for the manifest's remote skill sources, by source as written. */
export function loadFetchedTree(entry: PackEntry, displayRoot: string, tree: ReadTreeResult, remote: Record<string, ReadTreeResult> = {}): { pack?: Pack; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = tree.tooLarge.map((p) => ({
    code: "source/file-too-large",
    severity: "error" as const,
    summary: `pack "${entry.key}": a file is larger than ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024} MiB, the most packs reads from a pack`,
    location: { file: `${displayRoot}/${p}` },
    hint: "Keep large files out of packs; agents load skills into their context.",
  }));
  if (tree.truncated) {
    diagnostics.push({
      code: "source/too-many-files",
      severity: "error",
      summary: `pack "${entry.key}": ${displayRoot} holds more than ${DEFAULT_MAX_FILES} files, the most packs reads from a pack`,
      location: entry.location,
      hint: "Point the source (or path:) at the pack's own folder, not at a larger tree that contains it.",
    });
    return { diagnostics };
  }
  if (tree.totalTooLarge) {
    diagnostics.push({
      code: "source/pack-too-large",
      severity: "error",
      summary: `pack "${entry.key}": the files of ${displayRoot} together are larger than ${DEFAULT_MAX_TOTAL_BYTES / 1024 / 1024} MiB, the most packs reads from a pack`,
      location: entry.location,
      hint: "A pack is a handful of text files; point the source (or path:) at the pack's own folder, and keep data out of it.",
    });
    return { diagnostics };
  }
  const asFiles = (t: ReadTreeResult) => t.files.map((f) => ({ path: f.path, executable: f.executable, ...contentHash(f.bytes) }));
  const loaded = loadPack({
    displayRoot,
    files: asFiles(tree),
    symlinks: tree.symlinks,
    remote: Object.fromEntries(Object.entries(remote).map(([source, t]) => [source, asFiles(t)])),
  });
  return { ...(loaded.pack && { pack: loaded.pack }), diagnostics: [...diagnostics, ...loaded.diagnostics] };
}
