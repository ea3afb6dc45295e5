/**
 * The MCP servers of a plugin → McpServer[]. Where they are (Claude Code plugins reference, "MCP
 * servers"): `.mcp.json` at the plugin root, or the manifest's `mcpServers`, which is an inline
 * object of servers, a path to a JSON file, or a list of paths. When the manifest sets
 * `mcpServers`, `.mcp.json` is not read unless listed (as microsoft/apm reads plugins too). A file
 * holds `{"mcpServers": {...}}`, or the servers directly (Claude Code's docs show both forms).
 *
 * Entries are Claude Code's: `{command, args, env}` for a local server (`type` absent or
 * "stdio"), `{type: "http" | "sse", url, headers}` for a remote one. `${VAR}` references become
 * the pack model's `${env:VAR}`. What only Claude Code can substitute makes the server unusable
 * anywhere else, so the server is skipped with a warning: `${CLAUDE_PLUGIN_ROOT}` and
 * `${CLAUDE_PLUGIN_DATA}` (the plugin's install and data folders), `${CLAUDE_PROJECT_DIR}`,
 * `${user_config.*}` (values Claude Code prompts for when the plugin is enabled) and
 * `${VAR:-default}` (the model has no defaults).
 */
import { canonicalText } from "../core/file-content.js";
import { ENV_NAME } from "../core/env-ref.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../core/json.js";
import type { McpServer, McpTransport } from "../core/pack-model.js";
import { locateJson, parseJsonSource, type JsonPath, type JsonSource } from "./json-source.js";
import { isKeyName } from "./names.js";
import { compareStrings, displayPath } from "./pack-paths.js";
import { atManifest, findFile, pluginFileLocation, type PluginContext } from "./plugin-context.js";
import { describe, showJsonPath, type McpServersField } from "./plugin-manifest.js";

export const MCP_FILE = ".mcp.json";

/** One object of servers, and where it is. */
interface ServerMap {
  source: JsonSource;
  base: JsonPath;
  servers: JsonObject;
}

export function pluginMcpServers(ctx: PluginContext, field: McpServersField | undefined): McpServer[] {
  const maps: ServerMap[] = [];
  if (field === undefined) {
    if (findFile(ctx, MCP_FILE)) maps.push(...readServerFile(ctx, MCP_FILE, undefined));
  } else if (field.kind === "inline") {
    maps.push({ source: ctx.manifest, base: field.at, servers: field.servers });
  } else {
    for (const entry of field.files) maps.push(...readServerFile(ctx, entry.path, entry.at));
    if (findFile(ctx, MCP_FILE) && !field.files.some((f) => f.path === MCP_FILE)) {
      ctx.sink.warning("pack/plugin-file-ignored", `${MCP_FILE} is not read: plugin.json names the MCP config files in mcpServers`,
        pluginFileLocation(ctx, MCP_FILE), `Add "./${MCP_FILE}" to mcpServers if its servers belong to the plugin, or delete the file.`);
    }
  }
  if (field?.kind === "inline" && findFile(ctx, MCP_FILE)) {
    ctx.sink.warning("pack/plugin-file-ignored", `${MCP_FILE} is not read: plugin.json defines mcpServers inline`,
      pluginFileLocation(ctx, MCP_FILE), `Move its servers into plugin.json's mcpServers, or set "mcpServers": "./${MCP_FILE}" and move the inline ones there.`);
  }

  const out = new Map<string, McpServer>();
  for (const map of maps) {
    for (const name of Object.keys(map.servers).sort(compareStrings)) {
      const path = [...map.base, name];
      if (out.has(name)) {
        ctx.sink.error("pack/duplicate-key", `MCP server "${name}" is defined twice`, locateJson(map.source, path, "key"),
          "Rename or remove one of the two definitions; agents key MCP servers by name.");
        continue;
      }
      const server = toServer(ctx, map.source, path, name, map.servers[name]!);
      if (server) out.set(name, server);
    }
  }
  return [...out.values()].sort((a, b) => compareStrings(a.name, b.name));
}

