/**
 * What the checks after the manifest's shape share: the pack's files, where to report, and
 * which manifest values already had a shape error (and so are not checked again).
 */
import type { SourceLocation } from "../core/diagnostics.js";
import type { PackFile } from "../core/pack-model.js";
import { locate, type YamlSource } from "../config/yaml-source.js";
import type { IssuePath } from "./manifest-issues.js";
import type { DiagnosticSink } from "./pack-diagnostics.js";
import { displayPath } from "./pack-paths.js";

export interface PackContext {
  displayRoot: string;
  /** The manifest, for positions. */
  source: YamlSource;
  /** The pack's files, sorted by path. */
  files: readonly PackFile[];
  /** Every skill folder in the pack (see skill-folders.ts), sorted. */
  skillFolders: readonly string[];
  sink: DiagnosticSink;
  isBroken(path: IssuePath): boolean;
  /** Remote skill source as written → the folder its fetched files are filed under. */
  remoteBases: ReadonlyMap<string, string>;
}

/** The position of a manifest value (or, with `which: "key"`, of its key). */
export function at(ctx: PackContext, path: IssuePath, which: "key" | "value" = "value"): SourceLocation {
  return locate(ctx.source, path, which);
}

/** A file of the pack, as a location without a position. */
export function fileLocation(ctx: Pick<PackContext, "displayRoot">, path: string): SourceLocation {
  return { file: displayPath(ctx.displayRoot, path) };
}
