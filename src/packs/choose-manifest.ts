/**
 * Which file of a pack is its manifest. `PACK.yaml` is the name; `KIT.yaml` is the legacy name
 * (altimate-code before the rename, still used by the published data-engineering-skills repo),
 * read the same way. A folder with neither is read as a plugin when it is one (docs/pack-formats.md):
 * a Claude Code plugin (`.claude-plugin/plugin.json`), else an APM plugin bundle (`plugin.json`).
 */
import type { PackFile } from "../core/pack-model.js";
import { fileLocation } from "./pack-context.js";
import type { DiagnosticSink } from "./pack-diagnostics.js";
import type { PluginFormat } from "./plugin-context.js";

export const MANIFEST = "PACK.yaml";
export const LEGACY_MANIFEST = "KIT.yaml";
export const CLAUDE_PLUGIN_MANIFEST = ".claude-plugin/plugin.json";
export const APM_BUNDLE_MANIFEST = "plugin.json";
const CLAUDE_MARKETPLACE = ".claude-plugin/marketplace.json";

/** The format a chosen manifest is read as. */
export function manifestFormat(path: string): "pack" | PluginFormat {
  return path === CLAUDE_PLUGIN_MANIFEST ? "claude-plugin" : path === APM_BUNDLE_MANIFEST ? "apm-bundle" : "pack";
}

export function chooseManifest(
  files: readonly PackFile[],
  symlinks: readonly string[],
  displayRoot: string,
  sink: DiagnosticSink,
): PackFile | undefined {
  const pack = files.find((f) => f.path === MANIFEST);
  const kit = files.find((f) => f.path === LEGACY_MANIFEST);
  const where = { displayRoot };
  if (pack && kit) {
    sink.warning("pack/both-manifests", `both ${MANIFEST} and ${LEGACY_MANIFEST} exist; ${MANIFEST} is used`, fileLocation(where, LEGACY_MANIFEST),
      `Delete ${LEGACY_MANIFEST}, after moving anything still needed into ${MANIFEST}.`);
    return pack;
  }
  if (pack) return pack;
  if (kit) {
    sink.info("pack/legacy-manifest", `${LEGACY_MANIFEST} is the legacy name of the pack manifest`, fileLocation(where, LEGACY_MANIFEST),
      `Rename ${LEGACY_MANIFEST} to ${MANIFEST}; the content stays the same.`);
    return kit;
  }
  const plugin = files.find((f) => f.path === CLAUDE_PLUGIN_MANIFEST) ?? files.find((f) => f.path === APM_BUNDLE_MANIFEST);
  if (plugin) return plugin;
  const linked = symlinks.find((s) => s === MANIFEST || s === LEGACY_MANIFEST || s === CLAUDE_PLUGIN_MANIFEST || s === APM_BUNDLE_MANIFEST);
  const marketplace = files.some((f) => f.path === CLAUDE_MARKETPLACE);
  sink.error("pack/no-manifest", `no ${MANIFEST} (or legacy ${LEGACY_MANIFEST}), ${CLAUDE_PLUGIN_MANIFEST} or ${APM_BUNDLE_MANIFEST} at the top of the pack`, { file: displayRoot },
    linked
      ? `${linked} is a symlink, and symlinks are not followed: replace it with the file itself.`
      : marketplace
        ? `${CLAUDE_MARKETPLACE} lists plugins but is not one: point the source's path at one plugin's folder, or add a ${MANIFEST} here.`
        : `Add a ${MANIFEST} with at least "name:" and "description:", or point the source at the folder that has one.`);
  return undefined;
}
