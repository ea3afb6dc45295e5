/**
 * `ignore:` in packs.yaml: agent config file → JSON Pointers (RFC 6901) of keys agents rewrite
 * themselves, where a `*` segment matches any one key. Checked here beyond their shape: the file
 * must stay inside the project, each pointer must be well formed, and only JSON, JSONC and TOML
 * files have entries to ignore keys in (others get a warning). Types are the schema's business.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { decodePointer } from "../core/json.js";
import { PACKS_YAML_CODES as C } from "./diagnostic-codes.js";
import { locatedDiagnostic } from "./located-diagnostic.js";
import { isUnsafeRelativePath } from "./pack-entry-rules.js";
import { isYamlMap, stringItems } from "./yaml-value.js";
import type { YamlSource } from "./yaml-source.js";

export interface IgnoreCheck {
  /** Normalised file path → decoded pointers, duplicates removed, in the order written. */
  ignore: Record<string, string[][]>;
  diagnostics: Diagnostic[];
}

const CONFIG_FILE = /\.(json|jsonc|toml)$/i;

const POINTER_HINT = "Write a JSON Pointer: / then the keys, e.g. /mcp/*/enabled (~1 for a / in a key, ~0 for a ~; * matches any one key).";

export function checkIgnore(src: YamlSource, raw: unknown): IgnoreCheck {
  const out: IgnoreCheck = { ignore: {}, diagnostics: [] };
  if (!isYamlMap(raw)) return out;
  for (const [file, pointers] of Object.entries(raw)) {
    const at = ["ignore", file] as const;
    const path = normalizePath(file);
    if (path === undefined || isUnsafeRelativePath(file) || file.startsWith("~")) {
      out.diagnostics.push(locatedDiagnostic(src, {
        severity: "error",
        code: C.unsafePath,
        summary: path === undefined ? `ignore: "${file}" names no file` : `ignore: "${file}" is outside the project`,
        hint: "Write the agent's config file relative to the project root, without a leading / and without .. segments, e.g. opencode.jsonc or .cursor/mcp.json.",
        path: at,
        which: "key",
      }));
      continue;
    }
    if (!CONFIG_FILE.test(path)) {
      out.diagnostics.push(locatedDiagnostic(src, {
        severity: "warning",
        code: C.ignoreNotApplicable,
        summary: `ignore: "${file}" is not a JSON, JSONC or TOML file, so its pointers have no effect`,
        hint: "ignore: names keys inside the entries packs owns in agent config files; packs owns other files whole, and Markdown files by marked section.",
        path: at,
        which: "key",
      }));
    }
    const list = (out.ignore[path] ??= []);
    for (const [i, pointer] of stringItems(pointers)) {
      const problem = pointerProblem(pointer);
      if (problem) {
        out.diagnostics.push(locatedDiagnostic(src, { severity: "error", code: C.badIgnorePointer, summary: `ignore: ${file}: ${problem}`, hint: POINTER_HINT, path: [...at, i] }));
        continue;
      }
      const segments = decodePointer(pointer);
      if (!list.some((s) => s.length === segments.length && s.every((x, j) => x === segments[j]))) list.push(segments);
    }
  }
  for (const [path, list] of Object.entries(out.ignore)) if (list.length === 0) delete out.ignore[path];
  return out;
}

/** What is wrong with a pointer as written, or undefined when it is a JSON Pointer packs can use. */
export function pointerProblem(pointer: string): string | undefined {
  if (pointer === "") return `"" names the whole file; name the keys inside it, e.g. /mcp/*/enabled`;
  if (!pointer.startsWith("/")) return `"${pointer}" is not a JSON Pointer: it must start with /`;
  if (/~(?![01])/.test(pointer)) return `"${pointer}" has a ~ that is not ~0 or ~1`;
  return undefined;
}

/** `./a//b` → `a/b`, either slash; undefined when nothing is left (`.`, `./`). */
function normalizePath(file: string): string | undefined {
  const parts = file.split(/[\\/]/).filter((s) => s !== "" && s !== ".");
  return parts.length === 0 ? undefined : parts.join("/");
}
