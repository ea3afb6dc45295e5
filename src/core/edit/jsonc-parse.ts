/**
 * Reading JSONC (JSON with comments and trailing commas) into plain JSON values. Syntax errors
 * are data for the caller to report, never exceptions.
 */
import { parseTree, type Node, type ParseError } from "jsonc-parser";
import type { JsonValue } from "../json.js";
import { EMPTY_DOCUMENT, errorMessage, lineColOf } from "./jsonc-error-messages.js";

export interface JsoncSyntaxError {
  message: string;
  /** UTF-16 offset into the text as given (a byte order mark counts as one character). */
  offset: number;
  /** 1-based; a leading byte order mark is not counted in `col`. */
  line: number;
  col: number;
}

export interface JsoncParse {
  /** The document's value; undefined whenever `errors` is not empty, so nobody acts on a guess. */
  value: JsonValue | undefined;
  /** Sorted by offset; the first one is the one to show. */
  errors: JsoncSyntaxError[];
}

export const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false } as const;

export function stripBom(text: string): { bom: string; body: string } {
  return text.charCodeAt(0) === 0xfeff ? { bom: "\ufeff", body: text.slice(1) } : { bom: "", body: text };
}

export function parseJsonc(text: string): JsoncParse {
  const { bom, body } = stripBom(text);
  const raw: ParseError[] = [];
  const root = parseTree(body, raw, PARSE_OPTIONS);
  const errors = raw
    .map((e) => ({ message: errorMessage(e.error, body, e.offset, root !== undefined), offset: e.offset + bom.length, ...lineColOf(body, e.offset) }))
    .sort((a, b) => a.offset - b.offset);
  if (root === undefined && errors.length === 0) {
    errors.push({ message: EMPTY_DOCUMENT, offset: text.length, ...lineColOf(body, body.length) });
  }
  return { value: errors.length === 0 && root !== undefined ? jsonValueOfNode(root) : undefined, errors };
}

/**
 * Defines an own, enumerable property even for the key "__proto__", which a plain assignment
 * would turn into a prototype change.
 */
export function setOwn(obj: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The JSON value of a parse-tree node. Duplicate keys: the last one wins, as in JSON.parse. */
export function jsonValueOfNode(node: Node): JsonValue {
  switch (node.type) {
    case "object": {
      const obj: { [key: string]: JsonValue } = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key !== undefined && value !== undefined) setOwn(obj, String(key.value), jsonValueOfNode(value));
      }
      return obj;
    }
    case "array":
      return (node.children ?? []).map(jsonValueOfNode);
    default:
      return node.value as JsonValue;
  }
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/** Array index named by a path segment: decimal, no sign, no leading zeros. */
export function arrayIndexOf(segment: string): number | undefined {
  return INDEX.test(segment) ? Number(segment) : undefined;
}

/**
 * The value at `path`: object members by key (own members only), array elements by a decimal
 * index segment. Undefined when any step is missing.
 */
export function valueAt(root: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const seg of path) {
    if (Array.isArray(cur)) {
      const i = arrayIndexOf(seg);
      cur = i === undefined ? undefined : cur[i];
    } else if (cur !== null && typeof cur === "object") {
      cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    } else {
      return undefined;
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}
