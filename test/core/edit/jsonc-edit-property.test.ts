import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyJsoncEdits, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { parseJsonc, valueAt } from "../../../src/core/edit/jsonc-parse.js";
import { renderJson } from "../../../src/core/edit/jsonc-render.js";
import { detectStyle } from "../../../src/core/edit/jsonc-style.js";
import { applyEditToValue } from "../../../src/core/edit/jsonc-value-edit.js";
import type { JsonValue } from "../../../src/core/json.js";
import { docArb, editSeedArb, keyArb, layoutArb, renderDoc, resolveEdit, styleArb, valueArb } from "./jsonc-arbitraries.js";

const textArb = fc
  .record({ doc: docArb, style: styleArb, layout: layoutArb, flags: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }) })
  .map(({ doc, style, layout, flags }) => ({ doc, style, text: renderDoc(doc, style, layout, flags) }));

const runs = { numRuns: Number(process.env.JSONC_PROPERTY_RUNS ?? 400) };

describe("applyJsoncEdits properties", () => {
  test("generated documents parse back to their value", () => {
    fc.assert(
      fc.property(textArb, ({ doc, text }) => {
        expect(parseJsonc(text)).toEqual({ value: doc, errors: [] });
      }),
      runs,
    );
  });

  test("random edit scripts mean the same as the edits on the plain value", () => {
    fc.assert(
      fc.property(textArb, fc.array(editSeedArb, { maxLength: 6 }), ({ doc, style, text }, seeds) => {
        let value: JsonValue = doc;
        const edits: JsoncEdit[] = [];
        for (const seed of seeds) {
          const edit = resolveEdit(value, seed);
          edits.push(edit);
          value = applyEditToValue(value, edit);
        }
        const out = applyJsoncEdits(text, edits);
        expect(parseJsonc(out)).toEqual({ value, errors: [] });
        // Line endings and the final newline follow the file (a one-line file shows no line ending
        // style, so it gets "\n").
        if (text.includes("\n") && style.eol === "\r\n") expect(out.replace(/\r\n/g, "")).not.toMatch(/\n/);
        if (text.includes("\n") && style.eol === "\n") expect(out).not.toMatch(/\r/);
        expect(/\n$/.test(out)).toBe(/\n$/.test(text));
      }),
      runs,
    );
  });

  test("a pretty-printed file stays exactly pretty-printed in its own style after any edits", () => {
    const prettyArb = fc.record({ doc: docArb, style: styleArb }).map(({ doc, style }) => ({ doc, text: renderJson(doc, style) }));
    fc.assert(
      fc.property(prettyArb, fc.array(editSeedArb, { maxLength: 6 }), ({ doc, text }, seeds) => {
        let value: JsonValue = doc;
        const edits = seeds.map((seed) => {
          const edit = resolveEdit(value, seed);
          value = applyEditToValue(value, edit);
          return edit;
        });
        const out = applyJsoncEdits(text, edits);
        const parsed = parseJsonc(out).value as JsonValue;
        // JavaScript objects list integer-like keys first, so only other keys keep text order.
        fc.pre(!/"(0|[1-9][0-9]*)":/.test(JSON.stringify(parsed)));
        expect(out).toBe(renderJson(parsed, detectStyle(text)));
      }),
      runs,
    );
  });

  test("adding a new member anywhere and removing it again is a byte-identical round trip", () => {
    fc.assert(
      fc.property(textArb, fc.nat(), keyArb, valueArb, fc.boolean(), ({ doc, text }, pick, key, v, asArray) => {
        const edit = resolveEdit(doc, { kind: "set", pick, pick2: 0, key, key2: key, deep: false, value: v });
        fc.pre(edit.op === "set" && valueAt(doc, edit.path) === undefined);
        const add: JsoncEdit = asArray ? { op: "append", path: edit.path, value: v } : edit;
        const added = applyJsoncEdits(text, [add]);
        expect(applyJsoncEdits(added, [{ op: "remove", path: edit.path }])).toBe(text);
      }),
      runs,
    );
  });

  test("appending to an existing array and removing that element is a byte-identical round trip", () => {
    fc.assert(
      fc.property(textArb, fc.nat(), valueArb, ({ doc, text }, pick, v) => {
        const edit = resolveEdit(doc, { kind: "append", pick, pick2: pick, key: "", key2: "", deep: true, value: v });
        const array = valueAt(doc, edit.path);
        fc.pre(edit.op === "append" && Array.isArray(array));
        const added = applyJsoncEdits(text, [edit]);
        const index = (array as JsonValue[]).length;
        expect(applyJsoncEdits(added, [{ op: "remove-element", path: edit.path, index }])).toBe(text);
      }),
      runs,
    );
  });
});
