/**
 * The plan use case: read everything, decide in core, and return the Plan value. Writes nothing.
 */
import type { Resolution } from "../core/decide.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { plan as corePlan } from "../core/plan.js";
import type { JsonObject, JsonValue } from "../core/json.js";
import type { ProjectConfig } from "../config/project-config.js";
import { PLAN_FORMAT_VERSION, type FileChange, type Plan, type PlanItem } from "../core/plan-model.js";
import { adapterFor, supportedAgents } from "../agents/registry.js";
import type { AgentId } from "../core/agent-id.js";
import type { Sidecar } from "../core/sidecar.js";
import { sha256Sri } from "../io/hash.js";
import { linksOutOfProject } from "../io/links-out.js";
import type { ProjectFs } from "../io/project-fs.js";
import { readRecordedState } from "../observe/read-state.js";
import { groupBy } from "../core/group-by.js";
import { loadDesiredState } from "./desired-state.js";
import { observeLive } from "./observe-live.js";
import { skillDuplicateWarnings } from "./skill-duplicates.js";
import { frozenLockDiagnostics, movedTagDiagnostics, pinChange } from "./frozen-lock.js";
import type { SourceSettings } from "./resolve-packs.js";
import { buildLock, stateChanges } from "./state-files.js";
import { LOCK_PATH } from "../lockfile/render-lock.js";
import { inputsHash } from "../lockfile/lock-model.js";

export interface PlanRequest {
  resolution: Resolution;
  /** Limit the plan to one pack's items (`--pack`); other packs' files and records stay as they are. */
  pack?: string;
  /** Limit the plan to the items that serve one agent (`--agent`); the rest stay as they are. */
  agent?: string;
  /** `--frozen`: the lock must already say everything; a plan that would change it is an error. */
  frozen?: boolean;
}

export interface EngineContext {
  fs: ProjectFs;
  packsVersion: string;
  /** How the project is named in output (the --cwd as given, or "."). */
  projectLabel: string;
  sources: SourceSettings;
}

export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; diagnostics: Diagnostic[] };

/** Say so when packs creates an agent's config file because the project has none. */
function newConfigNotes(writes: readonly FileChange[], templates: Readonly<Record<string, JsonObject>>): string[] {
  return writes
    .filter((w) => w.before === null && w.after !== null && templates[w.path] !== undefined)
    .map((w) => `no agent config file yet: packs creates ${w.path} (${JSON.stringify(templates[w.path])} plus the entries below)`);
}

/** Follow-ups of each agent whose MCP servers this plan adds or changes. */
function followUps(items: readonly PlanItem[]): string[] {
  const agents = new Set(items.filter((i) => !i.blocked && i.target.kind === "entry" && /^(create|recreate|update|conflict|drift)$/.test(i.action)).map((i) => i.agent));
  return [...agents].sort().flatMap((a) => adapterFor(a).mcpFollowUp ?? []);
}

export const hashText = (text: string): string => sha256Sri(text);

