import { describe, expect, test } from "vitest";
import { applyJsoncEdits, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import type { JsonValue } from "../../../src/core/json.js";
import { lf } from "./lines.js";

interface Case {
  name: string;
  before: string;
  edits: JsoncEdit[];
  after: string;
}

const append = (path: string[], value: JsonValue): JsoncEdit => ({ op: "append", path, value });
const removeAt = (path: string[], index: number): JsoncEdit => ({ op: "remove-element", path, index });

const appendCases: Case[] = [
  {
    name: "after the last element of a multi-line array",
    before: lf("[", '  "a"', "]"),
    edits: [append([], "b")],
    after: lf("[", '  "a",', '  "b"', "]"),
  },
  {
    name: "keeps the trailing-comma style",
    before: lf("[", "  1,", "]"),
    edits: [append([], 2)],
    after: lf("[", "  1,", "  2,", "]"),
  },
  {
    name: "a one-line array stays on one line (jsonc-parser re-wraps the whole line)",
    before: lf("{", '  "args": ["run", "x"], // c', '  "k": 1', "}"),
    edits: [append(["args"], "y")],
    after: lf("{", '  "args": ["run", "x", "y"], // c', '  "k": 1', "}"),
  },
  {
    name: "an empty array grows multi-line, objects pretty-printed",
    before: lf("{", '  "inputs": []', "}"),
    edits: [append(["inputs"], { id: "key", type: "promptString" })],
    after: lf("{", '  "inputs": [', "    {", '      "id": "key",', '      "type": "promptString"', "    }", "  ]", "}"),
  },
  {
    name: "creates the array and its parents",
    before: "{}\n",
    edits: [append(["a", "plugin"], "x")],
    after: lf("{", '  "a": {', '    "plugin": [', '      "x"', "    ]", "  }", "}"),
  },
  {
    name: "pairs on a line: the new element gets its own line at the array's indentation",
    before: lf("{", '  "args": [', '    "-e", "A=1",', '    "-e", "B=2"', "  ]", "}"),
    edits: [append(["args"], "img")],
    after: lf("{", '  "args": [', '    "-e", "A=1",', '    "-e", "B=2",', '    "img"', "  ]", "}"),
  },
];

const removeCases: Case[] = [
  {
    name: "a middle element",
    before: lf("[", "  1,", "  2, // two", "  3", "]"),
    edits: [removeAt([], 1)],
    after: lf("[", "  1,", "  3", "]"),
  },
  {
    name: "the last element takes the previous comma, not the previous comment",
    before: lf("[", "  1, // one", "  2", "]"),
    edits: [removeAt([], 1)],
    after: lf("[", "  1 // one", "]"),
  },
  {
    name: "the only element leaves []",
    before: lf("{", '  "a": [', "    1", "  ]", "}"),
    edits: [removeAt(["a"], 0)],
    after: lf("{", '  "a": []', "}"),
  },
  {
    name: "the only element with a trailing comma and a comment leaves []",
    before: lf("[", "  1, // one", "]"),
    edits: [removeAt([], 0)],
    after: lf("[]"),
  },
  {
    name: "the only element leaves the array's own comments",
    before: lf("[", "  // keep", "  1", "]"),
    edits: [removeAt([], 0)],
    after: lf("[", "  // keep", "]"),
  },
  {
    name: "one-line array: first, middle and last",
    before: lf("[[1, 2, 3], [1, 2, 3], [1, 2, 3]]"),
    edits: [removeAt(["0"], 0), removeAt(["1"], 1), removeAt(["2"], 2)],
    after: lf("[[2, 3], [1, 3], [1, 2]]"),
  },
  {
    name: "pairs on a line: the first of a pair",
    before: lf("[", '  "-e", "A=1",', '  "-e", "B=2"', "]"),
    edits: [removeAt([], 2)],
    after: lf("[", '  "-e", "A=1",', '  "B=2"', "]"),
  },
  {
    name: "pairs on a line: the second of a pair",
    before: lf("[", '  "-e", "A=1",', '  "-e", "B=2"', "]"),
    edits: [removeAt([], 1)],
    after: lf("[", '  "-e",', '  "-e", "B=2"', "]"),
  },
  {
    name: "pairs on a line: the very last element",
    before: lf("[", '  "-e", "A=1",', '  "-e", "B=2"', "]"),
    edits: [removeAt([], 3)],
    after: lf("[", '  "-e", "A=1",', '  "-e"', "]"),
  },
];

describe("applyJsoncEdits: append", () => {
  test.each(appendCases)("$name", ({ before, edits, after }) => {
    expect(applyJsoncEdits(before, edits)).toBe(after);
  });
});

describe("applyJsoncEdits: remove-element", () => {
  test.each(removeCases)("$name", ({ before, edits, after }) => {
    expect(applyJsoncEdits(before, edits)).toBe(after);
  });
});
