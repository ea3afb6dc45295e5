/**
 * Surgical edits of JSONC config files (opencode.jsonc, .vscode/mcp.json, ...). Only the bytes
 * an edit is about change: comments, key order, indentation, line endings, trailing-comma style
 * and the final newline of everything else are kept byte for byte. See jsonc-insert.ts and
 * jsonc-remove.ts for exactly where text goes and what goes with a removed item.
 */
import { jsonEqual, type JsonValue } from "../json.js";
import { jsonValueOfNode, parseJsonc, stripBom } from "./jsonc-parse.js";
import { appendAt, removeAt, removeElementAt, replaceElementAt, setAt } from "./jsonc-path-ops.js";
import { detectStyle, type JsoncStyle } from "./jsonc-style.js";
import { parseStrict } from "./jsonc-tree.js";
import { applyEditToValue, describePath } from "./jsonc-value-edit.js";

export { renderJson } from "./jsonc-render.js";

/** Paths are arrays of raw segments (not JSON pointers): "@scope/name" is one segment. */
export type JsoncEdit =
  /** Adds or replaces an object member; creates missing parent objects. */
  | { op: "set"; path: string[]; value: JsonValue }
  /** Removes an object member; a no-op when it is absent. */
  | { op: "remove"; path: string[] }
  /** Appends to the array at `path`; creates the array (and parents) when missing. */
  | { op: "append"; path: string[]; value: JsonValue }
  /** Removes one element of the array at `path`. */
  | { op: "remove-element"; path: string[]; index: number }
  /** Replaces one element of the array at `path` in place (objects member by member). */
  | { op: "replace-element"; path: string[]; index: number; value: JsonValue };

/**
 * Applies `edits` in order, each to the previous result, in the style of the original text.
 * `text` must be valid JSONC (check with parseJsonc and report errors first) and each edit must
 * be applicable (see applyEditToValue); anything else is a bug and throws. Every result is
 * re-parsed and compared with the edit applied to the plain value, so a formatting mistake can
 * never silently change what the file means.
 */
export function applyJsoncEdits(text: string, edits: readonly JsoncEdit[]): string {
  const { bom, body } = stripBom(text);
  const style = detectStyle(body);
  let out = body;
  for (const edit of edits) out = applyChecked(out, edit, style);
  return bom + out;
}

function applyChecked(text: string, edit: JsoncEdit, style: JsoncStyle): string {
  const expected = applyEditToValue(jsonValueOfNode(parseStrict(text)), edit);
  const result = applyOne(text, edit, style);
  const check = parseJsonc(result);
  if (check.errors.length > 0 || !jsonEqual(check.value, expected)) {
    throw new Error(`bug: JSONC ${edit.op} at ${describePath(edit.path)} produced a wrong document`);
  }
  return result;
}

function applyOne(text: string, edit: JsoncEdit, style: JsoncStyle): string {
  switch (edit.op) {
    case "set":
      return setAt(text, edit.path, edit.value, style);
    case "remove":
      return removeAt(text, edit.path);
    case "append":
      return appendAt(text, edit.path, edit.value, style);
    case "remove-element":
      return removeElementAt(text, edit.path, edit.index);
    case "replace-element":
      return replaceElementAt(text, edit.path, edit.index, edit.value, style);
  }
}
