/**
 * `packs lock` and `packs update`: resolve every source (reusing the lock's pins, except for the
 * packs being updated) and compute the new packs.lock.yaml. Agent files are not read or touched;
 * the inventory of deployed items is carried over from the sidecars.
 */
import { loadProjectConfig } from "../config/load-project-config.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { PLAN_FORMAT_VERSION, type FileChange, type Plan } from "../core/plan-model.js";
import { renderLock, LOCK_PATH } from "../lockfile/render-lock.js";
import { readRecordedState } from "../observe/read-state.js";
import { CONFIG_PATH } from "./desired-state.js";
import { hashText, type EngineContext } from "./make-plan.js";
import { resolvePacks } from "./resolve-packs.js";
import { buildLock } from "./state-files.js";

export interface PinReport {
  pack: string;
  source: string;
  /** The pin before; absent for a pack the lock did not have. */
  from?: string;
  to: string;
  version: string;
  floating?: true;
  notes: string[];
}

export type LockOutcome =
  | { ok: true; pins: PinReport[]; removed: string[]; change?: FileChange; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Resolve and render the lock; `ctx.sources.update` names the packs to resolve afresh. */
export async function lockSources(ctx: EngineContext): Promise<LockOutcome> {
  const { fs } = ctx;
  const text = await fs.readText(CONFIG_PATH);
  if (text === undefined) return { ok: false, diagnostics: [{ code: "packs-yaml/missing", severity: "error", summary: `no ${CONFIG_PATH} in ${fs.root}`, location: { file: CONFIG_PATH }, hint: "Create packs.yaml first (packs plan explains the format)." }] };
  const loaded = loadProjectConfig(CONFIG_PATH, text);
  if (!loaded.config) return { ok: false, diagnostics: loaded.diagnostics };
  const config = loaded.config;
  const named = ctx.sources.update instanceof Set ? [...ctx.sources.update] : [];
  const unknown = named.filter((k) => !config.packs.some((p) => p.key === k));
  if (unknown.length > 0) {
    return { ok: false, diagnostics: unknown.map((k) => ({ code: "cli/unknown-pack", severity: "error" as const, summary: `no pack "${k}" in packs.yaml`, location: { file: CONFIG_PATH }, hint: `Packs: ${config.packs.map((p) => p.key).join(", ") || "none"}.` })) };
  }

  const resolved = await resolvePacks(config, fs, ctx.sources);
  const recorded = await readRecordedState(fs);
  const diagnostics = [...loaded.diagnostics, ...resolved.diagnostics, ...recorded.diagnostics];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const lock = buildLock(resolved.packs, new Map(recorded.sidecars.map((s) => [s.pack, s])), hashText, resolved.lock?.inputs);
  const after = renderLock(lock);
  const live = await fs.observe(LOCK_PATH);
  const pins = resolved.packs.map((p): PinReport => {
    const old = resolved.lock?.packs[p.entry.key];
    return {
      pack: p.entry.key,
      source: p.entry.sourceText,
      ...(old && { from: old.resolved }),
      to: p.pin.resolved,
      version: p.pack.version,
      ...(p.pin.floating && { floating: true as const }),
      notes: p.notes,
    };
  });
  const removed = Object.keys(resolved.lock?.packs ?? {}).filter((k) => !lock.packs[k]);
  const change = live.exists && live.text === after ? undefined : { path: LOCK_PATH, before: live.exists ? live.raw! : null, after: { encoding: "utf8" as const, text: after } };
  return { ok: true, pins, removed, ...(change && { change }), diagnostics };
}

/** A plan that only writes the lock, so apply's lock, stale check and journal cover it too. */
export function lockOnlyPlan(change: FileChange, ctx: EngineContext): Plan {
  return {
    format_version: PLAN_FORMAT_VERSION,
    packs_version: ctx.packsVersion,
    project: ctx.projectLabel,
    agents: [],
    agents_reason: "packs lock writes no agent files",
    notes: [],
    packs: [],
    items: [],
    files: { mkdir: [], writes: [], rmdir: [] },
    state: [change],
    diagnostics: [],
    summary: { add: 0, change: 0, remove: 0, blocked: 0, ownership: 0, unchanged: 0 },
    empty: false,
    blocked: false,
  };
}
