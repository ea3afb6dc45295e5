/**
 * Gemini CLI: `.gemini/settings.json` `mcpServers` (`type: "sse"` + `url` for SSE, `httpUrl`
 * for streamable HTTP), skills in `.gemini/skills` or `.agents/skills`, instructions as a marked section of
 * `GEMINI.md`. Env references as `${NAME}`. Sources: docs/agents.md#gemini-cli.
 */
import type { JsonObject } from "../core/json.js";
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { instructionsSection, translated } from "./render-helpers.js";

export const gemini = mcpConfigAdapter({
  id: "gemini",
  configPath: ".gemini/settings.json",
  serversKey: "mcpServers",
  entry(m) {
    const t = translated(m, (n) => `\${${n}}`);
    if (m.transport === "stdio") {
      const [command, ...args] = t.command;
      return { command: command!, ...(args.length > 0 && { args }), ...(t.env && { env: t.env }) } as JsonObject;
    }
    // A bare `url` means streamable HTTP to current Gemini CLI; SSE must say so.
    const target: JsonObject = m.transport === "sse" ? { type: "sse", url: t.url! } : { httpUrl: t.url! };
    return { ...target, ...(t.headers && { headers: t.headers }) } as JsonObject;
  },
  skillDirs: [".agents/skills", ".gemini/skills"],
  markers: [".gemini", "GEMINI.md"],
  mcpFollowUp: "gemini: restart running Gemini CLI sessions; the project folder must be trusted for its .gemini/settings.json to load.",
  instructions: (sel) => instructionsSection(sel, "gemini", "GEMINI.md"),
});
