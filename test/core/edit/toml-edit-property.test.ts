/**
 * Random user files (toml-arbitraries.ts) and random scripts of set-table / remove-table on
 * `mcp_servers.<name>` tables.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyTomlEdits, tableEditProblem, tableForm } from "../../../src/core/edit/toml-edit.js";
import { parseToml } from "../../../src/core/edit/toml-parse.js";
import { applyTomlEditToValue, sameUpToVanishedParents } from "../../../src/core/edit/toml-value-edit.js";
import type { JsonObject } from "../../../src/core/json.js";
import { editArb, fileArb, OP_NAMES, tableValueArb, writeUserFile, type UserComment } from "./toml-arbitraries.js";

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
