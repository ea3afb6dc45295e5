/**
 * Gemini CLI: `.gemini/settings.json` `mcpServers` (`type: "sse"` + `url` for SSE, `httpUrl`
 * for streamable HTTP), skills in `.gemini/skills` or `.agents/skills`, instructions as a marked section of
 * `GEMINI.md`. Env references as `${NAME}`. Sources: docs/agents.md#gemini-cli.
 */
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { commandEntry, instructionsSection, translated, urlEntry } from "./render-helpers.js";

export const gemini = mcpConfigAdapter({
  id: "gemini",
  configPath: ".gemini/settings.json",
  serversKey: "mcpServers",
  entry(m) {
    const t = translated(m, (n) => `\${${n}}`);
    if (m.transport === "stdio") return commandEntry(t);
    // A bare `url` means streamable HTTP to current Gemini CLI: SSE says so, HTTP uses httpUrl.
    if (m.transport === "sse") return urlEntry(t, { type: "sse" });
    return { httpUrl: t.url!, ...(t.headers && { headers: t.headers }) };
  },
  skillDirs: [".agents/skills", ".gemini/skills"],
  markers: [".gemini", "GEMINI.md"],
  mcpFollowUp: "gemini: restart running Gemini CLI sessions; the project folder must be trusted for its .gemini/settings.json to load.",
  instructions: (sel) => instructionsSection(sel, "gemini", "GEMINI.md"),
});
