/**
 * A plugin folder → the Pack model: a Claude Code plugin (`.claude-plugin/plugin.json`) or an
 * APM plugin bundle (`plugin.json` at the root, as `apm pack` writes it). Both carry no tier
 * (community) and no skill groups (every skill is always installed); an APM bundle also brings
 * instructions. What the plugin host alone can use is reported and skipped
 * (plugin-components.ts). Pure, as loadPack is: the files come in as data.
 */
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { canonicalText } from "../core/file-content.js";
import type { Pack, PackFile } from "../core/pack-model.js";
import { parseJsonSource } from "./json-source.js";
import { displayPath } from "./pack-paths.js";
import { apmInstructions } from "./apm-instructions.js";
import type { PluginContext, PluginFormat } from "./plugin-context.js";
import { reportSkippedComponents } from "./plugin-components.js";
import { PluginSink } from "./plugin-diagnostics.js";
import { readPluginManifest } from "./plugin-manifest.js";
import { pluginMcpServers } from "./plugin-mcp.js";
import { pluginSkills } from "./plugin-skills.js";

export const DEFAULT_VERSION = "0.0.0";

export interface PluginPackInput {
  displayRoot: string;
  /** Every file of the plugin, safe paths, sorted by path. */
  files: PackFile[];
  /** The manifest, UTF-8 text. */
  manifest: PackFile & { content: { encoding: "utf8" } };
  format: PluginFormat;
}

export function loadPluginPack(input: PluginPackInput): { pack?: Pack; diagnostics: Diagnostic[] } {
  const sink = new PluginSink();
  const { displayRoot, files, manifest, format } = input;
  const parsed = parseJsonSource(displayPath(displayRoot, manifest.path), canonicalText(manifest.content.text));
  sink.add(...parsed.diagnostics);
  if (parsed.value === undefined) return { diagnostics: sink.all };
  const ctx: PluginContext = { format, displayRoot, files, manifest: parsed.source, sink };
  const m = readPluginManifest(ctx, parsed.value);
  if (!m) return { diagnostics: sink.all };

  if (m.version === undefined && !m.broken) {
    sink.info("pack/version-missing", `plugin.json has no version; the pack is version ${DEFAULT_VERSION}`, { file: parsed.source.file },
      'Add "version": "1.0.0" so the lock and plans can tell releases apart.');
  }
  const skills = pluginSkills(ctx, m.skills);
  const mcp = pluginMcpServers(ctx, m.mcpServers);
  reportSkippedComponents(ctx, m.raw);
  const instructions = format === "apm-bundle" ? apmInstructions(ctx) : undefined;
  if (m.broken || hasErrors(sink.all)) return { diagnostics: sink.all };

  const pack: Pack = {
    name: m.name,
    version: m.version ?? DEFAULT_VERSION,
    description: m.description ?? "",
    tier: "community",
    manifest: manifest.path,
    skills,
    skillGroups: [],
    mcp,
    plugins: [],
    detect: [],
    files,
  };
  if (m.author !== undefined) pack.author = m.author;
  if (instructions !== undefined) pack.instructions = instructions;
  return { pack, diagnostics: sink.all };
}
