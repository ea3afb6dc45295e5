/**
 * opencode (and its fork altimate-code): MCP servers in `mcp`, npm plugins as elements of
 * `plugin`, instructions as a file listed in `instructions`, skills from `.opencode/skills`,
 * `.claude/skills` or `.agents/skills`. Sources and checks: docs/agents.md#opencode.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { DesiredItem } from "../core/item.js";
import { npmName } from "../core/item.js";
import type { JsonObject } from "../core/json.js";
import type { McpServer } from "../core/pack-model.js";
import type { AgentAdapter, RenderContext } from "./agent-adapter.js";
import { describeMcp, instructionsFile, itemBase, translated } from "./render-helpers.js";
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
    const base = itemBase(sel, "opencode");
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
      items.push(...instructionsFile(sel, "opencode", file, ctx.hash));
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

/** opencode's own shape: `type: local` with one `command` array and `environment`, or `type: remote`. */
function mcpEntry(m: McpServer): JsonObject {
  const t = translated(m, env);
  const out: JsonObject =
    m.transport === "stdio"
      ? { type: "local", command: t.command, ...(t.env && { environment: t.env }) }
      : { type: "remote", url: t.url ?? "", ...(t.headers && { headers: t.headers }) };
  if (m.enabled !== undefined) out.enabled = m.enabled;
  return out;
}
