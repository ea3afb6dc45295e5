/**
 * `packs search`: the packs of every registry packs.yaml names (`registries:`), each at its
 * latest version, and those whose name, description or tags contain a term. Read-only: indexes
 * are read through loadRegistryIndex (an HTTP index is cached for the registry TTL; --offline
 * uses the cache only). `packs detect` (detect-packs.ts) reads the registries the same way.
 */
import semver from "semver";
import { loadProjectConfig } from "../config/load-project-config.js";
import type { ProjectConfig } from "../config/project-config.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { groupBy } from "../core/group-by.js";
import { TIERS, type Tier } from "../core/pack-model.js";
import { shownTier, sourceAllowed } from "../core/policy.js";
import { loadRegistryIndex, type RegistryEntry } from "../sources/registry-index.js";
import type { SourceContext } from "../sources/source-context.js";
import { CONFIG_PATH } from "./desired-state.js";
import type { EngineContext } from "./make-plan.js";

/** altimate-code's default registry (the published data-engineering-skills index). */
export const EXAMPLE_REGISTRY = "https://raw.githubusercontent.com/AltimateAI/data-engineering-skills/main/registry.json";
const REGISTRIES_HINT = `Add the indexes to search to packs.yaml, e.g.\n    registries:\n      altimate: ${EXAMPLE_REGISTRY}\n  (a URL, a file: URL, or a path relative to the project root; see docs/sources.md).`;

/** One pack of a registry, at the latest version that registry lists. */
export interface RegistryPack {
  name: string;
  /** Absent when the registry gives none. */
  version?: string;
  description?: string;
  /** The registry's name in packs.yaml, and its URL or path as written there. */
  registry: string;
  registryUrl: string;
  /** The tier the entry claims (community when it claims none, or one packs does not know). */
  claimedTier: Tier;
  /** The tier packs shows: a verified or built-in claim only for packs listed under policy.trusted. */
  tier: Tier;
  tags: string[];
  /**
   * A registry listed before this one in packs.yaml has a pack of the same name, so
   * `registry:<name>` resolves there, not here.
   */
  shadowedBy?: string;
  /** The command that adds it to packs.yaml. */
  add: string;
  /** The index entry as the registry has it (for its detect rules). */
  entry: RegistryEntry;
}

export type RegistryPacksOutcome =
  | { ok: true; config: ProjectConfig; packs: RegistryPack[]; notes: string[]; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** packs.yaml's registries, read in order; a registry that cannot be read is a warning while another one can. */
export async function loadRegistryPacks(ctx: EngineContext): Promise<RegistryPacksOutcome> {
  const text = await ctx.fs.readText(CONFIG_PATH);
  if (text === undefined) {
    return { ok: false, diagnostics: [{ code: "registry/none", severity: "error", summary: `no ${CONFIG_PATH} in ${ctx.fs.root}, so no registry to read`, location: { file: CONFIG_PATH }, hint: `Create packs.yaml (version: 1) with a registries: map. ${REGISTRIES_HINT}` }] };
  }
  const loaded = loadProjectConfig(CONFIG_PATH, text);
  if (!loaded.config || hasErrors(loaded.diagnostics)) return { ok: false, diagnostics: loaded.diagnostics };
  const config = loaded.config;
  const names = Object.keys(config.registries);
  if (names.length === 0) {
    return { ok: false, diagnostics: [...loaded.diagnostics, { code: "registry/none", severity: "error", summary: "packs.yaml names no registry (registries:)", location: { file: CONFIG_PATH }, hint: REGISTRIES_HINT }] };
  }

  const allow = config.policy.allowSources;
  const sctx: SourceContext = { fs: ctx.fs, ...ctx.sources, registries: config.registries, runCache: new Map(), ...(allow && { allowSource: (s: string) => sourceAllowed(s, allow) }) };
  const failures: Diagnostic[] = [];
  const notes: string[] = [];
  const packs: RegistryPack[] = [];
  const firstRegistryOf = new Map<string, string>();
  let read = 0;
  for (const name of names) {
    const where = config.registries[name]!;
    const got = await loadRegistryIndex(name, where, sctx);
    failures.push(...got.diagnostics);
    if (!got.index) continue;
    read++;
    if (got.index.staleNote) notes.push(got.index.staleNote);
    for (const [packName, entries] of byName(got.index.entries)) {
      const entry = latest(entries);
      const claimedTier = tierOf(entry.tier);
      const shadowedBy = firstRegistryOf.get(packName);
      if (!shadowedBy) firstRegistryOf.set(packName, name);
      packs.push({
        name: packName,
        ...(entry.version !== undefined && { version: entry.version }),
        ...(entry.description !== undefined && { description: entry.description }),
        registry: name,
        registryUrl: where,
        claimedTier,
        tier: shownTier(packName, `registry:${packName}`, claimedTier, config.policy.trusted),
        tags: stringsOf(entry.tags),
        ...(shadowedBy && { shadowedBy }),
        add: `packs add registry:${packName}`,
        entry,
      });
    }
  }
  // A registry that could not be read stops the command only when none could be.
  if (read === 0) return { ok: false, diagnostics: [...loaded.diagnostics, ...failures] };
  const diagnostics = [...loaded.diagnostics, ...failures.map((d) => ({ ...d, severity: d.severity === "error" ? ("warning" as const) : d.severity }))];
  return { ok: true, config, packs, notes, diagnostics };
}

export type SearchOutcome =
  | { ok: true; term: string; registries: string[]; results: RegistryPack[]; notes: string[]; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** The registry packs whose name, description or tags contain `term` (case-insensitive). */
export async function searchRegistries(term: string, ctx: EngineContext): Promise<SearchOutcome> {
  const loaded = await loadRegistryPacks(ctx);
  if (!loaded.ok) return loaded;
  const results = loaded.packs.filter((p) => matchesTerm(p, term));
  return { ok: true, term, registries: Object.keys(loaded.config.registries), results, notes: loaded.notes, diagnostics: loaded.diagnostics };
}

export function matchesTerm(p: Pick<RegistryPack, "name" | "description" | "tags">, term: string): boolean {
  const t = term.trim().toLowerCase();
  if (t === "") return true;
  return [p.name, p.description ?? "", ...p.tags].some((s) => s.toLowerCase().includes(t));
}

/** Entries grouped by name, in the order the index first lists each name. */
function byName(entries: readonly RegistryEntry[]): Map<string, RegistryEntry[]> {
  return groupBy(entries, (e) => e.name);
}

/** The highest valid semver version, as `registry:<name>` without a range picks it; else the first entry. */
function latest(entries: readonly RegistryEntry[]): RegistryEntry {
  const valid = entries.filter((e) => e.version !== undefined && semver.valid(e.version) !== null);
  return valid.sort((a, b) => semver.rcompare(a.version!, b.version!))[0] ?? entries[0]!;
}

function tierOf(claim: string | undefined): Tier {
  const t = claim?.trim().toLowerCase();
  return (TIERS as readonly string[]).includes(t ?? "") ? (t as Tier) : "community";
}

function stringsOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
