/**
 * Resolve a packs.yaml entry to a loaded Pack and the pin the lock records, whatever its kind of
 * source. The lock's pin, when given, is fetched again instead of resolving afresh.
 */
import type { PackEntry } from "../config/project-config.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import type { Pack } from "../core/pack-model.js";
import type { SourcePin } from "../core/source-pin.js";
import { loadFetchedTree } from "./load-fetched.js";
import { fetchSkillSources } from "./skill-sources.js";
import { fetchGit, type Moved } from "./resolve-git.js";
import { fetchLocal } from "./resolve-local.js";
import { fetchNpm } from "./resolve-npm.js";
import { fetchRegistry } from "./resolve-registry.js";
import { fetchTarball } from "./resolve-tarball.js";
import type { FetchOutcome, ResolveRequest, SourceContext } from "./source-context.js";

export interface ResolvedPack {
  entry: PackEntry;
  pack: Pack;
  /** What the source resolved to, as recorded in the lock. */
  pin: SourcePin;
  /** Worth saying in the plan: a stale cache, a ref that moved since the lock. */
  notes: string[];
  /** Set when the lock pins a commit and the ref now names another one. */
  moved?: Moved;
  /** The manifest's tier claim, when the project's policy shows the pack with another tier. */
  claimedTier?: string;
}

export async function resolveSource(req: ResolveRequest, ctx: SourceContext): Promise<{ resolved?: ResolvedPack; diagnostics: Diagnostic[] }> {
  const { entry } = req;
  const outcome = await fetchSource(req, ctx);
  if (!outcome.fetched) return { diagnostics: outcome.diagnostics };
  const { fetched } = outcome;
  const skills = await fetchSkillSources(entry, fetched.tree, req.locked, ctx);
  if (hasErrors(skills.diagnostics)) return { diagnostics: [...outcome.diagnostics, ...skills.diagnostics] };
  const loaded = loadFetchedTree(entry, fetched.displayRoot, fetched.tree, skills.trees);
  const diagnostics = [...outcome.diagnostics, ...skills.diagnostics, ...loaded.diagnostics];
  if (!loaded.pack) return { diagnostics };
  const moved = "moved" in outcome ? (outcome.moved as Moved | undefined) : undefined;
  const floats = Object.values(skills.pins).some((p) => p.floating);
  const pin: SourcePin = Object.keys(skills.pins).length > 0 ? { ...fetched.pin, skill_sources: skills.pins, ...(floats && { floating: true as const }) } : fetched.pin;
  return { resolved: { entry, pack: loaded.pack, pin, notes: [...fetched.notes, ...skills.notes], ...(moved && { moved }) }, diagnostics };
}

function fetchSource(req: ResolveRequest, ctx: SourceContext): Promise<FetchOutcome & { moved?: Moved }> {
  const { entry, locked } = req;
  const src = entry.source;
  switch (src.kind) {
    case "local":
      return fetchLocal({ ...entry, source: src }, ctx);
    case "git":
      return fetchGit({
        key: entry.key,
        label: entry.sourceText,
        url: src.url,
        ...(entry.ref !== undefined && { ref: entry.ref }),
        ...(entry.path !== undefined && { path: entry.path }),
        location: entry.location,
        ...(locked?.kind === "git" && { lockedSha: locked.resolved }),
      }, ctx);
    case "registry":
      return fetchRegistry({ entry: { ...entry, source: src }, ...(locked && { locked }) }, ctx);
    case "npm":
      return fetchNpm(req, ctx);
    case "tarball":
      return fetchTarball(req, ctx);
    default:
      throw new Error(`bug: no resolver for ${(src as { kind: string }).kind} sources`);
  }
}
