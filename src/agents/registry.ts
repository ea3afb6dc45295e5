/** The adapters packs ships: one for every agent id. */
import type { AgentId } from "../core/agent-id.js";
import type { AgentAdapter } from "./agent-adapter.js";
import { claudeCode } from "./claude-code.js";
import { codex } from "./codex.js";
import { cursor } from "./cursor.js";
import { gemini } from "./gemini.js";
import { opencode } from "./opencode.js";
import { vscode } from "./vscode.js";

const ADAPTERS: Record<AgentId, AgentAdapter> = { opencode, "claude-code": claudeCode, vscode, cursor, gemini, codex };

export function adapterFor(id: AgentId): AgentAdapter {
  return ADAPTERS[id];
}

export function supportedAgents(): AgentId[] {
  return Object.keys(ADAPTERS) as AgentId[];
}

/** The shared skill folder first: one copy there serves the most agents. */
export const SKILL_DIR_PREFERENCE = [".agents/skills", ".claude/skills", ".codex/skills", ".gemini/skills", ".opencode/skills", ".github/skills", ".cursor/skills"];
