/** The adapters packs ships. Agents listed in AGENT_IDS without an adapter are not supported yet. */
import type { AgentId } from "../core/agent-id.js";
import type { AgentAdapter } from "./agent-adapter.js";
import { opencode } from "./opencode.js";

const ADAPTERS: Partial<Record<AgentId, AgentAdapter>> = { opencode };

export function adapterFor(id: AgentId): AgentAdapter | undefined {
  return ADAPTERS[id];
}

export function supportedAgents(): AgentId[] {
  return Object.keys(ADAPTERS) as AgentId[];
}

/** The shared skill folder first: one copy there serves the most agents. */
export const SKILL_DIR_PREFERENCE = [".agents/skills", ".claude/skills", ".opencode/skills", ".gemini/skills"];
