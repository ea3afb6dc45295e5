import { describe, expect, test } from "vitest";
import { applyJsoncEdits, JsoncEditSession, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import type { JsonValue } from "../../../src/core/json.js";
import { editOneByOne } from "./jsonc-one-by-one.js";
import { crlf, lf } from "./lines.js";

/** Files holding an object at "c" in the layouts users write (and one where "c" is missing). */
const objectFiles: Record<string, string> = {
  pretty: lf("{", '  "c": {', '    "a": 1', "  }", "}"),
  "trailing commas and comments": lf("{", "  // servers", '  "c": {', '    "a": 1, // about a', "  },", '  "z": true,', "}"),
  "comment after a last member without comma": lf("{", '  "c": {', '    "a": 1 // about a', "  }", "}"),
  "comma first": lf("{", '  "c": {', '    "a": 1', "    , // c", "  }", "}"),
  "member on the opening line": lf("{", '  "c": { "a": 1,', "  }", "}"),
  "block comment with a line break between members": '{"c": {"a": 1, /*\n*/ "b": 2}}',
  "empty in a pretty file": lf("{", '  "c": {}', "}"),
  "empty with commented-out examples": lf("{", '  "c": {', '    // "x": {}', "  }", "}"),
  "empty with a comment on its line": lf("{", '  "c": { /* none yet */ }', "}"),
  "empty, one line": '{ "c": {} }',
  "one line": '{ "c": { "a": 1, "b": [1, 2] } }\n',
  "one line with a trailing comma and comment": '{ "c": { "a": 1, /* c */ } }',
  minified: '{"c":{"a":1,"b":2}}',
  "CRLF and tabs": crlf("{", '\t"c": {', '\t\t"a": 1', "\t}", "}"),
  "byte order mark": "\ufeff" + lf("{", '  "c": {', '    "a": 1', "  }", "}"),
  "missing parent": lf("{", '  "other": 1', "}"),
  "empty root": "{}",
};

/** Files holding an array at "c". */
const arrayFiles: Record<string, string> = {
  pretty: lf("{", '  "c": [', '    "a"', "  ]", "}"),
  "trailing commas and comments": lf("{", '  "c": [', '    "a", // first', "  ],", "}"),
  "comment after a last element without comma": lf("{", '  "c": [', '    "a" /* first */', "  ]", "}"),
  "comma first": lf("{", '  "c": [', '    "a"', "    , // c", "  ]", "}"),
  "empty in a pretty file": lf("{", '  "c": []', "}"),
  "empty with a comment": lf("{", '  "c": [', "    // none", "  ]", "}"),
  "empty, one line": '{ "c": [] }',
  "one line": '{ "c": ["a", "b"] }\n',
  minified: '{"c":["a","b"]}',
  "CRLF and tabs": crlf("{", '\t"c": [', '\t\t"a"', "\t]", "}"),
  "missing array": lf("{", '  "other": 1', "}"),
};

const values: JsonValue[] = [{ command: "npx", args: ["-y", "srv"], env: {} }, 2, "s", [], {}, null, [1, { x: true }], { nested: { deep: [] } }];
const valueOf = (i: number) => values[i % values.length] as JsonValue;

const memberEdits: JsoncEdit[] = Array.from({ length: 12 }, (_, i) => ({ op: "set", path: ["c", `k${i}`], value: valueOf(i) }));
const appendEdits: JsoncEdit[] = Array.from({ length: 12 }, (_, i) => ({ op: "append", path: ["c"], value: valueOf(i) }));

describe("many insertions into one container give the text of inserting them one by one", () => {
  test.each(Object.entries(objectFiles))("new members of an object: %s", (_, text) => {
    expect(applyJsoncEdits(text, memberEdits)).toBe(editOneByOne(text, memberEdits));
  });

  test.each(Object.entries(objectFiles))("new members with missing parents: %s", (_, text) => {
    const edits: JsoncEdit[] = memberEdits.map((e, i) => ({ ...e, path: [...e.path, `sub${i}`] }) as JsoncEdit);
    expect(applyJsoncEdits(text, edits)).toBe(editOneByOne(text, edits));
  });

  test.each(Object.entries(arrayFiles))("appends to an array: %s", (_, text) => {
    expect(applyJsoncEdits(text, appendEdits)).toBe(editOneByOne(text, appendEdits));
  });

  test("runs into different containers, a replacement and a removal between them", () => {
    const text = lf("{", '  "c": {', '    "a": 1 // about a', "  },", '  "d": [], // list', "}");
    const edits: JsoncEdit[] = [
      ...memberEdits.slice(0, 4),
      ...appendEdits.slice(0, 3).map((e) => ({ ...e, path: ["d"] }) as JsoncEdit),
      { op: "set", path: ["c", "k1"], value: "replaced" },
      ...memberEdits.slice(4, 8),
      { op: "remove", path: ["c", "a"] },
      ...memberEdits.slice(8),
      { op: "append", path: ["e"], value: 1 },
      { op: "append", path: ["e"], value: 2 },
    ];
    expect(applyJsoncEdits(text, edits)).toBe(editOneByOne(text, edits));
  });

  test("the text of three new members after a commented, comma-first last one", () => {
    const edits: JsoncEdit[] = [1, 2, 3].map((n) => ({ op: "set", path: ["c", `k${n}`], value: n }));
    expect(applyJsoncEdits(objectFiles["comma first"] as string, edits)).toBe(
      lf("{", '  "c": {', '    "a": 1', "    ,", '    "k1": 1, // c', '    "k2": 2,', '    "k3": 3,', "  }", "}"),
    );
  });

  test("the text of three appends to a one-line array", () => {
    const edits: JsoncEdit[] = [1, 2, 3].map((n) => ({ op: "append", path: ["c"], value: n }));
    expect(applyJsoncEdits(arrayFiles["one line"] as string, edits)).toBe('{ "c": ["a", "b", 1, 2, 3] }\n');
  });

  test("the session's text between gathered insertions is the text so far", () => {
    const text = objectFiles["trailing commas and comments"] as string;
    const session = new JsoncEditSession(text);
    memberEdits.forEach((e, i) => {
      session.apply(e);
      if (i % 5 === 2) expect(session.text).toBe(editOneByOne(text, memberEdits.slice(0, i + 1)));
    });
    expect(session.result()).toBe(editOneByOne(text, memberEdits));
  });
});
