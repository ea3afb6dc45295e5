/**
 * Cursor: `.cursor/mcp.json` `mcpServers`, instructions as an always-applied rule
 * `.cursor/rules/<pack>.mdc`. Env references as `${env:NAME}`. Sources: docs/agents.md#cursor.
 */
import type { JsonObject } from "../core/json.js";
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { instructionsFile, translated } from "./render-helpers.js";

export const cursor = mcpConfigAdapter({
  id: "cursor",
  configPath: ".cursor/mcp.json",
  serversKey: "mcpServers",
  entry(m) {
    const t = translated(m, (n) => `\${env:${n}}`);
    if (m.transport === "stdio") {
      const [command, ...args] = t.command;
      return { command: command!, ...(args.length > 0 && { args }), ...(t.env && { env: t.env }) } as JsonObject;
    }
    return { url: t.url!, ...(t.headers && { headers: t.headers }) } as JsonObject;
  },
  skillDirs: [".agents/skills", ".cursor/skills", ".claude/skills"],
  markers: [".cursor"],
  alsoReadsInstructions: ["AGENTS.md"],
  mcpFollowUp: "cursor: enable the new servers in Cursor's MCP settings if Cursor asks.",
  instructions: (sel, hash) =>
    instructionsFile(sel, "cursor", `.cursor/rules/${sel.key}.mdc`, hash, `---\ndescription: ${JSON.stringify(sel.pack.description)}\nalwaysApply: true\n---\n`),
});
