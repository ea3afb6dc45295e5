/**
 * Most agents keep MCP servers as one entry per server in a config file (JSON, or TOML for Codex;
 * the format follows the file name). They differ in the file, the key, the entry shape and the env
 * syntax: this builds such an adapter from data.
 */
import type { AgentId } from "../core/agent-id.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DesiredItem } from "../core/item.js";
import type { JsonObject } from "../core/json.js";
import type { Hasher } from "../core/live.js";
import type { McpServer } from "../core/pack-model.js";
import type { Selection } from "../core/select-components.js";
import type { AgentAdapter } from "./agent-adapter.js";
import { cannotExpress, describeMcp, itemBase } from "./render-helpers.js";

export interface McpConfigSpec {
  id: AgentId;
  configPath: string;
  /** The member holding the servers: `mcpServers`, `servers`. */
  serversKey: string;
  /** The agent's entry for a server, or a reason it cannot be expressed. */
  entry(m: McpServer): JsonObject | { cannot: string; hint: string };
  skillDirs: readonly string[];
  markers: readonly string[];
  instructions(sel: Selection, hash: Hasher): DesiredItem[];
  mcpFollowUp?: string;
  alsoReadsInstructions?: readonly string[];
}

export function mcpConfigAdapter(spec: McpConfigSpec): AgentAdapter {
  return {
    id: spec.id,
    configCandidates: [spec.configPath],
    newConfig: { path: spec.configPath, template: {} },
    skillDirs: spec.skillDirs,
    markers: spec.markers,
    ...(spec.mcpFollowUp && { mcpFollowUp: spec.mcpFollowUp }),
    ...(spec.alsoReadsInstructions && { alsoReadsInstructions: spec.alsoReadsInstructions }),
    render(sel, ctx) {
      const items: DesiredItem[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const m of sel.mcp) {
        const entry = spec.entry(m);
        if ("cannot" in entry && typeof entry.cannot === "string") {
          diagnostics.push(cannotExpress(spec.id, sel, `MCP server "${m.name}": ${entry.cannot}`, String(entry.hint)));
          continue;
        }
        items.push({
          ...itemBase(sel, spec.id),
          address: { kind: "entry", path: ctx.configPath, pointer: [spec.serversKey, m.name] },
          value: { type: "json", value: entry as JsonObject },
          description: describeMcp(m),
        });
      }
      if (sel.plugins.length > 0) {
        diagnostics.push(cannotExpress(spec.id, sel, `npm plugins (${sel.plugins.join(", ")})`, "npm plugins are an opencode feature; other agents skip them."));
      }
      items.push(...spec.instructions(sel, ctx.hash));
      return { items, diagnostics };
    },
  };
}
