/**
 * Every pack of packs.yaml resolved, reusing the lock's pins: a pack whose lock entry still
 * satisfies packs.yaml is fetched at its pinned commit or version; the others (new, changed in
 * packs.yaml, or named by `packs update`) are resolved afresh.
 */
import { readTextHash } from "../io/hash.js";
import { mapLimit } from "../core/map-limit.js";
import type { PackEntry, ProjectConfig } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { sourceAllowed } from "../core/policy.js";
import type { ProjectFs } from "../io/project-fs.js";
import type { Lock, LockPack } from "../lockfile/lock-model.js";
import { parseLock } from "../lockfile/parse-lock.js";
import { LOCK_PATH } from "../lockfile/render-lock.js";
import { resolveSource, type ResolvedPack } from "../sources/resolve-source.js";
import { applyTrust, floatingDiagnostics, sourcePolicyDiagnostics } from "./source-policy.js";
import type { SourceContext, SourceEvent } from "../sources/source-context.js";

/** How sources are reached in this run; filled by the CLI from flags and the environment. */
export interface SourceSettings {
  cacheDir: string;
  offline: boolean;
  npmRegistry: string;
  registryTtlMs: number;
  now: number;
  /** Packs to resolve afresh, ignoring their pins (`packs update [NAME]`): a set of keys, or all. */
  update?: ReadonlySet<string> | "all";
  /** Network operations as they start and end (the engine's progress hook). */
  onEvent?: (e: SourceEvent) => void;
}

export interface ResolvedPacks {
  packs: ResolvedPack[];
  /** The lock as it was on disk, if there was one. */
  lock?: Lock;
  /** Its readTextHash, to tell an unchanged lock without reading it again. */
  lockTextHash?: string;
  diagnostics: Diagnostic[];
}

/** Packs resolved at once: enough to overlap network fetches and keep the disk busy. */
const PACK_CONCURRENCY = 16;

export async function resolvePacks(config: ProjectConfig, fs: ProjectFs, settings: SourceSettings): Promise<ResolvedPacks> {
  const lockText = await fs.readText(LOCK_PATH);
  const parsed = lockText === undefined ? { diagnostics: [] } : parseLock(LOCK_PATH, lockText);
  if (parsed.diagnostics.length > 0) return { packs: [], diagnostics: parsed.diagnostics };
  const lock = "lock" in parsed ? parsed.lock : undefined;

  const allow = config.policy.allowSources;
  const ctx: SourceContext = { fs, ...settings, registries: config.registries, runCache: new Map(), ...(allow && { allowSource: (s: string) => sourceAllowed(s, allow) }) };
  const fresh = (key: string) => settings.update === "all" || settings.update?.has(key) === true;
  const refused = sourcePolicyDiagnostics(config);
  const read = lock && { lock, lockTextHash: readTextHash(lockText!) };
  if (refused.length > 0) return { packs: [], ...read, diagnostics: refused };
  // A few packs at a time: each resolved pack holds its files, and a thousand read at once held
  // them all twice over (buffers and text) before the first was loaded.
  const results = await mapLimit(config.packs, PACK_CONCURRENCY, (entry) => {
    const locked = lock?.packs[entry.key];
    return resolveSource({ entry, ...(locked && !fresh(entry.key) && satisfies(locked, entry) && { locked }) }, ctx);
  });
  const packs: ResolvedPack[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const r of results) {
    diagnostics.push(...r.diagnostics);
    if (!r.resolved) continue;
    const trusted = applyTrust(r.resolved, config.policy);
    diagnostics.push(...floatingDiagnostics(trusted, config.policy));
    packs.push(trusted);
  }
  return { packs, ...read, diagnostics };
}

/** Does the lock's entry still pin what packs.yaml asks for (same source, and for git the same ref and path)? */
export function satisfies(locked: LockPack, entry: PackEntry): boolean {
  if (locked.source !== entry.sourceText || locked.kind !== pinKindOf(entry)) return false;
  if (entry.source.kind === "git") return locked.ref === entry.ref && locked.path === entry.path;
  return true;
}

function pinKindOf(entry: PackEntry): LockPack["kind"] {
  return entry.source.kind;
}
