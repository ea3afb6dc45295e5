/**
 * The parts of a plugin packs cannot install: they only mean something to the plugin host
 * (Claude Code: slash commands, subagents, hooks, output styles, LSP servers, monitors, user
 * configuration, channels, default settings; APM: agents, commands, hooks, canvas extensions).
 * Each kind found is one warning naming what is skipped; nothing is silently dropped.
 */
import type { JsonObject, JsonValue } from "../core/json.js";
import { isJsonObject } from "../core/json.js";
import { atManifest, filesUnder, findFile, listSome, pluginFileLocation, type PluginContext, type PluginFormat } from "./plugin-context.js";

interface Kind {
  /** Plural, as the warning names it. */
  label: string;
  /** The manifest key that declares them, if any. */
  key?: string;
  /** Where the format finds them without a manifest key: a file, or a folder (every file below it). */
  defaults: Partial<Record<PluginFormat, string[]>>;
}

const KINDS: Kind[] = [
  { label: "commands (slash commands)", key: "commands", defaults: { "claude-plugin": ["commands"], "apm-bundle": ["commands"] } },
  { label: "agents (subagents)", key: "agents", defaults: { "claude-plugin": ["agents"], "apm-bundle": ["agents"] } },
  { label: "hooks", key: "hooks", defaults: { "claude-plugin": ["hooks/hooks.json"], "apm-bundle": ["hooks.json", "hooks"] } },
  { label: "output styles", key: "outputStyles", defaults: { "claude-plugin": ["output-styles"] } },
  { label: "LSP servers", key: "lspServers", defaults: { "claude-plugin": [".lsp.json"] } },
  { label: "monitors", key: "monitors", defaults: {} },
  { label: "user configuration options", key: "userConfig", defaults: {} },
  { label: "channels", key: "channels", defaults: {} },
  { label: "default settings", defaults: { "claude-plugin": ["settings.json"] } },
  { label: "canvas extensions", defaults: { "apm-bundle": ["extensions"] } },
];

/** `raw`: the manifest as written (plugin-manifest.ts checked it is an object). */
export function reportSkippedComponents(ctx: PluginContext, raw: JsonObject): void {
  for (const kind of KINDS) {
    const declared = kind.key !== undefined ? raw[kind.key] : undefined;
    const named = kind.key !== undefined && !isEmpty(declared) ? describeDeclared(kind.key, declared!) : [];
    const found = (kind.defaults[ctx.format] ?? []).flatMap((p) => (findFile(ctx, p) ? [p] : filesUnder(ctx, p).map((f) => f.path)));
    const all = [...new Set([...named, ...found])];
    if (all.length === 0) continue;
    const location = named.length > 0 ? atManifest(ctx, [kind.key!], "key") : pluginFileLocation(ctx, found[0]!);
    ctx.sink.warning("pack/component-skipped", `${kind.label} are not installed: ${listSome(all)}`, location,
      ctx.format === "claude-plugin"
        ? "Only Claude Code runs these: install the plugin in Claude Code (/plugin install) to use them; packs installs the plugin's skills and MCP servers."
        : "packs installs a bundle's skills, MCP servers and instructions; deploy the rest with APM (apm install) for the agents that support it.");
  }
}

function isEmpty(v: JsonValue | undefined): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0) || (isJsonObject(v) && Object.keys(v).length === 0);
}

/** What a manifest key declares, as the warning names it: its paths, or "inline in plugin.json". */
function describeDeclared(key: string, v: JsonValue): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.map((item) => (typeof item === "string" ? item : `${key} entry in plugin.json`));
  return [`${key} inline in plugin.json`];
}
