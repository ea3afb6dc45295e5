/**
 * The desired state: packs.yaml, each pack resolved and loaded, its components selected, and
 * rendered by every agent adapter into desired items.
 */
import picomatch from "picomatch";
import type { AgentAdapter } from "../agents/agent-adapter.js";
import { adapterFor, SKILL_DIR_PREFERENCE, supportedAgents } from "../agents/registry.js";
import { skillItems } from "../agents/skill-items.js";
import { loadProjectConfig } from "../config/load-project-config.js";
import type { ProjectConfig } from "../config/project-config.js";
import type { AgentId } from "../core/agent-id.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DesiredItem } from "../core/item.js";
import type { JsonObject } from "../core/json.js";
import type { Hasher } from "../core/live.js";
import { literalSecretWarnings } from "../core/literal-secrets.js";
import { selectComponents, type Selection } from "../core/select-components.js";
import { placeSkills } from "../core/skill-placement.js";
import type { ProjectFs } from "../io/project-fs.js";
import { walkProject } from "../io/walk-project.js";
import type { ResolvedPack } from "../sources/resolve-source.js";
import type { Lock } from "../lockfile/lock-model.js";
import { hiddenUnicodeWarnings } from "./hidden-unicode-warnings.js";
import { resolvePacks, type SourceSettings } from "./resolve-packs.js";

export const CONFIG_PATH = "packs.yaml";

export interface DesiredState {
  config: ProjectConfig;
  agents: AgentId[];
  /** Why these agents: "from packs.yaml" or what was detected. */
  agentsNote: string;
  packs: ResolvedPack[];
  /** packs.lock.yaml as it was before this run, if there was one, and its readTextHash. */
  lock?: Lock;
  lockTextHash?: string;
  selections: Selection[];
  desired: DesiredItem[];
  templates: Record<string, JsonObject>;
  diagnostics: Diagnostic[];
}

export async function loadDesiredState(fs: ProjectFs, hash: Hasher, sources: SourceSettings): Promise<{ state?: DesiredState; diagnostics: Diagnostic[] }> {
  const text = await fs.readText(CONFIG_PATH);
  if (text === undefined) {
    return { diagnostics: [{ code: "packs-yaml/missing", severity: "error", summary: `no ${CONFIG_PATH} in ${fs.root}`, location: { file: CONFIG_PATH }, hint: "Create packs.yaml (start with `version: 1` and a `packs:` map), or pass --cwd to the project folder." }] };
  }
  if (text.includes("\uFFFD") && (await fs.observe(CONFIG_PATH)).text === undefined) {
    return { diagnostics: [{ code: "packs-yaml/not-utf8", severity: "error", summary: `${CONFIG_PATH} is not UTF-8 text`, location: { file: CONFIG_PATH }, hint: `Save ${CONFIG_PATH} as UTF-8.` }] };
  }
  const loaded = loadProjectConfig(CONFIG_PATH, text);
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.config) return { diagnostics };
  const config = loaded.config;

  const { agents, note } = await chooseAgents(config, fs, diagnostics);
  const { packs, lock, lockTextHash, diagnostics: sourceDiagnostics } = await resolvePacks(config, fs, sources);
  diagnostics.push(...sourceDiagnostics);

  const detected = await detector(fs, packs);
  const selections = packs.map((p) => selectComponents(p.pack, p.entry, detected));
  const templates = configTemplates();
  const configPaths = new Map<AgentId, string>();
  for (const id of agents) configPaths.set(id, await configPathFor(adapterFor(id), fs, diagnostics));
  const desired: DesiredItem[] = [];
  const packsByKey = new Map(packs.map((p) => [p.entry.key, p] as const));
  for (const sel of selections) {
    const resolved = packsByKey.get(sel.key)!;
    diagnostics.push(...sel.diagnostics, ...literalSecretWarnings(sel), ...hiddenUnicodeWarnings(sel, resolved));
    const entry = resolved.entry;
    const packAgents = agents.filter((a) => !entry.agents || entry.agents.includes(a));
    if (packAgents.length === 0 && agents.length > 0) {
      diagnostics.push({
        code: "packs-yaml/pack-serves-no-agent",
        severity: "warning",
        summary: `pack "${sel.key}" is limited to ${entry.agents!.join(", ")}, none of the agents in use (${agents.join(", ")}); it installs nothing`,
        location: entry.location,
        hint: `Add the agent to the top-level agents: list, or change the pack's agents:.`,
      });
    }
    const packItems: DesiredItem[] = [];
    for (const id of packAgents) {
      const adapter = adapterFor(id);
      const configPath = configPaths.get(id)!;
      const r = adapter.render(sel, { configPath, hash });
      packItems.push(...r.items);
      diagnostics.push(...r.diagnostics);
    }
    desired.push(...shareInstructions(packItems));
    const skills = placeSkills(packAgents, (a) => adapterFor(a).skillDirs, SKILL_DIR_PREFERENCE);
    desired.push(...skillItems(sel, skills.placements));
    if (sel.skills.length > 0) {
      for (const agent of skills.seenTwice) {
        const dirs = skills.placements.map((p) => p.dir).filter((d) => adapterFor(agent).skillDirs.includes(d));
        sel.notes.push(`${agent} reads ${dirs.join(" and ")}, so it sees each skill more than once (identical copies); no choice of folders avoids that with these agents`);
      }
    }
  }
  return { state: { config, agents, agentsNote: note, packs, ...(lock && { lock, lockTextHash }), selections, desired, templates, diagnostics }, diagnostics };
}