/** A JSON file of MCP servers; `at` is where the manifest names it (absent for the default `.mcp.json`). */
function readServerFile(ctx: PluginContext, path: string, at: JsonPath | undefined): ServerMap[] {
  const file = findFile(ctx, path);
  if (!file) {
    ctx.sink.error("pack/plugin-file-not-found", `MCP config file ${path} is not in the plugin`, at ? atManifest(ctx, at) : pluginFileLocation(ctx, path),
      "Point mcpServers at a JSON file of the plugin, relative to its folder (symlinks are not followed).");
    return [];
  }
  const shown = displayPath(ctx.displayRoot, path);
  if (file.content.encoding !== "utf8") {
    ctx.sink.error("pack/not-utf8", `${path} is not UTF-8 text`, { file: shown }, `Save ${path} as UTF-8.`);
    return [];
  }
  const parsed = parseJsonSource(shown, canonicalText(file.content.text));
  ctx.sink.add(...parsed.diagnostics);
  if (parsed.value === undefined) return [];
  const { source, value } = parsed;
  if (!isJsonObject(value)) {
    ctx.sink.error("pack/wrong-type", `${path} must hold a JSON object, but it is ${describe(value)}`, locateJson(source, []),
      'Write {"mcpServers": {"name": {"command": "…", "args": ["…"]}}}.');
    return [];
  }
  if (!Object.hasOwn(value, "mcpServers")) return [{ source, base: [], servers: value }];
  const servers = value["mcpServers"];
  for (const key of Object.keys(value).filter((k) => k !== "mcpServers")) {
    ctx.sink.warning("pack/unknown-key", `${path} key "${key}" is not read; only mcpServers is`, locateJson(source, [key], "key"),
      "Move MCP servers under mcpServers; anything else in this file is ignored.");
  }
  if (!isJsonObject(servers)) {
    ctx.sink.error("pack/wrong-type", `mcpServers must be an object of servers, but it is ${describe(servers)}`, locateJson(source, ["mcpServers"]),
      'Write "mcpServers": {"name": {"command": "…"}}.');
    return [];
  }
  return [{ source, base: ["mcpServers"], servers }];
}

const ENTRY_KEYS = new Set(["type", "command", "args", "env", "url", "headers", "cwd"]);
const TRANSPORTS: Record<string, McpTransport> = { stdio: "stdio", http: "http", sse: "sse" };

