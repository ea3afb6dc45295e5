import { describe, expect, test } from "vitest";
import { applyJsoncEdits, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { lf } from "./lines.js";

interface Case {
  name: string;
  before: string;
  edits: JsoncEdit[];
  after: string;
}

const cases: Case[] = [
  {
    name: "adds a member after the last one, adding the separating comma",
    before: lf("{", '  "a": 1', "}"),
    edits: [{ op: "set", path: ["b"], value: 2 }],
    after: lf("{", '  "a": 1,', '  "b": 2', "}"),
  },
  {
    name: "keeps the trailing-comma style: the new member gets one, no double comma",
    before: lf("{", '  "a": 1,', "}"),
    edits: [{ op: "set", path: ["b"], value: 2 }],
    after: lf("{", '  "a": 1,', '  "b": 2,', "}"),
  },
  {
    name: "puts the comma before the last member's trailing comment, which stays on its line",
    before: lf("{", '  "a": 1 // about a', "}"),
    edits: [{ op: "set", path: ["b"], value: 2 }],
    after: lf("{", '  "a": 1, // about a', '  "b": 2', "}"),
  },
  {
    name: "inserts after a trailing comment that follows a trailing comma",
    before: lf("{", '  "a": 1, /* about a */', "}"),
    edits: [{ op: "set", path: ["b"], value: 2 }],
    after: lf("{", '  "a": 1, /* about a */', '  "b": 2,', "}"),
  },
  {
    name: "grows an empty object into a multi-line one with the nested value pretty-printed",
    before: lf("{", '  "mcp": {}', "}"),
    edits: [{ op: "set", path: ["mcp", "srv"], value: { command: "npx", args: ["-y", "srv"], env: {} } }],
    after: lf(
      "{",
      '  "mcp": {',
      '    "srv": {',
      '      "command": "npx",',
      '      "args": [',
      '        "-y",',
      '        "srv"',
      "      ],",
      '      "env": {}',
      "    }",
      "  }",
      "}",
    ),
  },
  {
    name: "adds after the comments of an object holding only a commented-out block",
    before: lf("{", '  "models": {', '    // "old": {', '    //   "name": "x"', "    // }", "  }", "}"),
    edits: [{ op: "set", path: ["models", "new"], value: { name: "y" } }],
    after: lf(
      "{",
      '  "models": {',
      '    // "old": {',
      '    //   "name": "x"',
      "    // }",
      '    "new": {',
      '      "name": "y"',
      "    }",
      "  }",
      "}",
    ),
  },
  {
    name: "creates missing parent objects",
    before: lf("{", '  "a": 1', "}"),
    edits: [{ op: "set", path: ["mcp", "srv", "command"], value: "npx" }],
    after: lf("{", '  "a": 1,', '  "mcp": {', '    "srv": {', '      "command": "npx"', "    }", "  }", "}"),
  },
  {
    name: "replaces a value in place, keeping its comma and trailing comment",
    before: lf("{", '  "a": 1, // keep me', '  "b": 2', "}"),
    edits: [{ op: "set", path: ["a"], value: "three" }],
    after: lf("{", '  "a": "three", // keep me', '  "b": 2', "}"),
  },
  {
    name: "replaces a scalar with a nested value at the depth of its line",
    before: lf("{", '  "x": {', '    "a": 1', "  }", "}"),
    edits: [{ op: "set", path: ["x", "a"], value: { k: [1] } }],
    after: lf("{", '  "x": {', '    "a": {', '      "k": [', "        1", "      ]", "    }", "  }", "}"),
  },
  {
    name: "sets an object over an object member by member, so comments on surviving members stay",
    before: lf(
      "{",
      '  "srv": {',
      "    // how to start it",
      '    "command": "npx", // pinned',
      '    "env": { "A": "1" }',
      "  }",
      "}",
    ),
    edits: [{ op: "set", path: ["srv"], value: { command: "bunx", args: ["x"] } }],
    after: lf(
      "{",
      '  "srv": {',
      "    // how to start it",
      '    "command": "bunx", // pinned',
      '    "args": [',
      '      "x"',
      "    ]",
      "  }",
      "}",
    ),
  },
  {
    name: "an equal value leaves the text untouched, whatever its formatting",
    before: lf("{", '  "a": [1,2],   "b": {"c":true} // x', "}"),
    edits: [
      { op: "set", path: ["a"], value: [1, 2] },
      { op: "set", path: ["b"], value: { c: true } },
    ],
    after: lf("{", '  "a": [1,2],   "b": {"c":true} // x', "}"),
  },
  {
    name: "an object on one line stays on one line",
    before: lf("{", '  "limit": { "context": 131072 }', "}"),
    edits: [{ op: "set", path: ["limit", "output"], value: { max: [1, 2] } }],
    after: lf("{", '  "limit": { "context": 131072, "output": { "max": [1, 2] } }', "}"),
  },
  {
    name: "an empty object inside a one-line object is filled on one line",
    before: lf("{", '  "x": { "limit": {} }', "}"),
    edits: [{ op: "set", path: ["x", "limit", "output"], value: 1 }],
    after: lf("{", '  "x": { "limit": { "output": 1 } }', "}"),
  },
  {
    name: "a one-line object with a trailing comma keeps it",
    before: lf('{ "a": 1, }'),
    edits: [{ op: "set", path: ["b"], value: 2 }],
    after: lf('{ "a": 1, "b": 2, }'),
  },
  {
    name: "minified text gets minified separators",
    before: '{"a":1,"b":2}',
    edits: [{ op: "set", path: ["c"], value: 3 }],
    after: '{"a":1,"b":2,"c":3}',
  },
  {
    name: "replacing the root keeps comments around it",
    before: lf("// header", "{", '  "a": 1', "}", "// footer"),
    edits: [{ op: "set", path: [], value: { b: 2 } }],
    after: lf("// header", "{", '  "b": 2', "}", "// footer"),
  },
  {
    name: "duplicate keys: set replaces the last one, which is the one that counts",
    before: lf("{", '  "a": 1,', '  "a": 2', "}"),
    edits: [{ op: "set", path: ["a"], value: 3 }],
    after: lf("{", '  "a": 1,', '  "a": 3', "}"),
  },
  {
    name: "a path can go through an array element by decimal index",
    before: lf("{", '  "inputs": [', "    {", '      "id": "a"', "    }", "  ]", "}"),
    edits: [{ op: "set", path: ["inputs", "0", "type"], value: "promptString" }],
    after: lf("{", '  "inputs": [', "    {", '      "id": "a",', '      "type": "promptString"', "    }", "  ]", "}"),
  },
  {
    name: "replace-element replaces one element in place",
    before: lf("{", '  "args": ["a", "b"] // args', "}"),
    edits: [{ op: "replace-element", path: ["args"], index: 1, value: "c" }],
    after: lf("{", '  "args": ["a", "c"] // args', "}"),
  },
  {
    name: "replace-element merges objects member by member, keeping comments",
    before: lf("{", '  "inputs": [', "    {", '      "id": "k", // the id', '      "type": "x"', "    }", "  ]", "}"),
    edits: [{ op: "replace-element", path: ["inputs"], index: 0, value: { id: "k", type: "promptString", password: true } }],
    after: lf(
      "{",
      '  "inputs": [',
      "    {",
      '      "id": "k", // the id',
      '      "type": "promptString",',
      '      "password": true',
      "    }",
      "  ]",
      "}",
    ),
  },
];

describe("applyJsoncEdits: set and replace-element", () => {
  test.each(cases)("$name", ({ before, edits, after }) => {
    expect(applyJsoncEdits(before, edits)).toBe(after);
  });
});
