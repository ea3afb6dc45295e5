/**
 * Navigating jsonc-parser's tree for editing: strict parsing (edits need a valid document),
 * child lookup by raw path segment, and container geometry.
 */
import { parseTree, type Node, type ParseError } from "jsonc-parser";
import { lineColOf } from "./jsonc-error-messages.js";
import { arrayIndexOf, PARSE_OPTIONS, stripBom } from "./jsonc-parse.js";
import { hasLineBreak } from "./jsonc-trivia.js";

/** The root node of a valid document. An invalid one is the caller's bug: parse and report first. */
export function parseStrict(text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);
  if (root === undefined || errors.length > 0) {
    throw new Error("bug: JSONC edits need a valid document; check it with parseJsonc first");
  }
  return root;
}

/** The items of a container: property nodes of an object, element nodes of an array. */
export function itemsOf(container: Node): Node[] {
  return container.children ?? [];
}

export function keyOf(property: Node): string {
  return String(property.children?.[0]?.value);
}

export function valueOfProperty(property: Node): Node {
  const value = property.children?.[1];
  if (value === undefined) throw new Error("bug: property without a value in a valid document");
  return value;
}

/** Indexes of the properties named `key`, in document order (duplicates are possible). */
export function propertyIndexes(object: Node, key: string): number[] {
  const found: number[] = [];
  itemsOf(object).forEach((p, i) => {
    if (keyOf(p) === key) found.push(i);
  });
  return found;
}

/**
 * The value node one path segment below `node`: the last member with that key (the one that
 * counts, as in JSON.parse) or the array element at a decimal index.
 */
export function childOf(node: Node, segment: string): Node | undefined {
  if (node.type === "object") {
    const i = propertyIndexes(node, segment).pop();
    const prop = i === undefined ? undefined : itemsOf(node)[i];
    return prop === undefined ? undefined : valueOfProperty(prop);
  }
  if (node.type === "array") {
    const i = arrayIndexOf(segment);
    return i === undefined ? undefined : itemsOf(node)[i];
  }
  return undefined;
}

export function endOf(node: Node): number {
  return node.offset + node.length;
}

/** Offset of a container's closing bracket. */
export function closeOf(container: Node): number {
  return endOf(container) - 1;
}

/** True when the node's text has no line break: `{ "a": 1 }`, `[]`. */
export function isOneLine(text: string, node: Node): boolean {
  return !hasLineBreak(text, node.offset, endOf(node));
}

/** The container holding `node` as an item or as a property value, if any. */
export function enclosingContainer(node: Node): Node | undefined {
  const parent = node.parent;
  return parent?.type === "property" ? parent.parent : parent;
}

/**
 * Whether values written into `container` should be single-line. A non-empty container decides
 * by itself; an empty one (`{}`, `[]`) follows the container around it, so `"mcp": {}` in a
 * pretty file grows into a multi-line object while `{ "limit": {} }` stays on one line.
 */
export function wantsInline(text: string, container: Node): boolean {
  if (itemsOf(container).length > 0) return isOneLine(text, container);
  if (!isOneLine(text, container)) return false;
  const outer = enclosingContainer(container);
  return outer !== undefined && isOneLine(text, outer);
}

/** 1-based line and column of the value at `path` in a valid JSONC text; undefined if absent. */
export function positionOf(text: string, path: readonly string[]): { line: number; col: number } | undefined {
  let node: Node | undefined = parseTree(stripBom(text).body, [], PARSE_OPTIONS);
  for (const seg of path) {
    if (!node) return undefined;
    node = childOf(node, seg);
  }
  return node ? lineColOf(stripBom(text).body, node.offset) : undefined;
}
