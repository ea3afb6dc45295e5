/**
 * VS Code (Copilot): `.vscode/mcp.json` `servers` with an explicit `type`, instructions as
 * `.github/instructions/<pack>.instructions.md` applying to every file. Env references as
 * `${env:NAME}`. Sources: docs/agents.md#vs-code.
 */
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { commandEntry, instructionsFile, translated, urlEntry } from "./render-helpers.js";

export const vscode = mcpConfigAdapter({
  id: "vscode",
  configPath: ".vscode/mcp.json",
  serversKey: "servers",
  entry(m) {
    const t = translated(m, (n) => `\${env:${n}}`);
    if (m.transport === "stdio") return commandEntry(t, { type: "stdio" });
    return urlEntry(t, { type: m.transport });
  },
  skillDirs: [".agents/skills", ".github/skills", ".claude/skills"],
  markers: [".vscode/mcp.json", ".github/copilot-instructions.md", ".github/instructions"],
  alsoReadsInstructions: ["AGENTS.md", ".claude/rules/"],
  mcpFollowUp: "vscode: VS Code asks to trust and start new servers from .vscode/mcp.json.",
  instructions: (sel, hash) => instructionsFile(sel, "vscode", `.github/instructions/${sel.key}.instructions.md`, hash, `---\napplyTo: "**"\n---\n`),
});
