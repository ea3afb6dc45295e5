/**
 * Zod issues on a manifest → diagnostics that say what was written, why it is wrong, and the
 * exact line to write instead (`version: "1.0"`, `command: ["uvx", "dbt-mcp"]`). Unknown keys
 * and anything without a pack-specific wording go through the shared schemaDiagnostics.
 */
import { isScalar, type Node } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { schemaDiagnostics } from "../config/schema-diagnostics.js";
import { locate, type YamlSource } from "../config/yaml-source.js";
import { closestName } from "../core/closest-name.js";
import { COMMAND_LINE_KEYS, knownKeysAt } from "./manifest-schema.js";
import { packDiagnostic } from "./pack-diagnostics.js";

type Issue = z.core.$ZodIssue;
export type IssuePath = (string | number)[];

/** The issues as they should be reported: unions replaced by the issues of the branch that was meant. */
export function flattenIssues(issues: readonly Issue[], prefix: IssuePath = []): { issue: Issue; path: IssuePath }[] {
  const out: { issue: Issue; path: IssuePath }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")];
    if (issue.code === "invalid_union") {
      // A branch whose only complaint is "wrong type at the root" was not what the user meant.
      const meant = issue.errors.filter((branch) => !branch.every((i) => i.code === "invalid_type" && i.path.length === 0));
      if (meant.length === 1) {
        out.push(...flattenIssues(meant[0]!, path));
        continue;
      }
    }
    out.push({ issue, path });
  }
  return out;
}

export function issueDiagnostic(source: YamlSource, input: unknown, issue: Issue, path: IssuePath): Diagnostic[] {
  const where = showPath(path);
  if (issue.code === "invalid_type" || issue.code === "invalid_union") {
    const value = valueAt(input, path);
    if (value === undefined || value === null) {
      // An empty value has no text of its own: point at its key (or, when absent, at what should hold it).
      const what = value === undefined ? "is missing" : "is empty";
      const loc = locate(source, path, value === null && typeof path[path.length - 1] === "string" ? "key" : "value");
      return [packDiagnostic("error", "pack/missing-field", `${where} ${what}`, loc, missingHint(path))];
    }
    const raw = sourceText(source, path);
    const got = raw !== undefined && isScalarValue(value) ? `${raw} is read as ${describe(value)}` : `it is ${describe(value)}`;
    if (issue.code === "invalid_union") {
      return [packDiagnostic("error", "pack/wrong-type", `${where} must be a skill name, {path: …} or {source: …}, but ${got}`, locate(source, path),
        'Write "- my-skill", "- path: skills/my-skill" or "- source: ./vendor-skills".')];
    }
    return [packDiagnostic("error", "pack/wrong-type", `${where} must be ${article(issue.expected)}, but ${got}`, locate(source, path),
      typeHint(issue.expected, path, value, raw))];
  }
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map(String).join(", ");
    return [packDiagnostic("error", "pack/invalid-value", `${where} ${JSON.stringify(valueAt(input, path))} is not one of: ${allowed}`,
      locate(source, path), `Use one of: ${allowed}.`)];
  }
  const shared = schemaDiagnostics(source, [{ ...issue, path }], "pack");
  if (issue.code !== "unrecognized_keys") return shared;
  // One diagnostic per unknown key, in the order of issue.keys: add the likely intended key.
  return shared.map((d, i) => {
    const near = closestName(issue.keys[i] ?? "", knownKeysAt(path));
    return near ? { ...d, hint: `Did you mean "${near}"? Otherwise remove the key.` } : d;
  });
}

function typeHint(expected: string, path: IssuePath, value: unknown, raw: string | undefined): string {
  const key = path[path.length - 1];
  const lead = typeof key === "string" ? `${key}: ` : "- ";
  if (expected === "string" && isScalarValue(value)) return `Quote it: ${lead}"${raw ?? String(value)}"`;
  if (expected === "string") return "Write a single string here.";
  if (expected === "array" && typeof value === "string") {
    const items = typeof key === "string" && COMMAND_LINE_KEYS.has(key) ? value.split(/\s+/).filter(Boolean) : [value];
    return `Write a list: ${lead}[${items.map((i) => JSON.stringify(i)).join(", ")}]`;
  }
  if (expected === "array") return 'Write a list: "- item" lines, or [a, b].';
  if (path.length === 0) return 'Write the manifest as "key: value" lines, starting with "name:" and "description:".';
  if (expected === "record" || expected === "object") return `Write a mapping: "key: value" lines${typeof key === "string" ? ` indented under ${key}` : ""}.`;
  if (expected === "boolean") return "Write true or false.";
  return `Write ${article(expected)} here.`;
}

function missingHint(path: IssuePath): string {
  const key = path[path.length - 1];
  if (path.length === 1 && key === "name") return 'Add a line like "name: my-pack" (lowercase letters, digits and hyphens).';
  if (path.length === 1 && key === "description") return 'Add a line like "description: What this pack sets up".';
  if (key === "files") return 'Add the globs that trigger the rule, e.g. files: ["dbt_project.yml"].';
  return typeof key === "string" ? `Give ${key} a value, or remove the key.` : "Remove the empty list item.";
}

/** `skills[0].source`, `mcp.dbt.command`. */
export function showPath(path: IssuePath): string {
  if (path.length === 0) return "the manifest";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function valueAt(root: unknown, path: IssuePath): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** The text as written in the file, so a hint can quote `1.0` rather than the parsed `1`. */
function sourceText(source: YamlSource, path: IssuePath): string | undefined {
  const node = source.doc.getIn(path, true) as Node | undefined;
  if (!isScalar(node) || !node.range) return undefined;
  return source.text.slice(node.range[0], node.range[1]).trim();
}

function isScalarValue(v: unknown): boolean {
  return typeof v === "number" || typeof v === "boolean" || typeof v === "bigint";
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return article(typeof v);
}

function article(type: string): string {
  const name = type === "record" || type === "object" ? "mapping" : type === "array" ? "list" : type;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}
