/**
 * zod issues for packs.yaml → diagnostics. Builds on schema-diagnostics.ts (positions, unknown-key
 * warnings) and sharpens what it says for packs.yaml: a missing key points at its parent and has
 * its own code; a wrong type says what was written and how to write it (`agents: opencode` →
 * `agents: [opencode]`); a bad `version` gets its own code and hint.
 */
import type { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { PACKS_YAML_CODE_PREFIX, PACKS_YAML_CODES as C } from "./diagnostic-codes.js";
import { closestName } from "../core/closest-name.js";
import { formatYamlPath } from "./located-diagnostic.js";
import { knownKeysAt } from "./packs-yaml-schema.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";
import { SOURCE_FORMS_HINT } from "./source-spec.js";
import { locate, type YamlSource } from "./yaml-source.js";

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** `value` is the document as parsed (before null → empty), used to say what was written. */
export function schemaIssueDiagnostics(source: YamlSource, issues: readonly Issue[], value: unknown): Diagnostic[] {
  return issues.flatMap((issue) => {
    const base = schemaDiagnostics(source, [issue], PACKS_YAML_CODE_PREFIX);
    if (issue.code === "unrecognized_keys") return withSuggestions(base, issue.keys, issue.path);
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const input = valueAt(value, path);
    if (input === undefined && path.length > 0) return [missingKey(source, path)];
    const d = { ...base[0]! };
    if (path.length === 1 && path[0] === "version") {
      d.code = C.badVersion;
      d.hint = typeof input === "string" && input.trim() === "1"
        ? "Write version: 1 without quotes; it is a number."
        : "This packs reads only version 1: write version: 1, or upgrade packs if the file was written for a newer one.";
      return [d];
    }
    if (issue.code === "too_small" && typeof input === "string") {
      d.hint = `Write a value, or remove "${String(path[path.length - 1])}:".`;
    }
    if (issue.code === "invalid_type") {
      d.summary = `${formatYamlPath(path)}: expected ${typeName(issue.expected)}, got ${describe(input)}`;
      d.hint = wrongTypeHint(issue.expected, input, path) ?? d.hint;
    }
    return [d];
  });
}

function missingKey(source: YamlSource, path: Path): Diagnostic {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const hint = key === "version"
    ? "Add version: 1 as the first line of the file."
    : key === "source" && parent[0] === "packs"
      ? `Add "source:" under "${String(parent[1])}". ${SOURCE_FORMS_HINT}`
      : `Add "${key}:" under ${formatYamlPath(parent)}.`;
  return {
    code: C.missingKey,
    severity: "error",
    summary: parent.length ? `${formatYamlPath(parent)}: missing required key "${key}"` : `missing required key "${key}"`,
    // The key's parent: its key when it is a map entry, else the top of the document.
    location: locate(source, parent, "key"),
    hint,
  };
}

function wrongTypeHint(expected: string, input: unknown, path: Path): string | undefined {
  const key = String(path[path.length - 1]);
  const scalar = typeof input === "string" || typeof input === "number" || typeof input === "boolean";
  if (expected === "array" && scalar) return `Write a list: ${key}: [${String(input)}] (or one "- item" per line).`;
  if (expected === "array") return `Write a list: ${key}: [a, b] (or one "- item" per line).`;
  if ((expected === "object" || expected === "record") && path.length === 2 && path[0] === "packs") {
    if (typeof input === "string") return `A pack entry is a map: write "source: ${input}" on the next line, indented under "${key}:".`;
    if (input === null) return `Add "source:" under "${key}:". ${SOURCE_FORMS_HINT}`;
  }
  if (expected === "object" || expected === "record") return `Write a map under "${key}:" (indented "name: value" lines, or { name: value }).`;
  if (expected === "boolean" && (input === "true" || input === "false")) return `Write ${input} without quotes.`;
  if (expected === "boolean") return "Write true or false.";
  return undefined;
}

function typeName(expected: string): string {
  return expected === "record" || expected === "object" ? "map" : expected === "array" ? "array (a list)" : expected;
}

function describe(input: unknown): string {
  if (input === null) return "an empty value";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a map";
  if (typeof input === "string") return `string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  return `${typeof input} ${String(input)}`;
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Unknown-key warnings (one per key, in order) with the likely intended key where there is one. */
function withSuggestions(diagnostics: Diagnostic[], keys: readonly string[], issuePath: Issue["path"]): Diagnostic[] {
  const known = knownKeysAt(issuePath.filter((p): p is string | number => typeof p !== "symbol"));
  return diagnostics.map((d, i) => {
    const near = closestName(keys[i] ?? "", known);
    return near ? { ...d, hint: `Did you mean "${near}"? Otherwise remove the key.` } : d;
  });
}
