import { describe, expect, test } from "vitest";
import { applyJsoncEdits, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { crlf, lf } from "./lines.js";

interface Case {
  name: string;
  before: string;
  edits: JsoncEdit[];
  after: string;
}

const nested = { command: "npx", args: ["-y"] };

const cases: Case[] = [
  {
    name: "tabs stay tabs, nested values at the right depth",
    before: lf("{", '\t"servers": {', '\t\t"a": {', '\t\t\t"type": "stdio"', "\t\t}", "\t}", "}"),
    edits: [{ op: "set", path: ["servers", "b"], value: nested }],
    after: lf(
      "{",
      '\t"servers": {',
      '\t\t"a": {',
      '\t\t\t"type": "stdio"',
      "\t\t},",
      '\t\t"b": {',
      '\t\t\t"command": "npx",',
      '\t\t\t"args": [',
      '\t\t\t\t"-y"',
      "\t\t\t]",
      "\t\t}",
      "\t}",
      "}",
    ),
  },
  {
    name: "tabs: an empty object grows with tabs",
    before: lf("{", '\t"servers": {}', "}"),
    edits: [{ op: "set", path: ["servers", "b"], value: nested }],
    after: lf("{", '\t"servers": {', '\t\t"b": {', '\t\t\t"command": "npx",', '\t\t\t"args": [', '\t\t\t\t"-y"', "\t\t\t]", "\t\t}", "\t}", "}"),
  },
  {
    name: "four-space files get four spaces",
    before: lf("{", '    "a": {', '        "b": 1', "    }", "}"),
    edits: [{ op: "set", path: ["a", "c"], value: nested }],
    after: lf(
      "{",
      '    "a": {',
      '        "b": 1,',
      '        "c": {',
      '            "command": "npx",',
      '            "args": [',
      '                "-y"',
      "            ]",
      "        }",
      "    }",
      "}",
    ),
  },
  {
    name: "four spaces are detected even when only a deep member shows them",
    before: lf("{", '    "a": {}', "}"),
    edits: [{ op: "set", path: ["a", "c"], value: { d: 1 } }],
    after: lf("{", '    "a": {', '        "c": {', '            "d": 1', "        }", "    }", "}"),
  },
  {
    name: "CRLF stays CRLF, inserted lines included",
    before: crlf("{", '  "a": 1, // one', '  "m": {}', "}"),
    edits: [
      { op: "set", path: ["m", "x"], value: nested },
      { op: "append", path: ["p"], value: "q" },
    ],
    after: crlf(
      "{",
      '  "a": 1, // one',
      '  "m": {',
      '    "x": {',
      '      "command": "npx",',
      '      "args": [',
      '        "-y"',
      "      ]",
      "    }",
      "  },",
      '  "p": [',
      '    "q"',
      "  ]",
      "}",
    ),
  },
  {
    name: "CRLF: removing a member removes its CRLF too",
    before: crlf("{", '  "a": 1,', '  "b": {', '    "c": 2', "  }", "}"),
    edits: [{ op: "remove", path: ["b"] }],
    after: crlf("{", '  "a": 1', "}"),
  },
  {
    name: "a missing final newline stays missing",
    before: '{\n  "a": 1\n}',
    edits: [{ op: "set", path: ["b"], value: [1] }],
    after: '{\n  "a": 1,\n  "b": [\n    1\n  ]\n}',
  },
  {
    name: "a byte order mark stays",
    before: '\ufeff{\n  "a": 1\n}\n',
    edits: [{ op: "set", path: ["b"], value: 2 }],
    after: '\ufeff{\n  "a": 1,\n  "b": 2\n}\n',
  },
];

describe("applyJsoncEdits follows the file's style", () => {
  test.each(cases)("$name", ({ before, edits, after }) => {
    expect(applyJsoncEdits(before, edits)).toBe(after);
  });

  test.each([
    ["LF", lf("{", '  "a": 1 // c', "}")],
    ["CRLF", crlf("{", '  "a": 1 // c', "}")],
    ["no final newline", '{\n  "a": 1 // c\n}'],
    ["CRLF, no final newline", '{\r\n  "a": 1 // c\r\n}'],
    ["tabs", lf("{", '\t"a": 1, // c', "}")],
  ])("%s: add then remove is a byte-identical round trip", (_name, text) => {
    const added = applyJsoncEdits(text, [
      { op: "set", path: ["m", "x"], value: nested },
      { op: "append", path: ["a2"], value: { k: [true] } },
    ]);
    if (text.includes("\r\n")) expect(added.replace(/\r\n/g, "")).not.toContain("\n");
    else expect(added).not.toContain("\r");
    expect(added.endsWith("\n")).toBe(text.endsWith("\n"));
    expect(applyJsoncEdits(added, [{ op: "remove", path: ["m"] }, { op: "remove", path: ["a2"] }])).toBe(text);
  });
});