/**
 * An agent that also loads another agent's instruction file (opencode, Cursor and VS Code read
 * AGENTS.md) takes the pack's instructions from there instead of writing its own copy, so it
 * reads them once. The shared copy then says it serves that agent too.
 */
function shareInstructions(items: DesiredItem[]): DesiredItem[] {
  const carriers = items.filter((i) => i.instructions && i.address.kind !== "element");
  const dropped = new Set<string>();
  for (const agent of new Set(items.map((i) => i.agent))) {
    const reads = adapterFor(agent).alsoReadsInstructions ?? [];
    const shared = carriers.find((c) => c.agent !== agent && !dropped.has(c.agent) && reads.some((r) => (r.endsWith("/") ? c.address.path.startsWith(r) : c.address.path === r)));
    if (!shared) continue;
    dropped.add(agent);
    shared.serves = [...new Set([...shared.serves, agent])].sort();
  }
  return items.filter((i) => !(i.instructions && dropped.has(i.agent)));
}

/**
 * The template of every config file an adapter may have created, whether or not its agent or
 * any pack is still in use: a file packs created is deleted once only its template is left.
 */
function configTemplates(): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const id of supportedAgents()) {
    const a = adapterFor(id);
    for (const path of [...a.configCandidates, a.newConfig.path]) out[path] = a.newConfig.template;
  }
  return out;
}

/** The agents a plan serves: packs.yaml's list, or those detected from their files. */
export async function chooseAgents(config: ProjectConfig, fs: ProjectFs, diagnostics: Diagnostic[]): Promise<{ agents: AgentId[]; note: string }> {
  if (config.agents) return { agents: config.agents, note: "from packs.yaml" };
  const { agents, note } = await detectAgents(fs);
  return { agents, note };
}

export interface DetectedAgents {
  /** The agents found, in registry order; `["opencode"]` when none was. */
  agents: AgentId[];
  /** Each agent found and the first of its markers that exists; empty when none was. */
  found: { agent: AgentId; marker: string }[];
  /** "detected opencode (found opencode.json), …" or "none detected; defaulting to opencode". */
  note: string;
}

/** The agents whose marker files are at the project root (used when packs.yaml has no `agents:`, and by `packs init`). */
export async function detectAgents(fs: ProjectFs): Promise<DetectedAgents> {
  const found: { agent: AgentId; marker: string }[] = [];
  for (const id of supportedAgents()) {
    for (const marker of adapterFor(id).markers) {
      if (await fs.exists(marker)) {
        found.push({ agent: id, marker });
        break;
      }
    }
  }
  if (found.length === 0) return { agents: ["opencode"], found, note: "none detected; defaulting to opencode" };
  return { agents: found.map((f) => f.agent), found, note: `detected ${found.map((f) => `${f.agent} (found ${f.marker})`).join(", ")}` };
}

/** The config file to edit: the existing one that takes precedence, else the one packs creates. */
async function configPathFor(adapter: AgentAdapter, fs: ProjectFs, diagnostics: Diagnostic[]): Promise<string> {
  const existing: string[] = [];
  for (const c of adapter.configCandidates) if (await fs.exists(c)) existing.push(c);
  const chosen = existing[0] ?? adapter.newConfig.path;
  if (existing.length > 1) {
    diagnostics.push({ code: "agent/several-configs", severity: "info", summary: `${adapter.id} merges ${existing.join(", ")}; packs edits ${chosen}, which takes precedence`, location: { file: chosen } });
  }
  return chosen;
}

/** A detect function that walks the project once, and only if some pack has a detect group. */
async function detector(fs: ProjectFs, packs: readonly ResolvedPack[]): Promise<(globs: readonly string[]) => string | undefined> {
  const needed = packs.some((p) => p.pack.skillGroups.some((g) => g.activation === "detect"));
  const files = needed ? await walkProject(fs.root) : [];
  return (globs) => firstMatch(files, globs);
}

/** The first of the project's files (from walkProject) that one of the detect globs matches. */
export function firstMatch(files: readonly string[], globs: readonly string[]): string | undefined {
  const match = picomatch([...globs], { dot: true });
  return files.find((f) => match(f));
}
