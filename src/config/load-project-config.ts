/**
 * packs.yaml text → ProjectConfig, or every problem in it (DESIGN §2, §6.4). Pure: the caller
 * reads the file and passes its text; nothing is resolved (no network, no file system).
 *
 * Pipeline: YAML (positions kept) → document shape → zod schema (types, unknown keys) → rules
 * (pack keys, sources, paths, excludes, agents, env references, registries, ignore) → normalised model.
 * The schema and the rules both run on the whole document, so one bad pack never hides problems
 * in another. `config` is returned only when there is no error; warnings may accompany it.
 */
import type { z } from "zod";
import { isMap, isScalar } from "yaml";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { agentIdsOf, agentListDiagnostics } from "./agent-list-rules.js";
import { PACKS_YAML_CODE_PREFIX, PACKS_YAML_CODES as C } from "./diagnostic-codes.js";
import { checkIgnore } from "./ignore-rules.js";
import { checkPackEntry } from "./pack-entry-rules.js";
import { packsYamlSchema, type PacksYaml } from "./packs-yaml-schema.js";
import type { PackEntry, ProjectConfig, SourceSpec } from "./project-config.js";
import { registryDiagnostics } from "./registry-rules.js";
import { schemaIssueDiagnostics } from "./schema-issue-diagnostics.js";
import { locate, parseYamlSource, type YamlSource } from "./yaml-source.js";
import { isYamlMap } from "./yaml-value.js";

export interface LoadProjectConfigResult {
  config?: ProjectConfig;
  /** In file order (line, then column). */
  diagnostics: Diagnostic[];
}

export function loadProjectConfig(file: string, text: string): LoadProjectConfigResult {
  const parsed = parseYamlSource(file, text, PACKS_YAML_CODE_PREFIX);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const { source, value } = parsed;
  if (value === null || value === undefined) {
    return { diagnostics: [{ code: C.emptyFile, severity: "error", summary: "packs.yaml is empty", location: { file, line: 1, col: 1 }, hint: "Start the file with version: 1, then list packs under packs:." }] };
  }
  if (!isYamlMap(value)) {
    return {
      diagnostics: [{
        code: C.notAMap,
        severity: "error",
        summary: `the top level of packs.yaml must be a map, not ${Array.isArray(value) ? "a list" : `a ${typeof value}`}`,
        location: locate(source, []),
        hint: "Write keys at the top level: version: 1, agents: […], packs: ….",
      }],
    };
  }

  const checked = packsYamlSchema.safeParse(value);
  const issues = checked.success ? [] : checked.error.issues;
  const diagnostics = schemaIssueDiagnostics(source, issues, value);

  if (value.agents !== undefined) diagnostics.push(...agentListDiagnostics(source, ["agents"], value.agents));
  const selected = value.agents === undefined ? undefined : agentIdsOf(value.agents);
  const sources = new Map<string, SourceSpec>();
  if (isYamlMap(value.packs)) {
    for (const [key, entry] of Object.entries(value.packs)) {
      const check = checkPackEntry(source, key, entry, selected);
      diagnostics.push(...check.diagnostics);
      if (check.source) sources.set(key, check.source);
    }
  }
  diagnostics.push(...registryDiagnostics(source, value.registries));
  const ignore = checkIgnore(source, value.ignore);
  diagnostics.push(...ignore.diagnostics);
  sortByLocation(diagnostics);

  if (hasErrors(diagnostics)) return { diagnostics };
  // Only unknown-key warnings can be left: parse again without those keys to get the typed value.
  const data = checked.success ? checked.data : packsYamlSchema.parse(withoutUnknownKeys(value, issues));
  return { config: normalize(source, data, sources, ignore.ignore), diagnostics };
}

function normalize(source: YamlSource, data: PacksYaml, sources: ReadonlyMap<string, SourceSpec>, ignore: Record<string, string[][]>): ProjectConfig {
  const packs = data.packs ?? {};
  const entries = keysInFileOrder(source, Object.keys(packs)).map((key): PackEntry => {
    const p = packs[key]!;
    const entry: PackEntry = {
      key,
      source: sources.get(key)!,
      sourceText: p.source,
      groups: p.groups ?? [],
      exclude: p.exclude ?? [],
      mcp: p.mcp ?? {},
      location: locate(source, ["packs", key], "key"),
    };
    if (p.ref !== undefined) entry.ref = p.ref;
    if (p.path !== undefined) entry.path = p.path;
    if (p.agents !== undefined) entry.agents = [...new Set(p.agents)];
    return entry;
  });
  const policy = {
    ...(data.policy?.allow_sources !== undefined && { allowSources: data.policy.allow_sources }),
    trusted: data.policy?.trusted ?? [],
    floating: data.policy?.floating ?? "warn",
  };
  const config: ProjectConfig = { file: source.file, version: 1, packs: entries, registries: data.registries ?? {}, policy };
  if (data.agents !== undefined) config.agents = [...new Set(data.agents)];
  // Omitted when empty, so a packs.yaml without ignore: has the same inputs as before it existed.
  if (Object.keys(ignore).length > 0) config.ignore = ignore;
  return config;
}

/** JS objects list integer-like keys first; the YAML map gives the order the user wrote. */
function keysInFileOrder(source: YamlSource, keys: string[]): string[] {
  const node = source.doc.getIn(["packs"], true);
  if (!isMap(node)) return keys;
  const ordered = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
  const complete = ordered.length === keys.length && keys.every((k) => ordered.includes(k));
  return complete ? (ordered as string[]) : keys;
}

function withoutUnknownKeys(value: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(value);
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    let target: unknown = copy;
    for (const seg of issue.path) target = (target as Record<PropertyKey, unknown>)[seg];
    for (const key of issue.keys) delete (target as Record<string, unknown>)[key];
  }
  return copy;
}

function sortByLocation(diagnostics: Diagnostic[]): void {
  const pos = (d: Diagnostic) => [d.location?.line ?? 0, d.location?.col ?? 0] as const;
  diagnostics.sort((a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1]);
}
