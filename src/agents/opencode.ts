/**
 * opencode (and its fork altimate-code): MCP servers in `mcp`, npm plugins as elements of
 * `plugin`, instructions as a file listed in `instructions`, skills from `.opencode/skills`,
 * `.claude/skills` or `.agents/skills`. Sources and checks: docs/agents.md#opencode.
 */
import { translateEnvMap, translateEnvRefs } from "../core/env-ref.js";
import { canonicalText, textContent } from "../core/file-content.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DesiredItem } from "../core/item.js";
import { npmName } from "../core/item.js";
import type { JsonObject } from "../core/json.js";
import type { McpServer } from "../core/pack-model.js";
import type { AgentAdapter, RenderContext } from "./agent-adapter.js";
import type { Selection } from "../core/select-components.js";

const env = (name: string) => `{env:${name}}`;

export const opencode: AgentAdapter = {
  id: "opencode",
  // opencode deep-merges all four, later ones winning (docs/agents.md): packs edits the one that
  // wins, so its entries take effect.
  configCandidates: [".opencode/opencode.jsonc", ".opencode/opencode.json", "opencode.jsonc", "opencode.json"],
  newConfig: { path: "opencode.json", template: { $schema: "https://opencode.ai/config.json" } },
  skillDirs: [".opencode/skills", ".claude/skills", ".agents/skills"],
  markers: ["opencode.jsonc", "opencode.json", ".opencode"],
  alsoReadsInstructions: ["AGENTS.md"],
  render(sel: Selection, ctx: RenderContext) {
    const items: DesiredItem[] = [];
    const diagnostics: Diagnostic[] = [];
    const base = { owner: sel.key, agent: "opencode" as const, serves: ["opencode" as const] };
    for (const m of sel.mcp) {
      const dropped = m.transport === "stdio" ? (m.headers && Object.keys(m.headers).length ? "headers" : undefined) : m.env && Object.keys(m.env).length ? "env" : undefined;
      if (dropped) {
        diagnostics.push({
          code: "agent/cannot-express",
          severity: "warning",
          summary: `opencode has no ${dropped} for ${m.transport === "stdio" ? "local" : "remote"} MCP servers: ${dropped} of "${m.name}" (pack "${sel.key}") is not written`,
          location: sel.location,
          hint: m.transport === "stdio" ? "Pass values to a local server through env instead." : "Put the value in the url or in headers.",
        });
      }
      items.push({
        ...base,
        address: { kind: "entry", path: ctx.configPath, pointer: ["mcp", m.name] },
        value: { type: "json", value: mcpEntry(m) },
        description: describeMcp(m),
      });
    }
    for (const spec of sel.plugins) {
      items.push({
        ...base,
        address: { kind: "element", path: ctx.configPath, array: ["plugin"], key: npmName(spec), match: "npm-name" },
        value: { type: "json", value: spec },
        description: `npm plugin ${spec}`,
      });
    }
    if (sel.instructions !== undefined) {
      const file = instructionsPath(sel.key);
      const text = sel.instructions.endsWith("\n") ? sel.instructions : `${sel.instructions}\n`;
      items.push({
        ...base,
        address: { kind: "file", path: file },
        value: { type: "file", content: textContent(text), hash: ctx.hash(canonicalText(text)) },
        description: `instructions of ${sel.pack.name}`,
        instructions: true,
      });
      items.push({
        ...base,
        address: { kind: "element", path: ctx.configPath, array: ["instructions"], key: file, match: "exact" },
        value: { type: "json", value: file },
        description: "loads the instructions file",
        instructions: true,
      });
    }
    return { items, diagnostics };
  },
};

export function instructionsPath(packKey: string): string {
  return `.opencode/instructions/${packKey}.md`;
}

function mcpEntry(m: McpServer): JsonObject {
  const out: JsonObject = {};
  if (m.transport === "stdio") {
    out.type = "local";
    out.command = (m.command ?? []).map((c) => translateEnvRefs(c, env));
    const environment = translateEnvMap(m.env, env);
    if (environment && Object.keys(environment).length > 0) out.environment = environment;
  } else {
    out.type = "remote";
    out.url = translateEnvRefs(m.url ?? "", env);
    const headers = translateEnvMap(m.headers, env);
    if (headers && Object.keys(headers).length > 0) out.headers = headers;
  }
  if (m.enabled !== undefined) out.enabled = m.enabled;
  return out;
}

function describeMcp(m: McpServer): string {
  return m.transport === "stdio" ? `MCP server (local: ${(m.command ?? []).join(" ")})` : `MCP server (remote ${m.transport}: ${m.url})`;
}
