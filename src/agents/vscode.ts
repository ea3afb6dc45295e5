/**
 * VS Code (Copilot): `.vscode/mcp.json` `servers` with an explicit `type`, instructions as
 * `.github/instructions/<pack>.instructions.md` applying to every file. Env references as
 * `${env:NAME}`. Sources: docs/agents.md#vs-code.
 */
import type { JsonObject } from "../core/json.js";
import { mcpConfigAdapter } from "./mcp-config-adapter.js";
import { instructionsFile, translated } from "./render-helpers.js";

export const vscode = mcpConfigAdapter({
  id: "vscode",
  configPath: ".vscode/mcp.json",
  serversKey: "servers",
  entry(m) {
    const t = translated(m, (n) => `\${env:${n}}`);
    if (m.transport === "stdio") {
      const [command, ...args] = t.command;
      return { type: "stdio", command: command!, ...(args.length > 0 && { args }), ...(t.env && { env: t.env }) } as JsonObject;
    }
    return { type: m.transport, url: t.url!, ...(t.headers && { headers: t.headers }) } as JsonObject;
  },
  skillDirs: [".agents/skills", ".github/skills", ".claude/skills"],
  markers: [".vscode/mcp.json", ".github/copilot-instructions.md", ".github/instructions"],
  alsoReadsInstructions: ["AGENTS.md", ".claude/rules/"],
  mcpFollowUp: "vscode: VS Code asks to trust and start new servers from .vscode/mcp.json.",
  instructions: (sel, hash) => instructionsFile(sel, "vscode", `.github/instructions/${sel.key}.instructions.md`, hash, `---\napplyTo: "**"\n---\n`),
});
