/**
 * Claude Code: `.mcp.json` `mcpServers`, skills in `.claude/skills`, instructions as
 * `.claude/rules/<pack>.md`. Env references as `${NAME}`. Sources: docs/agents.md#claude-code.
 */
import type { JsonObject } from "../core/json.js";
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { instructionsFile, translated } from "./render-helpers.js";

export const claudeCode = mcpConfigAdapter({
  id: "claude-code",
  configPath: ".mcp.json",
  serversKey: "mcpServers",
  entry(m) {
    const t = translated(m, (n) => `\${${n}}`);
    if (m.transport === "stdio") {
      const [command, ...args] = t.command;
      return { command: command!, ...(args.length > 0 && { args }), ...(t.env && { env: t.env }) } as JsonObject;
    }
    return { type: m.transport, url: t.url!, ...(t.headers && { headers: t.headers }) } as JsonObject;
  },
  skillDirs: [".claude/skills"],
  markers: [".mcp.json", ".claude", "CLAUDE.md"],
  mcpFollowUp: "claude-code: each user approves new project servers in .mcp.json the next time Claude Code starts (or with `claude mcp list`); restart running sessions.",
  instructions: (sel, hash) => instructionsFile(sel, "claude-code", `.claude/rules/${sel.key}.md`, hash),
});
