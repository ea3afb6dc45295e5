/**
 * JSON with positions, for the plugin formats' manifests (`plugin.json`, `.mcp.json`): parse
 * strictly (no comments, no trailing commas: the hosts read these files with a plain JSON parser),
 * keep the parse tree, and answer "where is this value" as file:line:col.
 */
import { findNodeAtLocation, parseTree, type Node, type ParseError } from "jsonc-parser";
import type { SourceLocation } from "../core/diagnostics.js";
import { errorMessage, lineColOf } from "../core/edit/jsonc-error-messages.js";
import { jsonValueOfNode } from "../core/edit/jsonc-parse.js";
import type { JsonValue } from "../core/json.js";
import { pluginDiagnostic } from "./plugin-diagnostics.js";
import type { Diagnostic } from "../core/diagnostics.js";

export type JsonPath = (string | number)[];

export interface JsonSource {
  /** The file as the user sees it named. */
  file: string;
  /** Canonical text (BOM stripped, LF line ends): offsets are into this. */
  text: string;
  root: Node | undefined;
}

export interface ParsedJson {
  source: JsonSource;
  /** The value; undefined when the text has a syntax error (or a duplicate key). */
  value: JsonValue | undefined;
  diagnostics: Diagnostic[];
}

const STRICT = { allowTrailingComma: false, disallowComments: true } as const;

export function parseJsonSource(file: string, text: string): ParsedJson {
  const raw: ParseError[] = [];
  const root = parseTree(text, raw, STRICT);
  const source: JsonSource = { file, text, root };
  const diagnostics = raw
    .sort((a, b) => a.offset - b.offset)
    .slice(0, 1)
    .map((e) => pluginDiagnostic("error", "pack/json-syntax", `invalid JSON: ${errorMessage(e.error, text, e.offset, root !== undefined)}`,
      { file, ...lineColOf(text, e.offset) }, "Fix the JSON at this position: strings and keys in double quotes, no comments, no trailing commas."));
  if (diagnostics.length === 0 && root === undefined) {
    diagnostics.push(pluginDiagnostic("error", "pack/json-syntax", "invalid JSON: the file is empty", { file, line: 1, col: 1 },
      'Write a JSON object, e.g. {"name": "my-plugin"}.'));
  }
  if (diagnostics.length > 0 || root === undefined) return { source, value: undefined, diagnostics };
  diagnostics.push(...duplicateKeys(source, root));
  return { source, value: diagnostics.length > 0 ? undefined : jsonValueOfNode(root), diagnostics };
}

/** JSON.parse keeps the last of two equal keys without a word; a manifest that says a thing twice is a mistake. */
function duplicateKeys(source: JsonSource, node: Node): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (key && seen.has(String(key.value))) {
        out.push(pluginDiagnostic("error", "pack/duplicate-key", `key "${String(key.value)}" appears twice in this object`,
          { file: source.file, ...lineColOf(source.text, key.offset) }, "Remove or rename one of the two keys."));
      }
      if (key) seen.add(String(key.value));
    }
  }
  for (const child of node.children ?? []) out.push(...duplicateKeys(source, child));
  return out;
}

/**
 * The location of the value at `path` (or, with `which: "key"`, of its property name). Falls back
 * to the nearest ancestor that exists, then to the file alone.
 */
export function locateJson(source: JsonSource, path: JsonPath, which: "key" | "value" = "value"): SourceLocation {
  if (!source.root) return { file: source.file };
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(source.root, path.slice(0, n));
    if (!node) continue;
    const keyNode = n === path.length && which === "key" && node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
    return { file: source.file, ...lineColOf(source.text, (keyNode ?? node).offset) };
  }
  return { file: source.file };
}
