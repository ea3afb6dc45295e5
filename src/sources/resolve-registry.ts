/**
 * `registry:<name>[@range]`: look the name up in the project's registries (in packs.yaml order;
 * the first that has it wins), take the highest version in the range, and fetch the git
 * repository the entry names. With a pin from the lock, the index is not read at all.
 */
import semver from "semver";
import { isSourceSpecError, parseSourceSpec } from "../config/source-spec.js";
import type { PackEntry } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { loadRegistryIndex, type RegistryEntry, type RegistryIndex } from "./registry-index.js";
import { fetchGit, type Moved } from "./resolve-git.js";
import type { FetchOutcome, ResolveRequest, SourceContext } from "./source-context.js";

type RegistrySource = { kind: "registry"; name: string; range?: string };

export async function fetchRegistry(req: ResolveRequest & { entry: PackEntry & { source: RegistrySource } }, ctx: SourceContext): Promise<FetchOutcome & { moved?: Moved }> {
  const { entry, locked } = req;
  const src = entry.source;
  const err = (code: string, summary: string, hint: string): FetchOutcome => ({ diagnostics: [{ code, severity: "error", summary: `pack "${entry.key}": ${summary}`, location: entry.location, hint }] });

  if (locked?.kind === "registry" && locked.url && locked.registry) {
    const got = await fetchGit({ key: entry.key, label: entry.sourceText, url: locked.url, ...(locked.ref !== undefined && { ref: locked.ref }), ...(locked.path !== undefined && { path: locked.path }), location: entry.location, lockedSha: locked.resolved }, ctx);
    if (!got.fetched) return got;
    return { ...got, fetched: { ...got.fetched, pin: { ...got.fetched.pin, kind: "registry", registry: locked.registry } } };
  }

  const names = Object.keys(ctx.registries);
  if (names.length === 0) return err("registry/none", `${entry.sourceText} needs a registry, and packs.yaml names none`, "Add one: registries: { default: https://example.com/registry.json }.");
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];
  let found: { index: RegistryIndex; entry: RegistryEntry } | undefined;
  const seen: string[] = [];
  for (const name of names) {
    const loaded = await loadRegistryIndex(name, ctx.registries[name]!, ctx);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.index) continue;
    const candidates = loaded.index.entries.filter((e) => e.name === src.name);
    seen.push(...candidates.map((c) => c.version ?? "(no version)"));
    const best = pickVersion(candidates, src.range);
    if (best) {
      found = { index: loaded.index, entry: best };
      if (loaded.index.staleNote) notes.push(loaded.index.staleNote);
      break;
    }
  }
  if (!found) {
    // A registry that could not be read matters only when no other one has the pack.
    if (diagnostics.length > 0 && seen.length === 0) return { diagnostics };
    return seen.length > 0
      ? err("source/no-matching-version", `no version of "${src.name}" in the registries satisfies ${src.range}`, `Versions listed: ${seen.join(", ")}.`)
      : err("source/not-found", `no pack named "${src.name}" in the registries (${names.join(", ")})`, "Check the name against the registry's index, or add the registry that has it under registries: in packs.yaml.");
  }

  const url = gitUrlOf(found.entry);
  if (!url) return err("registry/invalid", `the registry entry for "${src.name}" has neither a usable source nor repo`, "Ask the registry's maintainers to fix the entry.");
  const got = await fetchGit({
    key: entry.key,
    label: entry.sourceText,
    url,
    ...(found.entry.ref !== undefined && { ref: found.entry.ref }),
    ...(found.entry.path !== undefined && { path: found.entry.path }),
    location: entry.location,
  }, ctx);
  // Registries that failed before the one that had the pack are warnings now, not errors.
  const earlier = diagnostics.map((d) => ({ ...d, severity: "warning" as const }));
  if (!got.fetched) return { diagnostics: [...earlier, ...got.diagnostics] };
  const registry = { name: found.index.name, url: found.index.url, version: found.entry.version ?? "" };
  return { ...got, fetched: { ...got.fetched, notes: [...notes, ...got.fetched.notes], pin: { ...got.fetched.pin, kind: "registry", registry } }, diagnostics: [...earlier, ...got.diagnostics] };
}

/** The highest version satisfying the range; without a range, the highest (or the only) entry. */
function pickVersion(candidates: readonly RegistryEntry[], range: string | undefined): RegistryEntry | undefined {
  const valid = candidates.filter((c) => c.version !== undefined && semver.valid(c.version) !== null);
  if (range !== undefined) {
    return valid.filter((c) => semver.satisfies(c.version!, range)).sort((a, b) => semver.rcompare(a.version!, b.version!))[0];
  }
  return valid.sort((a, b) => semver.rcompare(a.version!, b.version!))[0] ?? candidates[0];
}

function gitUrlOf(e: RegistryEntry): string | undefined {
  if (e.source !== undefined) {
    const spec = parseSourceSpec(e.source);
    return !isSourceSpecError(spec) && spec.kind === "git" ? spec.url : undefined;
  }
  return e.repo !== undefined ? `https://github.com/${e.repo}.git` : undefined;
}
