import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyJsoncEdits, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { parseJsonc, valueAt } from "../../../src/core/edit/jsonc-parse.js";
import { applyEditToValue } from "../../../src/core/edit/jsonc-value-edit.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../src/core/json.js";
import { containers, docArb, editSeedArb, keyArb, layoutArb, renderDoc, resolveEdit, styleArb, valueArb, type Container, type EditSeed } from "./jsonc-arbitraries.js";
import { editOneByOne } from "./jsonc-one-by-one.js";

/**
 * A run of insertions into one container, the edits a session gathers: new members of one object
 * (directly, or each with a missing parent), appends to one array, or appends that first create
 * the array. Keys may collide with existing members, which makes some of the sets replacements.
 */
interface RunSeed {
  kind: "members" | "deep-members" | "appends" | "new-array";
  pick: number;
  keys: string[];
  sub: string;
  values: JsonValue[];
}

const runArb: fc.Arbitrary<RunSeed> = fc.record({
  kind: fc.constantFrom<RunSeed["kind"]>("members", "deep-members", "appends", "new-array"),
  pick: fc.nat(),
  keys: fc.array(keyArb, { minLength: 1, maxLength: 8 }),
  sub: keyArb,
  values: fc.array(valueArb, { minLength: 1, maxLength: 8 }),
});

type Step = { run: RunSeed } | { single: EditSeed };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: runArb.map((run) => ({ run })) },
  { weight: 1, arbitrary: editSeedArb.map((single) => ({ single })) },
);

/** Hand-written layouts the generated documents do not produce. */
const oddTexts = [
  '{\n  "a": {\n    "x": 1\n    , // comma first\n  },\n  "b": [\n    1\n    ,\n  ]\n}\n',
  '{ "a": { "x": 1,\n  }, "b": [ 1, /* c */ ] }',
  '{"a": {"x": 1, /*\n*/ "y": 2}, "b": [1, /*\n*/ 2]}',
  '\ufeff{\r\n\t"a": { /* none */ },\r\n\t"b": [\r\n\t\t// none\r\n\t]\r\n}',
  "{}",
  "{\n}\n",
].map((text) => ({ text, doc: parseJsonc(text).value as JsonObject }));

const textArb = fc.oneof(
  fc
    .record({ doc: docArb, style: styleArb, layout: layoutArb, flags: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }) })
    .map(({ doc, style, layout, flags }) => ({ doc: doc as JsonObject, text: renderDoc(doc, style, layout, flags) })),
  fc.constantFrom(...oddTexts),
);

/** The run's edits, each applicable to the value the ones before it leave. */
function resolveRun(root: JsonValue, run: RunSeed): JsoncEdit[] {
  const all = containers(root);
  const objects = all.filter((c) => isJsonObject(c.value));
  const arrays = all.filter((c) => Array.isArray(c.value));
  const obj = objects[run.pick % objects.length] as Container;
  const count = Math.max(run.keys.length, run.values.length);
  const edits: JsoncEdit[] = [];
  let value = root;
  for (let i = 0; i < count; i++) {
    const key = run.keys[i % run.keys.length] as string;
    const v = run.values[i % run.values.length] as JsonValue;
    const members = valueAt(value, obj.path) as JsonObject;
    const edit = runEdit(run, obj.path, members, arrays, key, v);
    edits.push(edit);
    value = applyEditToValue(value, edit);
  }
  return edits;
}

function runEdit(run: RunSeed, path: string[], members: JsonObject, arrays: Container[], key: string, value: JsonValue): JsoncEdit {
  switch (run.kind) {
    case "members":
      return { op: "set", path: [...path, key], value };
    case "deep-members": {
      const deepOk = !Object.hasOwn(members, key) || isJsonObject(members[key]);
      return { op: "set", path: deepOk ? [...path, key, run.sub] : [...path, key], value };
    }
    case "appends":
    case "new-array": {
      const array = arrays[run.pick % Math.max(arrays.length, 1)];
      if (run.kind === "appends" && array !== undefined) return { op: "append", path: array.path, value };
      const first = run.keys[0] as string;
      const ok = !Object.hasOwn(members, first) || Array.isArray(members[first]);
      return { op: ok ? "append" : "set", path: [...path, first], value };
    }
  }
}

const runs = { numRuns: Number(process.env.JSONC_PROPERTY_RUNS ?? 400) };

describe("batched edit sessions", () => {
  test("give exactly the text of applying every edit on its own", () => {
    fc.assert(
      fc.property(textArb, fc.array(stepArb, { maxLength: 5 }), ({ doc, text }, steps) => {
        let value: JsonValue = doc;
        const edits: JsoncEdit[] = [];
        for (const step of steps) {
          const next = "run" in step ? resolveRun(value, step.run) : [resolveEdit(value, step.single)];
          for (const edit of next) {
            edits.push(edit);
            value = applyEditToValue(value, edit);
          }
        }
        expect(applyJsoncEdits(text, edits)).toBe(editOneByOne(text, edits));
      }),
      runs,
    );
  });
});
