/**
 * The JSON value of a TOML syntax tree. The tree comes from a successful parse, which already
 * rejected redefined keys and tables, so this only has to put each value in its place.
 */
import type { AST } from "./toml-parse.js";
import type { JsonObject, JsonValue } from "../json.js";
import { setOwn } from "./jsonc-parse.js";

type Segment = string | number;

export function jsonOfProgram(program: AST.TOMLProgram): JsonObject {
  const root: JsonObject = {};
  for (const item of program.body[0].body) {
    if (item.type === "TOMLKeyValue") {
      assignKeyValue(root, item);
    } else {
      // An array-of-tables header's resolved key ends with the element's index.
      const table = containerAt(root, item.resolvedKey);
      for (const kv of item.body) assignKeyValue(table, kv);
    }
  }
  return root;
}

/**
 * The table at `keys` below `root`, creating missing tables (and, before a numeric segment,
 * arrays). Members are defined with setOwn, so a key named "__proto__" stays data.
 */
function containerAt(root: JsonObject, keys: readonly Segment[]): JsonObject {
  let cur: JsonValue = root;
  keys.forEach((seg, i) => {
    const fresh = (): JsonValue => (typeof keys[i + 1] === "number" ? [] : {});
    if (typeof seg === "number") {
      const arr = cur as JsonValue[];
      if (arr[seg] === undefined) arr[seg] = fresh();
      cur = arr[seg] as JsonValue;
    } else {
      const obj = cur as JsonObject;
      if (!Object.hasOwn(obj, seg)) setOwn(obj, seg, fresh());
      cur = obj[seg] as JsonValue;
    }
  });
  return cur as JsonObject;
}

/** The key names of a dotted key (`a."b.c"` is ["a", "b.c"]). */
export function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((k) => (k.type === "TOMLBare" ? k.name : k.value));
}

function assignKeyValue(table: JsonObject, kv: AST.TOMLKeyValue): void {
  const names = keyNames(kv.key);
  const last = names.pop() as string;
  setOwn(containerAt(table, names), last, jsonOfContent(kv.value));
}

function jsonOfContent(node: AST.TOMLContentNode): JsonValue {
  switch (node.type) {
    case "TOMLArray":
      return node.elements.map(jsonOfContent);
    case "TOMLInlineTable": {
      const obj: JsonObject = {};
      for (const kv of node.body) assignKeyValue(obj, kv);
      return obj;
    }
    case "TOMLValue":
      switch (node.kind) {
        case "offset-date-time":
        case "local-date-time":
        case "local-date":
        case "local-time":
          return isoDateTime(node.datetime);
        default:
          return node.value;
      }
  }
}

/**
 * A TOML datetime as an ISO 8601 string, keeping exactly what was written (offset, precision,
 * no time zone for local forms) but with the "T" separator and "Z" in upper case: TOML also
 * allows a space or lower case there. No conversion to UTC, so nothing is lost.
 */
export function isoDateTime(written: string): string {
  return written.replace(/^(\d{4}-\d{2}-\d{2})[ tT]/, "$1T").replace(/z$/, "Z");
}
