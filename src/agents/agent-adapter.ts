/**
 * An agent adapter is data (which files the agent reads) plus a renderer from a pack's selected
 * components to desired items in that agent's own format. Adapters never touch the disk.
 */
import type { AgentId } from "../core/agent-id.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DesiredItem } from "../core/item.js";
import type { JsonObject } from "../core/json.js";
import type { Hasher } from "../core/live.js";
import type { Selection } from "../core/select-components.js";

export interface RenderContext {
  /** The config file to edit: the one the agent would load, or the one packs will create. */
  configPath: string;
  /** sha256 SRI of a text, for the hashes of files the adapter renders. */
  hash: Hasher;
}

export interface AgentAdapter {
  id: AgentId;
  /** Config files the agent loads from the project root, the one that takes precedence first. */
  configCandidates: readonly string[];
  /** The config file packs creates when none exists, and its initial content. */
  newConfig: { path: string; template: JsonObject };
  /** Folders the agent reads skills from (`<dir>/<name>/SKILL.md`). */
  skillDirs: readonly string[];
  /** Files or folders whose presence says the project uses this agent. */
  markers: readonly string[];
  /**
   * Instruction files of other agents this agent also loads (a path, or a folder ending in `/`):
   * when another agent's copy of a pack's instructions is there, this agent writes none of its own.
   */
  alsoReadsInstructions?: readonly string[];
  /** What a user must do after packs changes this agent's MCP servers, shown in the plan. */
  mcpFollowUp?: string;
  /** MCP servers, plugins and instructions (skills are placed across agents, see skill-items). */
  render(selection: Selection, ctx: RenderContext): { items: DesiredItem[]; diagnostics: Diagnostic[] };
}
