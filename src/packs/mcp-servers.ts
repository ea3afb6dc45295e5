/**
 * `mcp` → McpServer[]. The manifest's `type` names (altimate-code's) fold into three
 * transports; `command` and `args` join into one command line. Each agent adapter renders these
 * in its own syntax, so only what every agent needs is checked here.
 */
import { isEnvRefError, splitEnvRefs } from "../core/env-ref.js";
import type { McpServer, McpTransport } from "../core/pack-model.js";
import type { Manifest, ManifestMcpServer, McpType } from "./manifest-schema.js";
import { at, type PackContext } from "./pack-context.js";
import { isKeyName } from "./names.js";
import { compareStrings } from "./pack-paths.js";

const TRANSPORTS: Record<McpType, McpTransport> = {
  stdio: "stdio",
  local: "stdio",
  http: "http",
  "streamable-http": "http",
  remote: "http",
  sse: "sse",
};

export function toMcpServers(ctx: PackContext, mcp: Manifest["mcp"]): McpServer[] {
  return Object.entries(mcp ?? {})
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, server]) => toMcpServer(ctx, name, server ?? {}));
}

function toMcpServer(ctx: PackContext, name: string, s: ManifestMcpServer): McpServer {
  const path = ["mcp", name];
  if (!isKeyName(name)) {
    ctx.sink.error("pack/invalid-name", `MCP server name "${name}" is not allowed`, at(ctx, path, "key"),
      "Use letters, digits, '.', '_' and '-' only, starting with a letter or digit, e.g. dbt or github-mcp.");
  }
  const transport = TRANSPORTS[s.type ?? "stdio"];
  const out: McpServer = { name, transport };
  // With the type itself wrong, which fields are needed is unknown: check nothing more.
  if (ctx.isBroken([...path, "type"])) return out;
  if (transport === "stdio") {
    const command = [...(s.command ?? []), ...(s.args ?? [])];
    if ((s.command ?? []).length === 0 && !ctx.isBroken([...path, "command"])) {
      ctx.sink.error("pack/mcp-missing-command", `MCP server "${name}" runs locally but has no command`, at(ctx, path, "key"),
        'Add the command line as a list, e.g. command: ["uvx", "dbt-mcp"], or set type: http with a url.');
    }
    out.command = command;
    unused(ctx, name, s, ["url", "headers"], "a stdio server");
  } else {
    checkUrl(ctx, name, s);
    if (typeof s.url === "string") out.url = s.url;
    unused(ctx, name, s, ["command", "args"], `an ${transport} server`);
  }
  checkEnvRefs(ctx, name, s);
  if (s.headers && transport !== "stdio") out.headers = { ...s.headers };
  if (s.env) out.env = { ...s.env };
  if (s.env_keys) out.envKeys = [...s.env_keys];
  if (typeof s.description === "string") out.description = s.description;
  if (typeof s.enabled === "boolean") out.enabled = s.enabled;
  return out;
}

function checkUrl(ctx: PackContext, name: string, s: ManifestMcpServer): void {
  const path = ["mcp", name];
  if (typeof s.url !== "string") {
    if (!ctx.isBroken([...path, "url"])) {
      ctx.sink.error("pack/mcp-missing-url", `MCP server "${name}" (type ${s.type}) has no url`, at(ctx, path, "key"),
        'Add the server\'s address, e.g. url: "https://example.com/mcp", or use type: stdio with a command.');
    }
  } else if (!/^https?:\/\/\S+$/i.test(s.url)) {
    ctx.sink.error("pack/mcp-invalid-url", `MCP server "${name}" url "${s.url}" is not an http(s) URL`, at(ctx, [...path, "url"]),
      "Write the full address, starting with https:// (or http:// for a local server).");
  }
}

/** Every string an agent will see must hold only well-formed env references. */
function checkEnvRefs(ctx: PackContext, name: string, s: ManifestMcpServer): void {
  const values: [(string | number)[], unknown][] = [
    ...(s.command ?? []).map((v, i): [(string | number)[], unknown] => [["command", i], v]),
    ...(s.args ?? []).map((v, i): [(string | number)[], unknown] => [["args", i], v]),
    [["url"], s.url],
    ...Object.entries(s.env ?? {}).map(([k, v]): [(string | number)[], unknown] => [["env", k], v]),
    ...Object.entries(s.headers ?? {}).map(([k, v]): [(string | number)[], unknown] => [["headers", k], v]),
  ];
  for (const [path, value] of values) {
    if (typeof value !== "string") continue;
    const parts = splitEnvRefs(value);
    if (!isEnvRefError(parts)) continue;
    ctx.sink.error("pack/bad-env-ref", `MCP server "${name}": ${parts.error}`, at(ctx, ["mcp", name, ...path]),
      'Write an environment reference as "${env:NAME}", NAME made of letters, digits and _ (not starting with a digit).');
  }
}

/** Fields the transport ignores are reported, not silently dropped. */
function unused(ctx: PackContext, name: string, s: ManifestMcpServer, keys: (keyof ManifestMcpServer)[], what: string): void {
  for (const key of keys) {
    if (s[key] === undefined || s[key] === null) continue;
    ctx.sink.warning("pack/mcp-unused-field", `MCP server "${name}": ${key} is ignored for ${what}`, at(ctx, ["mcp", name, key], "key"),
      key === "url" || key === "headers" ? "Set type: http (or sse) to use a url, or remove it." : "Set type: stdio to run a command, or remove it.");
  }
}
