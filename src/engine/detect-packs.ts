/**
 * `packs detect`: the registry packs whose `detect` rules match files of this project and that
 * packs.yaml does not have yet. A registry entry's `detect` is a list of file globs (the
 * registry.json form, `["dbt_project.yml"]`) or of rules `{files: [...], message}` (the PACK.yaml
 * form); globs are matched against the project's files as skill groups' detect rules are
 * (walkProject, then desired-state's firstMatch). Read-only.
 */
import type { ProjectConfig } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { walkProject } from "../io/walk-project.js";
import { CONFIG_PATH, firstMatch } from "./desired-state.js";
import type { EngineContext } from "./make-plan.js";
import { loadRegistryPacks, type RegistryPack } from "./registry-search.js";

export interface DetectRule {
  files: string[];
  message?: string;
}

/** Why a pack matched: the first project file one rule's globs match. */
export interface DetectMatch {
  file: string;
  /** The glob that matched it. */
  pattern: string;
  message?: string;
}

export interface DetectedPack extends RegistryPack {
  matches: DetectMatch[];
}

export type DetectOutcome =
  | {
      ok: true;
      detected: DetectedPack[];
      /** Packs whose rules match but that packs.yaml already has (by key or by `registry:<name>`). */
      alreadyAdded: string[];
      /** How many project files were looked at. */
      filesScanned: number;
      notes: string[];
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

export async function detectPacks(ctx: EngineContext): Promise<DetectOutcome> {
  const loaded = await loadRegistryPacks(ctx);
  if (!loaded.ok) return loaded;
  const diagnostics = [...loaded.diagnostics];
  // Only the entry `registry:<name>` resolves to: a name a registry earlier in packs.yaml also has is that one's.
  const candidates = loaded.packs.filter((p) => !p.shadowedBy);
  const withRules = candidates.map((p) => ({ pack: p, rules: detectRules(p, diagnostics) })).filter((c) => c.rules.length > 0);
  const files = withRules.length > 0 ? await walkProject(ctx.fs.root) : [];
  const detected: DetectedPack[] = [];
  const alreadyAdded: string[] = [];
  for (const { pack, rules } of withRules) {
    const matches = rules.flatMap((r) => matchRule(files, r));
    if (matches.length === 0) continue;
    if (inConfig(loaded.config, pack.name)) alreadyAdded.push(pack.name);
    else detected.push({ ...pack, matches });
  }
  return { ok: true, detected, alreadyAdded, filesScanned: files.length, notes: loaded.notes, diagnostics };
}

/** The entry's rules; a `detect` of another shape is a warning and no rule. */
export function detectRules(p: Pick<RegistryPack, "name" | "registry" | "entry">, diagnostics: Diagnostic[]): DetectRule[] {
  const raw = (p.entry as { detect?: unknown }).detect;
  if (raw === undefined || raw === null) return [];
  const bad = () => {
    diagnostics.push({
      code: "registry/invalid",
      severity: "warning",
      summary: `registry "${p.registry}": the detect of "${p.name}" is neither a list of file globs nor of {files: [...], message}; it is ignored`,
      location: { file: CONFIG_PATH },
      hint: "Ask the registry's maintainers to fix the entry.",
    });
    return [];
  };
  if (!Array.isArray(raw)) return bad();
  const globs: string[] = [];
  const rules: DetectRule[] = [];
  for (const item of raw) {
    if (typeof item === "string") globs.push(item);
    else if (isRule(item)) rules.push({ files: [...item.files], ...(typeof item.message === "string" && { message: item.message }) });
    else return bad();
  }
  return [...(globs.length > 0 ? [{ files: globs }] : []), ...rules].filter((r) => r.files.length > 0);
}

function isRule(v: unknown): v is { files: string[]; message?: unknown } {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const files = (v as { files?: unknown }).files;
  return Array.isArray(files) && files.every((f) => typeof f === "string");
}

/** The first glob of the rule (in its order) that matches a file, with that file. */
function matchRule(files: readonly string[], rule: DetectRule): DetectMatch[] {
  for (const pattern of rule.files) {
    const file = firstMatch(files, [pattern]);
    if (file !== undefined) return [{ file, pattern, ...(rule.message !== undefined && { message: rule.message }) }];
  }
  return [];
}

/** Is the pack in packs.yaml already: under its own name, or as `registry:<name>` under another key? */
function inConfig(config: ProjectConfig, name: string): boolean {
  return config.packs.some((e) => e.key === name || (e.source.kind === "registry" && e.source.name === name));
}
