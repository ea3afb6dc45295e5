/**
 * Validate a parsed manifest against its shape, reporting every problem at once, and still hand
 * back a usable manifest so later checks (paths, skills, MCP) run in the same pass. Values with
 * shape errors are removed (object keys) or replaced by a placeholder (list items, so indices and
 * therefore reported positions stay right) and their paths are marked broken. Later checks skip
 * broken paths, so nothing is reported twice ("command is missing" after "command must be a list").
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { YamlSource } from "../config/yaml-source.js";
import { flattenIssues, issueDiagnostic, valueAt, type IssuePath } from "./manifest-issues.js";
import { manifestSchema, type Manifest } from "./manifest-schema.js";

export interface ValidatedManifest {
  /** Absent only when the document is not a mapping at all. */
  manifest?: Manifest;
  diagnostics: Diagnostic[];
  /** True when the value at `path`, or something inside it, had a shape error. */
  isBroken(path: IssuePath): boolean;
}

/** Required top-level strings: replaced, not dropped, so the rest of the manifest can still be checked. */
const PLACEHOLDERS: ReadonlyMap<string, string> = new Map([["name", ""], ["description", ""]]);
const MAX_REPAIRS = 8;

export function validateManifest(source: YamlSource, value: unknown): ValidatedManifest {
  // An empty file is an empty mapping: report the missing fields rather than "not a mapping".
  const input = value === null || value === undefined ? {} : value;
  const first = manifestSchema.safeParse(input);
  const flat = first.success ? [] : flattenIssues(first.error.issues);
  const diagnostics = flat.flatMap(({ issue, path }) => issueDiagnostic(source, input, issue, path));
  const broken = flat.filter(({ issue }) => issue.code !== "unrecognized_keys").map(({ path }) => path);
  const isBroken = (path: IssuePath) => broken.some((b) => startsWith(b, path));
  if (first.success) return { manifest: first.data, diagnostics, isBroken };

  let current: unknown = input;
  let result: ReturnType<typeof manifestSchema.safeParse> = first;
  for (let i = 0; i < MAX_REPAIRS && !result.success; i++) {
    const repaired = repair(current, flattenIssues(result.error.issues));
    if (repaired === undefined) break;
    current = repaired;
    result = manifestSchema.safeParse(current);
  }
  return { manifest: result.success ? result.data : undefined, diagnostics, isBroken };
}

/** A copy of `input` without the values the issues point at; undefined when the root itself is wrong. */
function repair(input: unknown, issues: { issue: { code: string; keys?: string[] }; path: IssuePath }[]): unknown {
  const copy = structuredClone(input) as unknown;
  for (const { issue, path } of issues) {
    const targets = issue.code === "unrecognized_keys" ? (issue.keys ?? []).map((k) => [...path, k]) : [path];
    for (let target of targets) {
      // A required key that is missing: drop what holds it.
      while (target.length > 0 && valueAt(copy, target) === undefined && !isPlaceholderPath(target)) {
        target = target.slice(0, -1);
      }
      if (target.length === 0) return undefined;
      const parent = valueAt(copy, target.slice(0, -1)) as Record<string | number, unknown>;
      const key = target[target.length - 1]!;
      if (isPlaceholderPath(target)) parent[key] = PLACEHOLDERS.get(String(key));
      else if (Array.isArray(parent)) parent[key as number] = listPlaceholder(target);
      else delete parent[key];
    }
  }
  return copy;
}

function isPlaceholderPath(path: IssuePath): boolean {
  return path.length === 1 && PLACEHOLDERS.has(String(path[0]));
}

/** A value that passes the schema in the list at `path`: detect rules are objects, every other list holds strings. */
function listPlaceholder(path: IssuePath): unknown {
  return path[path.length - 2] === "detect" ? { files: [] } : "";
}

function startsWith(path: IssuePath, prefix: IssuePath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => String(seg) === String(path[i]));
}