export async function makePlan(req: PlanRequest, ctx: EngineContext): Promise<PlanOutcome> {
  const { fs } = ctx;
  const loaded = await loadDesiredState(fs, hashText, ctx.sources);
  if (!loaded.state || hasErrors(loaded.diagnostics)) return { ok: false, diagnostics: loaded.diagnostics };
  const state = loaded.state;
  const diagnostics = [...state.diagnostics];

  if (req.pack && !state.config.packs.some((p) => p.key === req.pack)) {
    return { ok: false, diagnostics: [...diagnostics, { code: "cli/unknown-pack", severity: "error", summary: `no pack "${req.pack}" in packs.yaml`, location: { file: "packs.yaml" }, hint: `Packs: ${state.config.packs.map((p) => p.key).join(", ") || "none"}.` }] };
  }
  if (req.agent && !state.agents.includes(req.agent as AgentId)) {
    return { ok: false, diagnostics: [...diagnostics, { code: "cli/unknown-agent", severity: "error", summary: `agent "${req.agent}" is not among the agents in use (${state.agents.join(", ") || "none"})`, location: { file: "packs.yaml" }, hint: `Pass one of them to --agent, or add "${req.agent}" to agents: in packs.yaml (${supportedAgents().join(", ")}).` }] };
  }
  const recorded = await readRecordedState(fs);
  diagnostics.push(...recorded.diagnostics);
  if (hasErrors(recorded.diagnostics)) return { ok: false, diagnostics };

  const inScope = (pack: string) => !req.pack || pack === req.pack;
  const desired = state.desired.filter((d) => inScope(d.owner));
  const sidecars = recorded.sidecars.filter((s) => inScope(s.pack));
  const pending = recorded.pending.filter((s) => inScope(s.pack));
  diagnostics.push(...(await skillDuplicateWarnings(fs, desired, recorded.sidecars)));
  const live = await observeLive(fs, desired, [...sidecars, ...pending], { text: "changed", folders: true });
  const active = state.config.packs.map((p) => p.key).filter(inScope);

  const core = corePlan({ desired, templates: state.templates, activePacks: active, sidecars, pending, live, resolution: req.resolution, hash: hashText, ignore: state.config.ignore, ...(req.agent && { scope: (serves) => serves.includes(req.agent as AgentId) }) });
  diagnostics.push(...core.diagnostics);
  diagnostics.push(...(await linkDiagnostics(fs.root, [...core.files.mkdir, ...core.files.writes.map((w) => w.path), ...core.files.rmdir, ...PACKS_OWN_FILES])));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const wanted = new Set(state.config.packs.map((p) => p.key));
  const untouched: Sidecar[] = recorded.sidecars.filter((s) => !inScope(s.pack) && wanted.has(s.pack));
  const finalSidecars = new Map([...untouched.map((s) => [s.pack, s] as const), ...core.sidecars]);
  // A full plan records the inputs it applies; a scoped or --frozen one keeps what the lock said.
  const full = !req.pack && !req.agent && !req.frozen;
  const built = buildLock(state.packs, finalSidecars, hashText);
  const inputs = full ? inputsHash(ctx.packsVersion, configInputs(state.config, state.agents), built.packs, hashText) : state.lock?.inputs;
  const lock = { ...built, ...(inputs !== undefined && { inputs }) };
  const known = new Map([...recorded.textHashes, [LOCK_PATH, state.lockTextHash]]);
  const state_ = await stateChanges(fs, lock, finalSidecars, recorded.sidecars.filter((s) => inScope(s.pack)), known);
  if (req.frozen) {
    const frozen = [
      ...movedTagDiagnostics(state.packs),
      ...frozenLockDiagnostics(state.lock, lock, state_.some((c) => c.path === LOCK_PATH)),
    ];
    if (frozen.length > 0) return { ok: false, diagnostics: [...diagnostics, ...frozen] };
  }

  const selectionNotes = new Map(state.selections.map((s) => [s.key, s.notes] as const));
  const plan: Plan = {
    format_version: PLAN_FORMAT_VERSION,
    packs_version: ctx.packsVersion,
    project: ctx.projectLabel,
    agents: state.agents,
    agents_reason: state.agentsNote,
    ...((req.pack || req.agent) && { scope: { ...(req.pack && { pack: req.pack }), ...(req.agent && { agent: req.agent }) } }),
    notes: [...newConfigNotes(core.files.writes, state.templates), ...followUps(core.items)],
    packs: state.packs.filter((p) => inScope(p.entry.key)).map((p) => ({
      name: p.entry.key,
      version: p.pack.version,
      source: p.entry.sourceText,
      resolved: p.pin.resolved,
      tier: p.pack.tier,
      ...(p.pin.floating && { floating: true as const }),
      ...pinChange(state.lock?.packs[p.entry.key], p.pin.resolved),
      notes: [...p.notes, ...(selectionNotes.get(p.entry.key) ?? [])],
    })),
    items: core.items,
    files: core.files,
    state: state_,
    diagnostics,
    summary: core.summary,
    ...(Object.keys(core.context).length > 0 && { context: core.context }),
    empty: !core.changes && state_.length === 0,
    blocked: core.items.some((i) => i.blocked),
  };
  return { ok: true, plan };
}

/** What apply writes besides the plan's files: the lock, the sidecars, the journal and the apply lock. */
const PACKS_OWN_FILES = ["packs.lock.yaml", ".packs/.gitignore", ".packs/state/", ".packs/tmp/"];

/**
 * packs writes only inside the project: a path it would touch through a symlink that leads out of
 * the project is an error, one per link.
 */
async function linkDiagnostics(root: string, paths: readonly string[]): Promise<Diagnostic[]> {
  const links = groupBy(await linksOutOfProject(root, paths), ([, link]) => link);
  return [...links].sort(([a], [b]) => (a < b ? -1 : 1)).map(([link, under]) => ({
    code: "project/link-outside",
    severity: "error" as const,
    summary: `${link} is a symlink that leads out of the project; packs would write ${under.length === 1 ? under[0]![0] : `${under.length} paths`} through it`,
    location: { file: link },
    hint: "packs writes only inside the project. Replace the symlink with a real folder (or file), or remove it, then run the command again.",
  }));
}

/** packs.yaml as it bears on a plan: the parsed config without positions, and the agents served. */
export function configInputs(config: ProjectConfig, agents: readonly AgentId[]): JsonValue {
  const plain = JSON.parse(JSON.stringify(config, (key, value: unknown) => (key === "location" || key === "file" ? undefined : value))) as JsonObject;
  return { ...plain, agents: [...agents] };
}
