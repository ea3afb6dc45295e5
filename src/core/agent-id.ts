/** The coding agents packs knows, as named in packs.yaml. A closed union: switches over it are exhaustive. */
export const AGENT_IDS = ["opencode", "claude-code", "vscode", "cursor", "gemini", "codex"] as const;
export type AgentId = (typeof AGENT_IDS)[number];

export function isAgentId(s: string): s is AgentId {
  return (AGENT_IDS as readonly string[]).includes(s);
}
