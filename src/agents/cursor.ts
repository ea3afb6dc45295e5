/**
 * Cursor: `.cursor/mcp.json` `mcpServers`, instructions as an always-applied rule
 * `.cursor/rules/<pack>.mdc`. Env references as `${env:NAME}`. Sources: docs/agents.md#cursor.
 */
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { commandEntry, instructionsFile, translated, urlEntry } from "./render-helpers.js";

export const cursor = mcpConfigAdapter({
  id: "cursor",
  configPath: ".cursor/mcp.json",
  serversKey: "mcpServers",
  entry(m) {
    const t = translated(m, (n) => `\${env:${n}}`);
    if (m.transport === "stdio") return commandEntry(t);
    return urlEntry(t);
  },
  skillDirs: [".agents/skills", ".cursor/skills", ".claude/skills", ".codex/skills"],
  markers: [".cursor"],
  alsoReadsInstructions: ["AGENTS.md"],
  mcpFollowUp: "cursor: enable the new servers in Cursor's MCP settings if Cursor asks.",
  instructions: (sel, hash) =>
    instructionsFile(sel, "cursor", `.cursor/rules/${sel.key}.mdc`, hash, `---\ndescription: ${JSON.stringify(sel.pack.description)}\nalwaysApply: true\n---\n`),
});
