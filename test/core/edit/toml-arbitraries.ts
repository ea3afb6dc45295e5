/**
 * Random TOML user files for the edit property tests: written in varied styles, with uniquely
 * numbered comments in every position, and random set-table / remove-table edits on
 * `mcp_servers.<name>` tables.
 */
import fc from "fast-check";
import type { TomlEdit } from "../../../src/core/edit/toml-edit.js";
import type { JsonObject, JsonValue } from "../../../src/core/json.js";

const ROOT_KEYS = ["model", "approval_policy", "a.b", "n"];
const TABLE_KEYS = ["command", "args", "x", "with space", "é"];
/** Tables the user may have, in any order: some are packs' targets, some get split by others. */
export const TABLE_PATHS = [["profiles", "fast"], ["profiles", "deep"], ["sandbox"], ["mcp_servers"], ["mcp_servers", "mine"], ["mcp_servers", "mine", "env"]];
TABLE_PATHS.push(["mcp_servers", "dbt"], ["mcp_servers", "dbt", "env"], ["mcp_servers", "my.server"], ["mcp_servers", "@scope/x", "env"]);
/** User entries written as `name = { … }` (inline) and `dot.command = …` (dotted, not editable). */
const INLINE_NAMES = ["inl", "in.line"];
export const OP_NAMES = ["dbt", "mine", "my.server", "@scope/x", "inl", "in.line", "dot", "new"];

/** A comment line of the user file and where it sits relative to tables (see mayVanish). */
export interface UserComment {
  line: string;
  /** Inside this table (or inline entry): between its header and its last key, or trailing on its lines. */
  inside?: string[];
  /** Otherwise: how many of the file's tables are above it. */
  slot?: number;
}

const userValueArb: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", " ", "é", '"', "\\", "#", "=", "[", "\n", "'"), maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 3 }),
);

export const fileArb = fc.record({
  rootKeys: fc.subarray(ROOT_KEYS),
  tables: fc.shuffledSubarray(TABLE_PATHS),
  inline: fc.subarray(INLINE_NAMES),
  dotted: fc.boolean(),
  flags: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
  values: fc.array(userValueArb, { minLength: 1, maxLength: 12 }),
  eol: fc.constantFrom("\n", "\r\n"),
  finalNewline: fc.boolean(),
});
export type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

const userKey = (k: string) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));

/** The user's text for `spec`, and its comment lines. */
export function writeUserFile(spec: FileSpec): { text: string; comments: UserComment[] } {
  let f = 0;
  let v = 0;
  let tables = 0;
  const flag = () => spec.flags[f++ % spec.flags.length] === true;
  const lines: string[] = [];
  const comments: UserComment[] = [];
  const comment = (where: Omit<UserComment, "line"> = { slot: tables }, indent = "") => {
    const line = `${indent}# c${comments.length}${flag() ? " [x] = 1" : ""}`;
    comments.push({ line, ...where });
    return line;
  };
  const value = (): string => {
    const x = spec.values[v++ % spec.values.length] as JsonValue;
    if (typeof x === "string" && flag() && !/['\n]/.test(x)) return `'${x}'`;
    if (Array.isArray(x) && flag()) return ["[", ...x.map((e) => `  ${JSON.stringify(e)},`), "]"].join("\n");
    return JSON.stringify(x).replace(/,/g, flag() ? ", " : ",");
  };
  /** `line`, maybe with a trailing comment (recorded with the whole line). */
  const trailing = (line: string, inside: string[]) => {
    if (!flag()) return line;
    const c = comments[comments.push({ line: "", inside }) - 1] as UserComment;
    const whole = `${line} # c${comments.length - 1}`;
    c.line = whole.slice(whole.lastIndexOf("\n") + 1);
    return whole;
  };
  const kv = (key: string, text: string, inside: string[]) => trailing(`${key}${flag() ? " = " : "="}${text}`, inside);
  const entries = (prefix: string) => [
    ...spec.inline.map((name) => kv(prefix + userKey(name), `{ command = ${value()} }`, ["mcp_servers", name])),
    ...(spec.dotted ? [kv(`${prefix}dot.command`, value(), ["mcp_servers", "dot"])] : []),
  ];

  if (flag()) lines.push(comment(), "");
  for (const key of spec.rootKeys) lines.push(kv(userKey(key), value(), []));
  if (!spec.tables.some((p) => p.length === 1 && p[0] === "mcp_servers")) lines.push(...entries("mcp_servers."));
  for (const path of spec.tables) {
    if (flag()) lines.push("");
    if (flag()) lines.push(comment());
    const header = path.map(userKey).join(flag() ? " . " : ".");
    lines.push(trailing(`[${header}]`, path));
    const own = [...TABLE_KEYS.filter(() => flag()).map((k) => kv(userKey(k), value(), path)), ...(path.length === 1 && path[0] === "mcp_servers" ? entries("") : [])];
    for (const line of own) {
      if (flag()) lines.push(comment({ inside: path }, "  "));
      lines.push(line);
    }
    tables++;
    if (flag()) lines.push(comment());
  }
  if (flag()) lines.push("", comment());
  const body = lines.join("\n").replace(/\n/g, spec.eol);
  return { text: body === "" || !spec.finalNewline ? body : body + spec.eol, comments };
}

const keyArb = fc.constantFrom("command", "args", "env", "x", "@scope/y", "my.key", "", "é");
const valueArb: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.string({ unit: "binary", maxLength: 6 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(keyArb, tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;
export const tableValueArb = fc.dictionary(keyArb, valueArb, { maxKeys: 4, noNullPrototype: true }) as fc.Arbitrary<JsonObject>;
const pathArb = fc.constantFrom(...OP_NAMES).map((n) => ["mcp_servers", n]);
export const editArb: fc.Arbitrary<TomlEdit> = fc.oneof(
  fc.record({ op: fc.constant("set-table" as const), path: pathArb, value: tableValueArb }),
  fc.record({ op: fc.constant("remove-table" as const), path: pathArb }),
);

