/**
 * The edits on text, addressed by path. Each step re-parses the text it is given, so a
 * sequence of steps never works from stale offsets. Preconditions (what may be set, appended or
 * removed where) are checked by applyEditToValue before these run; the throws here are backstops.
 */
import { applyEdits, type Node } from "jsonc-parser";
import { isJsonObject, jsonEqual, type JsonValue } from "../json.js";
import { insertItem } from "./jsonc-insert.js";
import { insertItems } from "./jsonc-insert-batch.js";
import { nest, type NewItem } from "./jsonc-insert-target.js";
import { jsonValueOfNode } from "./jsonc-parse.js";
import { removeItem } from "./jsonc-remove.js";
import { replaceValue } from "./jsonc-replace.js";
import type { JsoncStyle } from "./jsonc-style.js";
import { childOf, enclosingContainer, itemsOf, parseStrict, propertyIndexes } from "./jsonc-tree.js";
import { describePath } from "./jsonc-value-edit.js";

/** The deepest node along `path` and how many segments led to it. */
function walk(root: Node, path: readonly string[]): { node: Node; resolved: number } {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const child = childOf(node, path[i] as string);
    if (child === undefined) return { node, resolved: i };
    node = child;
  }
  return { node, resolved: path.length };
}

/**
 * Adds or replaces the member at `path`, creating missing parent objects. Replacing an object
 * with an object goes member by member, so comments on members that survive stay, and an equal
 * value leaves the text untouched.
 */
export function setAt(text: string, path: readonly string[], value: JsonValue, style: JsoncStyle): string {
  const { node, resolved } = walk(parseStrict(text), path);
  if (resolved < path.length) {
    if (node.type !== "object") throw new Error(`bug: cannot create ${describePath(path)} inside a ${node.type}`);
    const nested = nest(path.slice(resolved + 1), value);
    return applyEdits(text, insertItem(text, node, path[resolved], nested, style));
  }
  if (path.length > 0 && enclosingContainer(node)?.type !== "object") {
    throw new Error(`bug: set takes object members, not array elements: ${describePath(path)}`);
  }
  return replaceNode(text, path, node, value, style);
}

/** Replaces the existing value `node` found at `path`; objects into objects member by member. */
function replaceNode(text: string, path: readonly string[], node: Node, value: JsonValue, style: JsoncStyle): string {
  const current = jsonValueOfNode(node);
  if (jsonEqual(current, value)) return text;
  if (isJsonObject(current) && isJsonObject(value)) {
    let out = text;
    for (const key of Object.keys(value)) out = setAt(out, [...path, key], value[key] as JsonValue, style);
    for (const key of Object.keys(current)) if (!Object.hasOwn(value, key)) out = removeAt(out, [...path, key]);
    return out;
  }
  return applyEdits(text, [replaceValue(text, node, value, style)]);
}

/** Removes every member named by the last segment (duplicates too); absent is a no-op. */
export function removeAt(text: string, path: readonly string[]): string {
  const key = path[path.length - 1];
  if (key === undefined) throw new Error("bug: remove needs a non-empty path");
  let out = text;
  for (;;) {
    const { node, resolved } = walk(parseStrict(out), path.slice(0, -1));
    if (resolved < path.length - 1) return out;
    if (node.type === "array") throw new Error(`bug: remove takes object members: ${describePath(path)}`);
    const index = node.type === "object" ? propertyIndexes(node, key).pop() : undefined;
    if (index === undefined) return out;
    out = applyEdits(out, removeItem(out, node, index));
  }
}

/** Appends to the array at `path`, creating it (and missing parents) when absent. */
export function appendAt(text: string, path: readonly string[], value: JsonValue, style: JsoncStyle): string {
  const { node, resolved } = walk(parseStrict(text), path);
  if (resolved < path.length) return setAt(text, path, [value], style);
  if (node.type !== "array") throw new Error(`bug: append needs an array at ${describePath(path)}`);
  return applyEdits(text, insertItem(text, node, undefined, value, style));
}

/**
 * Adds `items` at the end of the existing container at `path`, as appending or setting them one
 * by one would (members of an object when they have keys, else array elements), in one parse.
 */
export function insertAllAt(text: string, path: readonly string[], items: readonly NewItem[], style: JsoncStyle): string {
  const { node, resolved } = walk(parseStrict(text), path);
  const type = items[0]?.key === undefined ? "array" : "object";
  if (resolved < path.length || node.type !== type) throw new Error(`bug: insertions need an ${type} at ${describePath(path)}`);
  return applyEdits(text, insertItems(text, node, items, style));
}

export function removeElementAt(text: string, path: readonly string[], index: number): string {
  return applyEdits(text, removeItem(text, arrayAt(text, path, index), index));
}

export function replaceElementAt(text: string, path: readonly string[], index: number, value: JsonValue, style: JsoncStyle): string {
  const element = itemsOf(arrayAt(text, path, index))[index] as Node;
  return replaceNode(text, [...path, String(index)], element, value, style);
}

/** The array node at `path`, which must have an element at `index`. */
function arrayAt(text: string, path: readonly string[], index: number): Node {
  const { node, resolved } = walk(parseStrict(text), path);
  if (resolved < path.length || node.type !== "array" || itemsOf(node)[index] === undefined) {
    throw new Error(`bug: no element ${index} in an array at ${describePath(path)}`);
  }
  return node;
}
