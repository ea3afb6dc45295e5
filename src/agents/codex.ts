/**
 * Codex: `.codex/config.toml` `[mcp_servers.<name>]` tables, skills in `.agents/skills`,
 * instructions as a marked section of `AGENTS.md`. Codex does not expand env references in
 * values: a variable passes through by name (`env_vars`), a bearer token by
 * `bearer_token_env_var`, a header by `env_http_headers`. Sources: docs/agents.md#codex.
 */
import { isEnvRefError, splitEnvRefs } from "../core/env-ref.js";
import type { JsonObject } from "../core/json.js";
import type { McpServer } from "../core/pack-model.js";
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { instructionsSection } from "./render-helpers.js";

type Cannot = { cannot: string; hint: string };

/** `${env:NAME}` alone → NAME; no reference → null; anything else (a reference inside text) → undefined. */
function wholeReference(value: string): string | null | undefined {
  const parts = splitEnvRefs(value);
  if (isEnvRefError(parts)) return undefined;
  if (parts.length === 1 && "env" in parts[0]!) return parts[0].env;
  return parts.some((p) => "env" in p) ? undefined : null;
}

function stdioEntry(m: McpServer): JsonObject | Cannot {
  const [command, ...args] = m.command ?? [];
  if ((m.command ?? []).some((c) => wholeReference(c) !== null)) return { cannot: "an env reference in the command line", hint: "Codex passes the command as written; use a wrapper script." };
  const env: Record<string, string> = {};
  const envVars: string[] = [];
  for (const [key, value] of Object.entries(m.env ?? {})) {
    const ref = wholeReference(value);
    if (ref === null) env[key] = value;
    else if (ref === key) envVars.push(key);
    else return { cannot: `env ${key} (Codex passes variables through only under their own name)`, hint: `Write ${key}: "\${env:${key}}" in the pack or in packs.yaml.` };
  }
  return { command: command!, ...(args.length > 0 && { args }), ...(Object.keys(env).length > 0 && { env }), ...(envVars.length > 0 && { env_vars: envVars }) };
}

function httpEntry(m: McpServer): JsonObject | Cannot {
  if (m.transport === "sse") return { cannot: "an SSE server (Codex speaks streamable HTTP)", hint: "Use the server's streamable HTTP endpoint (type: http)." };
  if (wholeReference(m.url ?? "") !== null) return { cannot: "an env reference in the url", hint: "Codex takes the url as written." };
  const out: JsonObject = { url: m.url! };
  const literal: Record<string, string> = {};
  const fromEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    const bearer = /^Bearer (.*)$/i.exec(value);
    const ref = wholeReference(bearer ? bearer[1]! : value);
    if (bearer && name.toLowerCase() === "authorization" && typeof ref === "string") out.bearer_token_env_var = ref;
    else if (!bearer && typeof ref === "string") fromEnv[name] = ref;
    else if (ref === null) literal[name] = value;
    else return { cannot: `header ${name} (a reference inside other text)`, hint: "Make the header's whole value one ${env:NAME} reference." };
  }
  if (Object.keys(literal).length > 0) out.http_headers = literal;
  if (Object.keys(fromEnv).length > 0) out.env_http_headers = fromEnv;
  return out;
}

export const codex = mcpConfigAdapter({
  id: "codex",
  configPath: ".codex/config.toml",
  serversKey: "mcp_servers",
  entry: (m) => (m.transport === "stdio" ? stdioEntry(m) : httpEntry(m)),
  skillDirs: [".agents/skills", ".codex/skills"],
  markers: [".codex"],
  mcpFollowUp: "codex: Codex reads .codex/config.toml only in a project trusted in ~/.codex/config.toml; restart running sessions.",
  instructions: (sel) => instructionsSection(sel, "codex", "AGENTS.md"),
});