function toServer(ctx: PluginContext, source: JsonSource, path: JsonPath, name: string, raw: JsonValue): McpServer | undefined {
  const { sink } = ctx;
  const at = (...rest: JsonPath) => locateJson(source, [...path, ...rest]);
  let ok = true;
  const wrongType = (rest: JsonPath, expected: string, hint: string, value: unknown) => {
    ok = false;
    sink.error("pack/wrong-type", `${showJsonPath([...path, ...rest])} must be ${expected}, but it is ${describe(value)}`, at(...rest), hint);
  };
  if (!isKeyName(name)) {
    ok = false;
    sink.error("pack/invalid-name", `MCP server name "${name}" is not allowed`, locateJson(source, path, "key"),
      "Use letters, digits, '.', '_' and '-' only, starting with a letter or digit, e.g. dbt or github-mcp.");
  }
  if (!isJsonObject(raw)) {
    wrongType([], "an object", 'Write {"command": "npx", "args": ["-y", "some-mcp"]} or {"type": "http", "url": "https://…"}.', raw);
    return undefined;
  }
  for (const key of Object.keys(raw).filter((k) => !ENTRY_KEYS.has(k))) {
    sink.warning("pack/unknown-key", `MCP server "${name}": ${key} is not read; it is left out`, locateJson(source, [...path, key], "key"),
      "packs reads type, command, args, env, url and headers; an agent-specific setting has to be added in that agent's own config.");
  }

  const type = raw["type"];
  let transport: McpTransport = "stdio";
  if (typeof type === "string" && Object.hasOwn(TRANSPORTS, type)) transport = TRANSPORTS[type]!;
  else if (typeof type === "string") {
    sink.error("pack/invalid-value", `MCP server "${name}" type "${type}" is not one of: stdio, http, sse`, at("type"),
      'Use "stdio" (or leave type out) for a command, "http" or "sse" for a url.');
    return undefined;
  } else if (type !== undefined) {
    wrongType(["type"], "a string", 'Write "type": "http".', type);
    return undefined;
  }

  // Every string an agent will see, with where it is written (the first place, for a repeated one).
  const strings = new Map<string, JsonPath>();
  const seen = (v: string, where: JsonPath) => { if (!strings.has(v)) strings.set(v, where); };
  const str = (key: string, hint: string): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== "string") return void wrongType([key], "a string", hint, v);
    seen(v, [key]);
    return v;
  };
  const strList = (key: string): string[] | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return void wrongType([key], "a list of strings", `Write "${key}": ["--flag", "value"].`, v);
    return v.flatMap((item, i) => (typeof item === "string" ? (seen(item, [key, i]), [item]) : (wrongType([key, i], "a string", "Quote each item.", item), [])));
  };
  const strMap = (key: string): Record<string, string> | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!isJsonObject(v)) return void wrongType([key], "an object of strings", `Write "${key}": {"NAME": "value"}.`, v);
    const out: Record<string, string> = {};
    for (const [k, item] of Object.entries(v)) {
      if (typeof item === "string") { out[k] = item; seen(item, [key, k]); }
      else wrongType([key, k], "a string", `Quote it: "${k}": "${String(item)}".`, item);
    }
    return out;
  };

  const command = str("command", 'Write the program alone, e.g. "command": "npx", and its arguments in "args".');
  const args = strList("args");
  const url = str("url", 'Write "url": "https://…".');
  const env = strMap("env");
  const headers = strMap("headers");
  const cwd = str("cwd", 'Write "cwd": "…".');

  const out: McpServer = { name, transport };
  if (transport === "stdio") {
    if (raw["command"] === undefined || command === "") {
      ok = false;
      sink.error("pack/mcp-missing-command", `MCP server "${name}" runs locally but has no command`, locateJson(source, path, "key"),
        'Add "command" (and "args"), or set "type": "http" with a "url".');
    }
    unused(ctx, source, path, name, raw, ["url", "headers"], 'Set "type": "http" (or "sse") to use a url, or remove it.');
  } else {
    if (raw["url"] === undefined) {
      ok = false;
      sink.error("pack/mcp-missing-url", `MCP server "${name}" (type ${transport}) has no url`, locateJson(source, path, "key"),
        'Add the server\'s address, e.g. "url": "https://example.com/mcp".');
    } else if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) {
      ok = false;
      sink.error("pack/mcp-invalid-url", `MCP server "${name}" url "${url}" is not an http(s) URL`, at("url"),
        "Write the full address, starting with https:// (or http:// for a local server).");
    }
    unused(ctx, source, path, name, raw, ["command", "args"], 'Leave "type" out (or set "stdio") to run a command, or remove it.');
  }

  // Substitutions: checked over every string an agent would see.
  const translate = new Map<string, string>();
  let skipped: { code: "pack/plugin-root-reference" | "pack/plugin-variable"; ref: string; where: JsonPath } | undefined;
  for (const [value, where] of strings) {
    const t = translateRefs(value);
    if ("bad" in t) {
      ok = false;
      sink.error("pack/bad-env-ref", `MCP server "${name}": ${t.bad}`, at(...where),
        'Write an environment reference as "${NAME}", NAME made of letters, digits and _ (not starting with a digit).');
    } else if ("pluginRoot" in t) {
      skipped ??= { code: "pack/plugin-root-reference", ref: t.pluginRoot, where };
    } else if ("claudeOnly" in t) {
      skipped ??= { code: "pack/plugin-variable", ref: t.claudeOnly, where };
    } else translate.set(value, t.value);
  }
  if (skipped?.code === "pack/plugin-root-reference") {
    sink.warning(skipped.code, `MCP server "${name}" is skipped: it refers to ${skipped.ref}`, at(...skipped.where),
      `${skipped.ref} is where Claude Code installed the plugin; copied into a project's config it points nowhere. Use the plugin in Claude Code for this server, or ship the server as a package (an npx or uvx command) that needs no plugin folder.`);
    return undefined;
  }
  if (skipped) {
    sink.warning(skipped.code, `MCP server "${name}" is skipped: it uses ${skipped.ref}, which only Claude Code substitutes`, at(...skipped.where),
      "Other agents cannot fill this in. Write plain values, or ${NAME} for an environment variable the user sets; add the server by hand to agents that need it.");
    return undefined;
  }
  if (!ok) return undefined;
  if (cwd !== undefined) {
    sink.warning("pack/mcp-unused-field", `MCP server "${name}": cwd is not supported; the server starts in the agent's working directory`, locateJson(source, [...path, "cwd"], "key"),
      "Make the command work from the project's root folder, or remove cwd.");
  }

  const tr = (v: string) => translate.get(v) ?? v;
  if (transport === "stdio") out.command = [tr(command!), ...(args ?? []).map(tr)];
  else {
    out.url = tr(url!);
    if (headers) out.headers = mapValues(headers, tr);
  }
  if (env) out.env = mapValues(env, tr);
  return out;
}

