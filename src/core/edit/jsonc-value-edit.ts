/**
 * The meaning of a JsoncEdit on a plain JSON value. JsoncEditSession checks its text result
 * against this, and the tests use it as the model. Edits that cannot apply
 * (set below a scalar, append to a non-array, a missing element) are the caller's bug and throw,
 * here and in the text editor alike.
 */
import { isJsonObject, type JsonObject, type JsonValue } from "../json.js";
import type { JsoncEdit } from "./jsonc-edit.js";
import { arrayIndexOf, setOwn, valueAt } from "./jsonc-parse.js";

export function applyEditToValue(root: JsonValue, edit: JsoncEdit): JsonValue {
  return applyEditInPlace(cloneJson(root), edit);
}

/**
 * applyEditToValue without the copy: changes `out` itself and returns the new root (a new value
 * only when the edit sets the root). Costs what the edit touches, not the document's size, for
 * an edit session that owns its value. New values are copied in, so the document never shares
 * objects with the edits given to it.
 */
export function applyEditInPlace(out: JsonValue, edit: JsoncEdit): JsonValue {
  switch (edit.op) {
    case "set":
      return setValue(out, edit.path, edit.value);
    case "remove": {
      const key = lastSegment(edit.path, "remove");
      const parent = valueAt(out, edit.path.slice(0, -1));
      if (Array.isArray(parent)) throw new Error(`bug: remove takes object members; use remove-element for arrays`);
      if (isJsonObject(parent)) delete parent[key];
      return out;
    }
    case "append": {
      const target = valueAt(out, edit.path);
      if (target === undefined) return setValue(out, edit.path, [edit.value]);
      if (!Array.isArray(target)) throw new Error(`bug: append needs an array at ${describePath(edit.path)}`);
      target.push(cloneJson(edit.value));
      return out;
    }
    case "remove-element":
      elementsOf(out, edit.path, edit.index).splice(edit.index, 1);
      return out;
    case "replace-element":
      elementsOf(out, edit.path, edit.index)[edit.index] = cloneJson(edit.value);
      return out;
  }
}

/** Sets `path` in `root` (mutating it), creating missing parent objects. */
function setValue(root: JsonValue, path: readonly string[], value: JsonValue): JsonValue {
  if (path.length === 0) return cloneJson(value);
  const key = lastSegment(path, "set");
  let cur: JsonValue | undefined = root;
  for (const seg of path.slice(0, -1)) {
    if (isJsonObject(cur)) {
      if (!Object.hasOwn(cur, seg)) setOwn(cur, seg, {});
      cur = cur[seg];
    } else if (Array.isArray(cur)) {
      const i = arrayIndexOf(seg);
      cur = i === undefined ? undefined : cur[i];
    } else {
      cur = undefined;
    }
    if (cur === undefined) break;
  }
  if (!isJsonObject(cur)) throw new Error(`bug: set needs an object to hold ${describePath(path)}`);
  setOwn(cur, key, cloneJson(value));
  return root;
}

/** The array at `path`, which must have an element at `index`. */
function elementsOf(root: JsonValue, path: readonly string[], index: number): JsonValue[] {
  const target = valueAt(root, path);
  if (!Array.isArray(target) || !Number.isInteger(index) || index < 0 || index >= target.length) {
    throw new Error(`bug: no element ${index} in an array at ${describePath(path)}`);
  }
  return target;
}

function lastSegment(path: readonly string[], op: string): string {
  const key = path[path.length - 1];
  if (key === undefined) throw new Error(`bug: ${op} needs a non-empty path`);
  return key;
}

export function describePath(path: readonly string[]): string {
  return JSON.stringify(path);
}

/** A deep copy that keeps a "__proto__" key as data. */
export function cloneJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const k of Object.keys(value)) setOwn(out, k, cloneJson(value[k] as JsonValue));
    return out;
  }
  return value;
}
