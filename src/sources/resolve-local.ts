/**
 * Local sources: a folder in (or beside) the project, read as it is now. The lock records the
 * path; its tree integrity hash says what was there.
 */
import { resolve } from "node:path";
import type { PackEntry } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { Pack } from "../core/pack-model.js";
import type { SourcePin } from "../core/source-pin.js";
import { contentHash } from "../io/hash.js";
import { isDirectory, type ProjectFs } from "../io/project-fs.js";
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES, readTree } from "../io/read-tree.js";
import { loadPack } from "../packs/load-pack.js";

export interface ResolvedPack {
  entry: PackEntry;
  pack: Pack;
  /** What the source resolved to, as recorded in the lock. */
  pin: SourcePin;
}

export async function resolveSource(entry: PackEntry, fs: ProjectFs): Promise<{ resolved?: ResolvedPack; diagnostics: Diagnostic[] }> {
  const src = entry.source;
  if (src.kind !== "local") {
    return {
      diagnostics: [{
        code: "source/unsupported",
        severity: "error",
        summary: `pack "${entry.key}": ${src.kind} sources (${entry.sourceText}) are not supported by this version of packs`,
        location: entry.location,
        hint: "Use a local folder for now (source: ./packs/<name>), e.g. a vendored copy of the pack.",
      }],
    };
  }
  const abs = resolve(fs.root, src.path);
  const display = fs.rel(abs) ?? abs;
  if (!(await isDirectory(abs))) {
    return {
      diagnostics: [{
        code: "source/not-found",
        severity: "error",
        summary: `pack "${entry.key}": the folder ${src.path} does not exist`,
        location: entry.location,
        hint: `Create it with a PACK.yaml inside, or fix source: in packs.yaml (paths are relative to the project root).`,
      }],
    };
  }
  const tree = await readTree(abs);
  const diagnostics: Diagnostic[] = tree.tooLarge.map((p) => ({
    code: "source/file-too-large",
    severity: "error" as const,
    summary: `pack "${entry.key}": a file is larger than ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024} MiB, the most packs reads from a pack`,
    location: { file: `${display}/${p}` },
    hint: "Keep large files out of packs; agents load skills into their context.",
  }));
  if (tree.truncated) {
    diagnostics.push({
      code: "source/too-many-files",
      severity: "error",
      summary: `pack "${entry.key}": ${display} holds more than ${DEFAULT_MAX_FILES} files, the most packs reads from a pack`,
      location: entry.location,
      hint: "Point source: at the pack's own folder, not at a larger tree that contains it.",
    });
    return { diagnostics };
  }
  const loaded = loadPack({
    displayRoot: display,
    files: tree.files.map((f) => ({ path: f.path, executable: f.executable, ...contentHash(f.bytes) })),
    symlinks: tree.symlinks,
  });
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.pack) return { diagnostics };
  return { resolved: { entry, pack: loaded.pack, pin: { kind: "local", resolved: src.path } }, diagnostics };
}