function unused(ctx: PluginContext, source: JsonSource, path: JsonPath, name: string, raw: JsonObject, keys: string[], hint: string): void {
  for (const key of keys) {
    if (raw[key] === undefined) continue;
    ctx.sink.warning("pack/mcp-unused-field", `MCP server "${name}": ${key} is ignored for this transport`, locateJson(source, [...path, key], "key"), hint);
  }
}

function mapValues(m: Record<string, string>, f: (v: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, f(v)]));
}

type Translated = { value: string } | { bad: string } | { pluginRoot: string } | { claudeOnly: string };

const PLUGIN_FOLDERS = new Set(["CLAUDE_PLUGIN_ROOT", "CLAUDE_PLUGIN_DATA"]);
const DEFAULTED = /^([A-Za-z_][A-Za-z0-9_]*):-/;

/** Claude Code's `${VAR}` → the model's `${env:VAR}`, or why the value cannot be carried over. */
export function translateRefs(value: string): Translated {
  let out = "";
  let pos = 0;
  let claudeOnly: string | undefined;
  for (let start = value.indexOf("${"); start !== -1; start = value.indexOf("${", pos)) {
    out += value.slice(pos, start);
    const end = value.indexOf("}", start);
    if (end === -1) return { bad: `"${value.slice(start)}" has no closing "}"` };
    const inner = value.slice(start + 2, end);
    const ref = value.slice(start, end + 1);
    pos = end + 1;
    if (PLUGIN_FOLDERS.has(inner)) return { pluginRoot: ref };
    if (inner.startsWith("user_config.") || inner === "CLAUDE_PROJECT_DIR" || DEFAULTED.test(inner)) {
      claudeOnly ??= ref;
      continue;
    }
    const envName = inner.startsWith("env:") ? inner.slice("env:".length) : inner;
    if (!ENV_NAME.test(envName)) return { bad: `"${ref}" ${envName === "" ? "names no variable" : `has an invalid variable name "${envName}"`}` };
    out += `\${env:${envName}}`;
  }
  if (claudeOnly !== undefined) return { claudeOnly };
  return { value: out + value.slice(pos) };
}
