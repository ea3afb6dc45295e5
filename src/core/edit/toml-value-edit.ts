/**
 * The meaning of a TomlEdit on a plain JSON value. applyTomlEdits checks its text result against
 * this after every edit, and the tests use it as the model.
 *
 * One difference is allowed and expected: a TOML table defined only by the tables below it
 * (`[mcp_servers.dbt]` with no `[mcp_servers]` header) disappears with the last of them, where
 * the plain value keeps an empty object. sameUpToVanishedParents says exactly that.
 */
import { isJsonObject, jsonEqual, type JsonObject } from "../json.js";
import { setOwn } from "./jsonc-parse.js";
import { cloneJson, describePath } from "./jsonc-value-edit.js";
import type { TomlEdit } from "./toml-edit.js";
import { memberAt } from "./toml-locate.js";

export function applyTomlEditToValue(root: JsonObject, edit: TomlEdit): JsonObject {
  const out = cloneJson(root) as JsonObject;
  applyTomlEditInPlace(out, edit);
  return out;
}

/** applyTomlEditToValue changing `root` itself, for a caller that applies many edits. */
export function applyTomlEditInPlace(root: JsonObject, edit: TomlEdit): void {
  const key = edit.path[edit.path.length - 1];
  if (key === undefined) throw new Error(`bug: ${edit.op} needs a non-empty path`);
  if (edit.op === "remove-table") {
    const parent = memberAt(root, edit.path.slice(0, -1));
    if (isJsonObject(parent)) delete parent[key];
    return;
  }
  let cur: JsonObject = root;
  for (const seg of edit.path.slice(0, -1)) {
    if (!Object.hasOwn(cur, seg)) setOwn(cur, seg, {});
    const next = cur[seg];
    if (!isJsonObject(next)) throw new Error(`bug: set-table needs tables all along ${describePath(edit.path)}`);
    cur = next;
  }
  setOwn(cur, key, cloneJson(edit.value));
}

/**
 * True when `actual` is `before` with `edits` applied, once the ancestors of removed tables that
 * are empty tables there and missing from `actual` are taken away (deepest first), as TOML drops
 * a table that only the removed tables defined. The check of a whole edit session.
 */
export function meansEdits(actual: unknown, before: JsonObject, edits: readonly TomlEdit[]): boolean {
  const expected = cloneJson(before) as JsonObject;
  for (const edit of edits) applyTomlEditInPlace(expected, edit);
  if (!isJsonObject(actual)) return false;
  for (const edit of edits) {
    if (edit.op !== "remove-table") continue;
    for (let n = edit.path.length - 1; n >= 1; n--) {
      const parent = memberAt(expected, edit.path.slice(0, n - 1));
      const table = memberAt(expected, edit.path.slice(0, n));
      if (!isJsonObject(parent) || !isJsonObject(table) || !isEmpty(table) || memberAt(actual, edit.path.slice(0, n)) !== undefined) break;
      delete parent[edit.path[n - 1] as string];
    }
  }
  return jsonEqual(actual, expected);
}

/** Without counting the keys: a table may have thousands, and this runs once per removed table. */
function isEmpty(table: JsonObject): boolean {
  for (const key in table) if (Object.hasOwn(table, key)) return false;
  return true;
}

/**
 * True when `actual` equals `expected`, or equals it once some of the deepest ancestors of
 * `path` that are empty tables in `expected` are taken away (deepest first, as TOML drops them).
 */
export function sameUpToVanishedParents(actual: unknown, expected: JsonObject, path: readonly string[]): boolean {
  if (jsonEqual(actual, expected)) return true;
  const pruned = cloneJson(expected) as JsonObject;
  for (let n = path.length - 1; n >= 1; n--) {
    const parent = memberAt(pruned, path.slice(0, n - 1));
    const table = memberAt(pruned, path.slice(0, n));
    if (!isJsonObject(parent) || !isJsonObject(table) || Object.keys(table).length > 0) return false;
    delete parent[path[n - 1] as string];
    if (jsonEqual(actual, pruned)) return true;
  }
  return false;
}
