/**
 * Claude Code: `.mcp.json` `mcpServers`, skills in `.claude/skills`, instructions as
 * `.claude/rules/<pack>.md`. Env references as `${NAME}`. Sources: docs/agents.md#claude-code.
 */
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { commandEntry, instructionsFile, translated, urlEntry } from "./render-helpers.js";

export const claudeCode = mcpConfigAdapter({
  id: "claude-code",
  configPath: ".mcp.json",
  serversKey: "mcpServers",
  entry(m) {
    const t = translated(m, (n) => `\${${n}}`);
    if (m.transport === "stdio") return commandEntry(t);
    return urlEntry(t, { type: m.transport });
  },
  skillDirs: [".claude/skills"],
  markers: [".mcp.json", ".claude", "CLAUDE.md"],
  mcpFollowUp: "claude-code: each user approves new project servers in .mcp.json the next time Claude Code starts (or with `claude mcp list`); restart running sessions.",
  instructions: (sel, hash) => instructionsFile(sel, "claude-code", `.claude/rules/${sel.key}.md`, hash),
});
