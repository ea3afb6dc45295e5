/**
 * What the loaders of the plugin formats share: the plugin's files, its parsed manifest (for
 * positions), and where problems go. A plugin is data here, as a PACK.yaml pack is.
 */
import type { SourceLocation } from "../core/diagnostics.js";
import type { PackFile } from "../core/pack-model.js";
import { locateJson, type JsonPath, type JsonSource } from "./json-source.js";
import { displayPath } from "./pack-paths.js";
import type { PluginSink } from "./plugin-diagnostics.js";

/** `claude-plugin`: `.claude-plugin/plugin.json`; `apm-bundle`: `plugin.json` at the root (microsoft/apm `apm pack`). */
export type PluginFormat = "claude-plugin" | "apm-bundle";

export interface PluginContext {
  format: PluginFormat;
  displayRoot: string;
  /** Every file of the plugin, sorted by path. */
  files: readonly PackFile[];
  /** The manifest (`plugin.json`), for positions. */
  manifest: JsonSource;
  sink: PluginSink;
}

/** The position of a manifest value (or, with `which: "key"`, of its key). */
export function atManifest(ctx: PluginContext, path: JsonPath, which: "key" | "value" = "value"): SourceLocation {
  return locateJson(ctx.manifest, path, which);
}

/** A file of the plugin, as a location without a position. */
export function pluginFileLocation(ctx: Pick<PluginContext, "displayRoot">, path: string): SourceLocation {
  return { file: displayPath(ctx.displayRoot, path) };
}

export function findFile(ctx: Pick<PluginContext, "files">, path: string): PackFile | undefined {
  return ctx.files.find((f) => f.path === path);
}

/** Files at `dir` or below it (`dir` without a trailing slash). */
export function filesUnder(ctx: Pick<PluginContext, "files">, dir: string): PackFile[] {
  return ctx.files.filter((f) => f.path.startsWith(`${dir}/`));
}

/** `a, b, c` or `a, b, c and 4 more`: what a warning names, kept to one line. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
