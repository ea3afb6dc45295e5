import { describe, expect, test } from "vitest";
import { applyJsoncEdits, type JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { lf } from "./lines.js";

interface Case {
  name: string;
  before: string;
  edits: JsoncEdit[];
  after: string;
}

const remove = (...path: string[]): JsoncEdit => ({ op: "remove", path });

const cases: Case[] = [
  {
    name: "a middle member goes with its line",
    before: lf("{", '  "a": 1,', '  "b": 2,', '  "c": 3', "}"),
    edits: [remove("b")],
    after: lf("{", '  "a": 1,', '  "c": 3', "}"),
  },
  {
    name: "the last member takes the previous comma with it (no trailing comma appears)",
    before: lf("{", '  "a": 1,', '  "b": 2', "}"),
    edits: [remove("b")],
    after: lf("{", '  "a": 1', "}"),
  },
  {
    name: "with trailing commas, the last member goes with its own comma only",
    before: lf("{", '  "a": 1,', '  "b": 2,', "}"),
    edits: [remove("b")],
    after: lf("{", '  "a": 1,', "}"),
  },
  {
    name: "the first member: comment lines below it stay",
    before: lf("{", '  "a": 1, // about a', "  // about b", '  "b": 2', "}"),
    edits: [remove("a")],
    after: lf("{", "  // about b", '  "b": 2', "}"),
  },
  {
    name: "the previous member's trailing comment stays with it when its comma goes",
    before: lf("{", '  "a": 1, // about a', '  "b": 2 // about b', "}"),
    edits: [remove("b")],
    after: lf("{", '  "a": 1 // about a', "}"),
  },
  {
    name: "a multi-line member goes with all its lines and the comment after its end",
    before: lf("{", '  "a": {', '    "x": 1 // inner', "  }, // end of a", '  "b": 2', "}"),
    edits: [remove("a")],
    after: lf("{", '  "b": 2', "}"),
  },
  {
    name: "comment lines above a removed member stay (headers, commented-out siblings)",
    before: lf("{", '  "a": 1,', "  // section: b", '  "b": 2', "}"),
    edits: [remove("b")],
    after: lf("{", '  "a": 1', "  // section: b", "}"),
  },
  {
    name: "a commented-out block and a block comment between members survive",
    before: lf(
      "{",
      '  "models": {',
      '    // "old": {',
      '    //   "name": "x"',
      "    // },",
      '    "cur": 2,',
      "    /* block",
      "       comment */",
      '    "next": 3',
      "  }",
      "}",
    ),
    edits: [remove("models", "cur")],
    after: lf(
      "{",
      '  "models": {',
      '    // "old": {',
      '    //   "name": "x"',
      "    // },",
      "    /* block",
      "       comment */",
      '    "next": 3',
      "  }",
      "}",
    ),
  },
  {
    name: "the only member leaves {}",
    before: lf("{", '  "mcp": {', '    "x": 1', "  }", "}"),
    edits: [remove("mcp", "x")],
    after: lf("{", '  "mcp": {}', "}"),
  },
  {
    name: "the only member with a trailing comma leaves {} (jsonc-parser leaves `{,}`)",
    before: lf("{", '  "a": 1,', "}"),
    edits: [remove("a")],
    after: lf("{}"),
  },
  {
    name: "the only member leaves the object's own comments",
    before: lf("{", "  // note", '  "a": 1 // about a', "}"),
    edits: [remove("a")],
    after: lf("{", "  // note", "}"),
  },
  {
    name: "a block comment before the member on its line stays",
    before: lf("{", '  /* keep */ "a": 1,', '  "b": 2', "}"),
    edits: [remove("a")],
    after: lf("{", "  /* keep */", '  "b": 2', "}"),
  },
  {
    name: "one-line object: first member",
    before: lf('{ "a": 1, "b": 2, "c": 3 }'),
    edits: [remove("a")],
    after: lf('{ "b": 2, "c": 3 }'),
  },
  {
    name: "one-line object: middle member",
    before: lf('{ "a": 1, "b": 2, "c": 3 }'),
    edits: [remove("b")],
    after: lf('{ "a": 1, "c": 3 }'),
  },
  {
    name: "one-line object: last member",
    before: lf('{ "a": 1, "b": 2, "c": 3 }'),
    edits: [remove("c")],
    after: lf('{ "a": 1, "b": 2 }'),
  },
  {
    name: "one-line object: only member",
    before: lf('{ "x": { "a": 1 } }'),
    edits: [remove("x", "a")],
    after: lf('{ "x": {} }'),
  },
  {
    name: "members sharing a line: the other one keeps the line and its indentation",
    before: lf("{", '  "a": 1, "b": 2,', '  "c": 3', "}"),
    edits: [remove("a"), remove("c")],
    after: lf("{", '  "b": 2', "}"),
  },
  {
    name: "comma-first style: first member",
    before: lf("{", '  "a": 1', '  , "b": 2', "}"),
    edits: [remove("a")],
    after: lf("{", '  "b": 2', "}"),
  },
  {
    name: "comma-first style: last member",
    before: lf("{", '  "a": 1', '  , "b": 2', "}"),
    edits: [remove("b")],
    after: lf("{", '  "a": 1', "}"),
  },
  {
    name: "duplicate keys: every occurrence goes",
    before: lf("{", '  "a": 1,', '  "b": 2,', '  "a": 3', "}"),
    edits: [remove("a")],
    after: lf("{", '  "b": 2', "}"),
  },
];

describe("applyJsoncEdits: remove", () => {
  test.each(cases)("$name", ({ before, edits, after }) => {
    expect(applyJsoncEdits(before, edits)).toBe(after);
  });

  test.each([
    ["an absent member", remove("zzz")],
    ["below a missing parent", remove("nope", "x")],
    ["below a scalar", remove("a", "x")],
  ])("is a no-op for %s", (_name, edit) => {
    const text = lf("{", '  "a": 1 // c', "}");
    expect(applyJsoncEdits(text, [edit])).toBe(text);
  });
});
