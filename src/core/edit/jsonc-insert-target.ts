/**
 * Which edits only add a new item at the end of an existing container, read off the plain value
 * before the edit: a set of an absent member (with any missing parents nested into it) and an
 * append (to an existing array, or of a missing one, which is a set of `[value]`). These are the
 * edits JsoncEditSession may gather and write into one container together (jsonc-insert-batch).
 * The walk mirrors the text editor's (jsonc-path-ops): object members by key, array elements by
 * decimal index, so both find the same container.
 */
import { isJsonObject, type JsonObject, type JsonValue } from "../json.js";
import type { JsoncEdit } from "./jsonc-edit.js";
import { setOwn, valueAt } from "./jsonc-parse.js";

/** One item to add at the end of a container: an object member (`key`) or an array element. */
export interface NewItem {
  key: string | undefined;
  value: JsonValue;
}

export interface InsertTarget extends NewItem {
  /** Path of the existing container the item goes into. */
  container: string[];
}

/**
 * The insertion `edit` makes in `root`, or undefined when it does anything else (replaces,
 * removes) or cannot apply (the caller's bug, left to the ordinary path to report).
 */
export function insertTarget(root: JsonValue, edit: JsoncEdit): InsertTarget | undefined {
  switch (edit.op) {
    case "set":
      return edit.path.length === 0 ? undefined : newMember(root, edit.path, edit.value);
    case "append": {
      const { node, resolved } = deepest(root, edit.path);
      if (resolved < edit.path.length) return newMember(root, edit.path, [edit.value]);
      return Array.isArray(node) ? { container: [...edit.path], key: undefined, value: edit.value } : undefined;
    }
    default:
      return undefined;
  }
}

/** Setting absent `path` adds member path[resolved] (holding the rest nested) to an object. */
function newMember(root: JsonValue, path: readonly string[], value: JsonValue): InsertTarget | undefined {
  const { node, resolved } = deepest(root, path);
  if (resolved === path.length || !isJsonObject(node)) return undefined;
  return { container: path.slice(0, resolved), key: path[resolved] as string, value: nest(path.slice(resolved + 1), value) };
}

/** The deepest value along `path` and how many segments led to it. */
function deepest(root: JsonValue, path: readonly string[]): { node: JsonValue; resolved: number } {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const child = valueAt(node, [path[i] as string]);
    if (child === undefined) return { node, resolved: i };
    node = child;
  }
  return { node, resolved: path.length };
}

/** `{a: {b: value}}` for segments ["a", "b"]. */
export function nest(segments: readonly string[], value: JsonValue): JsonValue {
  return segments.reduceRight<JsonValue>((inner, seg) => {
    const obj: JsonObject = {};
    setOwn(obj, seg, inner);
    return obj;
  }, value);
}
