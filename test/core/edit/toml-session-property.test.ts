/**
 * TomlEditSession against the per-edit functions it replaces in the planner: for random user
 * files (toml-arbitraries.ts) and random edit scripts, every answer (tableEditProblem, tableForm,
 * the value at the path) and the final text are the same as asking and editing the text one
 * edit at a time, re-parsing it each time. Paths include ancestors and descendants of each
 * other, so the session's re-parse of related paths is exercised too.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyTomlEdits, tableEditProblem, tableForm, type TomlEdit } from "../../../src/core/edit/toml-edit.js";
import { parseToml } from "../../../src/core/edit/toml-parse.js";
import { TomlEditSession } from "../../../src/core/edit/toml-session.js";
import { valueAt } from "../../../src/core/edit/jsonc-parse.js";
import { fileArb, OP_NAMES, TABLE_PATHS, tableValueArb, writeUserFile } from "./toml-arbitraries.js";

const runs = { numRuns: Number(process.env.TOML_PROPERTY_RUNS ?? 300) };

const pathArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...OP_NAMES).map((n) => ["mcp_servers", n]) },
  { weight: 1, arbitrary: fc.constantFrom(...TABLE_PATHS, ["mcp_servers", "new", "env"], ["new"], ["model"], ["n", "x"]) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 9 }).map((n) => ["mcp_servers", `p${n}`]) },
);
const editArb: fc.Arbitrary<TomlEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("set-table" as const), path: pathArb, value: tableValueArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("remove-table" as const), path: pathArb }) },
);
const userTextArb = fc.tuple(fileArb, fc.boolean()).map(([spec, bom]) => (bom ? "\ufeff" : "") + writeUserFile(spec).text);

/**
 * Small files made mostly of blank, empty and comment lines around a few tables, without a final
 * line break as often as with one: where removing lines has the most rules to follow.
 */
const sparseTextArb = fc
  .record({
    top: fc.array(fc.constantFrom("", "  ", "# top", "model = 1", "mcp_servers.p3 = { a = 1 }"), { maxLength: 3 }),
    tables: fc.uniqueArray(fc.constantFrom("mcp_servers.p0", "mcp_servers.p1", "mcp_servers.p1.env", "mcp_servers.p2", "other", "mcp_servers", "mcp_servers.p0.env"), { maxLength: 5 }),
    bodies: fc.array(fc.array(fc.constantFrom("", "", "# c", "k = 1", "\t"), { maxLength: 3 }), { minLength: 5, maxLength: 5 }),
    eol: fc.constantFrom("\n", "\r\n"),
    final: fc.boolean(),
  })
  .map(({ top, tables, bodies, eol, final }) => {
    const lines = [...new Set(top), ...tables.flatMap((t, i) => [`[${t}]`, ...bodies[i]!.map((l, j) => l.replace("k", `k${j}`))])];
    return lines.join(eol) + (final && lines.length > 0 ? eol : "");
  })
  .filter((text) => parseToml(text).errors.length === 0);

interface Answer {
  problem: string | undefined;
  form: string;
  value: unknown;
}

/** What the planner used to do: ask, then edit, each on the whole text. */
function oneAtATime(text: string, edits: readonly TomlEdit[]): { answers: Answer[]; text: string } {
  const answers: Answer[] = [];
  for (const edit of edits) {
    const problem = tableEditProblem(text, edit.path, edit.op);
    answers.push({ problem, form: tableForm(text, edit.path), value: valueAt(parseToml(text).value, edit.path) });
    if (problem === undefined) text = applyTomlEdits(text, [edit]);
  }
  return { answers, text };
}

function inSession(text: string, edits: readonly TomlEdit[]): { answers: Answer[]; text: string } {
  const session = new TomlEditSession(text);
  const answers: Answer[] = [];
  for (const edit of edits) {
    const problem = session.problem(edit.path, edit.op);
    answers.push({ problem, form: session.form(edit.path), value: session.valueAt(edit.path) });
    if (problem === undefined) session.apply(edit);
  }
  return { answers, text: session.result() };
}

describe("TomlEditSession", () => {
  test("answers and edits exactly as the per-edit functions do, one edit at a time", () => {
    fc.assert(
      fc.property(userTextArb, fc.array(editArb, { maxLength: 12 }), (text, edits) => {
        expect(inSession(text, edits)).toEqual(oneAtATime(text, edits));
      }),
      runs,
    );
  });

  test("the same on sparse files, where blank and empty lines go with removed tables", () => {
    fc.assert(
      fc.property(sparseTextArb, fc.array(editArb, { maxLength: 8 }), (text, edits) => {
        expect(inSession(text, edits)).toEqual(oneAtATime(text, edits));
      }),
      runs,
    );
  });

  test("the same when removing every table, in any order", () => {
    const all = ["p0", "p1", "p2", "p3"].map((n) => ["mcp_servers", n]);
    fc.assert(
      fc.property(sparseTextArb, fc.shuffledSubarray(all, { minLength: all.length }), (text, paths) => {
        const edits = paths.map((path): TomlEdit => ({ op: "remove-table", path }));
        expect(inSession(text, edits)).toEqual(oneAtATime(text, edits));
      }),
      runs,
    );
  });

  test("a script of many distinct tables (a pack each) gives the same bytes", () => {
    const scriptArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean(), tableValueArb), { maxLength: 40 });
    fc.assert(
      fc.property(userTextArb, scriptArb, (text, script) => {
        const edits: TomlEdit[] = script.map(([n, set, value]) => (set ? { op: "set-table", path: ["mcp_servers", `p${n}`], value } : { op: "remove-table", path: ["mcp_servers", `p${n}`] }));
        expect(inSession(text, edits).text).toBe(oneAtATime(text, edits).text);
      }),
      { numRuns: Math.ceil(runs.numRuns / 3) },
    );
  });
});
