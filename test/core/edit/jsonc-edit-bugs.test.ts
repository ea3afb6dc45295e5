import { describe, expect, test } from "vitest";
import { applyJsoncEdits, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { lf } from "./lines.js";

/** Edits that cannot apply are the caller's bug: they throw and never write half a change. */
describe("applyJsoncEdits: bugs throw", () => {
  const text = lf("{", '  "s": 1,', '  "arr": [1],', '  "obj": {}', "}");

  test.each<[string, JsoncEdit]>([
    ["set below a scalar", { op: "set", path: ["s", "x"], value: 1 }],
    ["set an array element", { op: "set", path: ["arr", "0"], value: 1 }],
    ["set below a missing array element", { op: "set", path: ["arr", "5", "x"], value: 1 }],
    ["remove the root", { op: "remove", path: [] }],
    ["remove an array element by key", { op: "remove", path: ["arr", "0"] }],
    ["append to an object", { op: "append", path: ["obj"], value: 1 }],
    ["append below a scalar", { op: "append", path: ["s", "x"], value: 1 }],
    ["remove-element out of range", { op: "remove-element", path: ["arr"], index: 1 }],
    ["remove-element with a negative index", { op: "remove-element", path: ["arr"], index: -1 }],
    ["remove-element in a missing array", { op: "remove-element", path: ["nope"], index: 0 }],
    ["replace-element out of range", { op: "replace-element", path: ["arr"], index: 3, value: 1 }],
  ])("%s", (_name, edit) => {
    expect(() => applyJsoncEdits(text, [edit])).toThrow(/^bug: /);
  });

  test.each([
    ["invalid text", '{ "a": 1 "b": 2 }'],
    ["empty text", ""],
  ])("%s", (_name, bad) => {
    expect(() => applyJsoncEdits(bad, [{ op: "set", path: ["x"], value: 1 }])).toThrow(/^bug: .*parseJsonc/);
  });

  test("no edits return the text unchanged", () => {
    expect(applyJsoncEdits(text, [])).toBe(text);
  });
});
