/**
 * Rules for an `agents:` list (top level or per pack), beyond its type: duplicates are warned
 * about, an empty list is suspicious, and a pack may only narrow the project's selection.
 */
import type { AgentId } from "../core/agent-id.js";
import { isAgentId } from "../core/agent-id.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { PACKS_YAML_CODES as C } from "./diagnostic-codes.js";
import { formatYamlPath, locatedDiagnostic } from "./located-diagnostic.js";
import { stringItems } from "./yaml-value.js";
import type { YamlPath, YamlSource } from "./yaml-source.js";

/**
 * `raw` is the list as written (null for an empty key). `selected` is the project's top-level
 * agents when given; each agent of a per-pack list must be among them.
 */
export function agentListDiagnostics(source: YamlSource, path: YamlPath, raw: unknown, selected?: readonly AgentId[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (raw === null || (Array.isArray(raw) && raw.length === 0)) {
    const perPack = path.length > 1;
    out.push(locatedDiagnostic(source, {
      severity: "warning",
      code: C.emptyAgents,
      summary: `${formatYamlPath(path)} is empty: ${perPack ? "this pack is set up for no agent" : "no agent will be set up"}`,
      hint: perPack
        ? "List the agents this pack is for, or remove the key to use the project's agents."
        : "List the agents to set up, e.g. agents: [opencode, claude-code], or remove the key to detect them.",
      path,
      which: "key",
    }));
    return out;
  }
  const seen = new Set<string>();
  for (const [i, agent] of stringItems(raw)) {
    if (seen.has(agent)) {
      out.push(locatedDiagnostic(source, {
        severity: "warning",
        code: C.duplicateAgent,
        summary: `agent "${agent}" is listed twice in ${formatYamlPath(path)}`,
        hint: "Remove the repeated entry.",
        path: [...path, i],
      }));
      continue;
    }
    seen.add(agent);
    if (selected !== undefined && isAgentId(agent) && !selected.includes(agent)) {
      out.push(locatedDiagnostic(source, {
        severity: "error",
        code: C.agentNotSelected,
        summary: `${formatYamlPath(path)} names "${agent}", which is not in the project's agents`,
        hint: `A pack can only narrow the top-level agents (${selected.join(", ") || "none"}): add ${agent} there, or remove it here.`,
        path: [...path, i],
      }));
    }
  }
  return out;
}

/** The valid agent ids of a list, first occurrences only; undefined when `raw` is not a list. */
export function agentIdsOf(raw: unknown): AgentId[] | undefined {
  if (raw === null) return [];
  if (!Array.isArray(raw)) return undefined;
  return [...new Set(stringItems(raw).map(([, a]) => a))].filter(isAgentId);
}
