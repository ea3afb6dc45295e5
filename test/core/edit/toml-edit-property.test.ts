/**
 * Random user files (written here in varied styles, with uniquely numbered comments in every
 * position) and random scripts of set-table / remove-table on `mcp_servers.<name>` tables.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyTomlEdits, tableEditProblem, tableForm, type TomlEdit } from "../../../src/core/edit/toml-edit.js";
import { parseToml } from "../../../src/core/edit/toml-parse.js";
import { applyTomlEditToValue, sameUpToVanishedParents } from "../../../src/core/edit/toml-value-edit.js";
import type { JsonObject, JsonValue } from "../../../src/core/json.js";

const ROOT_KEYS = ["model", "approval_policy", "a.b", "n"];
const TABLE_KEYS = ["command", "args", "x", "with space", "é"];
/** Tables the user may have, in any order: some are packs' targets, some get split by others. */
const TABLE_PATHS = [["profiles", "fast"], ["profiles", "deep"], ["sandbox"], ["mcp_servers"], ["mcp_servers", "mine"], ["mcp_servers", "mine", "env"]];
TABLE_PATHS.push(["mcp_servers", "dbt"], ["mcp_servers", "dbt", "env"], ["mcp_servers", "my.server"], ["mcp_servers", "@scope/x", "env"]);
/** User entries written as `name = { … }` (inline) and `dot.command = …` (dotted, not editable). */
const INLINE_NAMES = ["inl", "in.line"];
const OP_NAMES = ["dbt", "mine", "my.server", "@scope/x", "inl", "in.line", "dot", "new"];

/** A comment line of the user file and where it sits relative to tables (see mayVanish). */
interface UserComment {
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

const fileArb = fc.record({
  rootKeys: fc.subarray(ROOT_KEYS),
  tables: fc.shuffledSubarray(TABLE_PATHS),
  inline: fc.subarray(INLINE_NAMES),
  dotted: fc.boolean(),
  flags: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
  values: fc.array(userValueArb, { minLength: 1, maxLength: 12 }),
  eol: fc.constantFrom("\n", "\r\n"),
  finalNewline: fc.boolean(),
});
type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

const userKey = (k: string) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));

/** The user's text for `spec`, and its comment lines. */
function writeUserFile(spec: FileSpec): { text: string; comments: UserComment[] } {
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

const startsWith = (full: readonly string[], prefix: readonly string[]) => full.length >= prefix.length && prefix.every((s, i) => full[i] === s);

/**
 * A comment may go only with a table an applied edit targeted (see toml-table-ops.ts): inside
 * it, or between two of its tables. Tables are "consecutive" once those between them are gone,
 * so a comment between any two tables of a target may go.
 */
function mayVanish(c: UserComment, tables: readonly string[][], targets: readonly string[][]): boolean {
  return targets.some(
    (q) =>
      (c.inside !== undefined && startsWith(c.inside, q)) ||
      (c.slot !== undefined && tables.slice(0, c.slot).some((t) => startsWith(t, q)) && tables.slice(c.slot).some((t) => startsWith(t, q))),
  );
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
const tableValueArb = fc.dictionary(keyArb, valueArb, { maxKeys: 4, noNullPrototype: true }) as fc.Arbitrary<JsonObject>;
const pathArb = fc.constantFrom(...OP_NAMES).map((n) => ["mcp_servers", n]);
const editArb: fc.Arbitrary<TomlEdit> = fc.oneof(
  fc.record({ op: fc.constant("set-table" as const), path: pathArb, value: tableValueArb }),
  fc.record({ op: fc.constant("remove-table" as const), path: pathArb }),
);

const runs = { numRuns: Number(process.env.TOML_PROPERTY_RUNS ?? 300) };

describe("applyTomlEdits properties", () => {
  test("random edit scripts mean the same as the edits on the plain value and keep every other comment line", () => {
    fc.assert(
      fc.property(fileArb, fc.array(editArb, { maxLength: 6 }), (spec, edits) => {
        const { text, comments } = writeUserFile(spec);
        let out = text;
        const original = parseToml(text);
        expect(original.errors).toEqual([]);
        let value = original.value as JsonObject;
        const targets: string[][] = [];
        let emptied = false;
        let noLineBreak = !text.includes("\n");
        for (const edit of edits) {
          if (tableEditProblem(out, edit.path, edit.op) !== undefined) {
            expect(edit.path[1]).toBe("dot"); // the only form the generator makes that packs does not edit
            expect(() => applyTomlEdits(out, [edit])).toThrow(/^bug: /);
            continue;
          }
          out = applyTomlEdits(out, [edit]);
          targets.push(edit.path);
          const parsed = parseToml(out);
          expect(parsed.errors).toEqual([]);
          expect(sameUpToVanishedParents(parsed.value, applyTomlEditToValue(value, edit), edit.path)).toBe(true);
          value = parsed.value as JsonObject;
          emptied ||= out === "";
          noLineBreak ||= !out.includes("\n");
        }
        const outLines = out.split(/\r?\n/);
        const kept = comments.filter((c) => !mayVanish(c, spec.tables, targets));
        for (const c of kept) expect(outLines).toContain(c.line);
        const ids = (t: string) => [...t.matchAll(/# c(\d+)/g)].map((m) => Number(m[1]));
        const keptIds = new Set(kept.map((c) => comments.indexOf(c)));
        expect(ids(out).filter((id) => keptIds.has(id))).toEqual(ids(text).filter((id) => keptIds.has(id)));
        expect(new Set(ids(out)).size).toBe(ids(out).length);
        // Line breaks follow the file (one that had none at some point gets "\n").
        if (!noLineBreak && spec.eol === "\r\n") expect(out.replace(/\r\n/g, "")).not.toMatch(/\n/);
        if (spec.eol === "\n") expect(out).not.toMatch(/\r/);
        // An emptied file has lost its final line break style, so it starts afresh.
        if (text !== "" && !emptied) expect(out.endsWith(spec.eol)).toBe(text.endsWith(spec.eol));
      }),
      runs,
    );
  });

  test("adding a new table and removing it again is a byte-identical round trip", () => {
    fc.assert(
      fc.property(fileArb, fc.constantFrom(...OP_NAMES), tableValueArb, (spec, name, value) => {
        const { text } = writeUserFile(spec);
        const path = ["mcp_servers", name];
        fc.pre(tableForm(text, path) === "absent" && tableEditProblem(text, path) === undefined);
        const added = applyTomlEdits(text, [{ op: "set-table", path, value }]);
        expect(added.startsWith(text)).toBe(true);
        expect(applyTomlEdits(added, [{ op: "remove-table", path }])).toBe(text);
      }),
      runs,
    );
  });
});
