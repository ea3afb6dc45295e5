import { describe, expect, test } from "vitest";
import { applyTomlEdits, type TomlEdit } from "../../../src/core/edit/toml-edit.js";
import { crlf, lf } from "./lines.js";

interface Case {
  name: string;
  before: string;
  edits: TomlEdit[];
  after: string;
}

const remove = (...path: string[]): TomlEdit => ({ op: "remove-table", path });
const dbt = remove("mcp_servers", "dbt");

const cases: Case[] = [
  {
    name: "the last table goes with the blank line before it",
    before: lf('model = "o3"', "", "[mcp_servers.dbt]", 'command = "uvx"'),
    edits: [dbt],
    after: lf('model = "o3"'),
  },
  {
    name: "without a final line break, the result has none either",
    before: 'model = "o3"\n\n[mcp_servers.dbt]\ncommand = "uvx"',
    edits: [dbt],
    after: 'model = "o3"',
  },
  {
    name: "an empty first line before the table is the blank line that goes",
    before: lf("", "[mcp_servers.dbt]", "x = 1", "", "# c"),
    edits: [dbt],
    after: lf("", "# c"),
  },
  {
    name: "a table in the middle: one blank line goes, the one after it stays",
    before: lf("[a]", "x = 1", "", "[mcp_servers.dbt]", "y = 2", "", "[b]"),
    edits: [dbt],
    after: lf("[a]", "x = 1", "", "[b]"),
  },
  {
    name: "comment lines right above the header and after the last key stay; those inside go",
    before: lf(
      "[a]",
      "x = 1",
      "",
      "# about dbt",
      "[mcp_servers.dbt] # header",
      "# inside",
      "y = 2 # trailing",
      "",
      "# inside too",
      "z = 3",
      "# after the last key",
      "",
      "[b]",
    ),
    edits: [dbt],
    after: lf("[a]", "x = 1", "", "# about dbt", "# after the last key", "", "[b]"),
  },
  {
    name: "subtables go too, with everything between them",
    before: lf("a = 1", "", "[mcp_servers.dbt]", "x = 1", "", "# env", "[mcp_servers.dbt.env]", 'A = "1"', "", "[[mcp_servers.dbt.tools]]", "n = 1", "", "[z]"),
    edits: [dbt],
    after: lf("a = 1", "", "[z]"),
  },
  {
    name: "a table split by other tables: each part goes with the blank line before it",
    before: lf("[mcp_servers.dbt]", "x = 1", "", "[other]", "y = 2", "", "[mcp_servers.dbt.env]", "A = 1", "", "[z]"),
    edits: [dbt],
    after: lf("[other]", "y = 2", "", "[z]"),
  },
  {
    name: "a table at the top of the file takes the blank line after it",
    before: lf("[mcp_servers.dbt]", "x = 1", "", "[z]"),
    edits: [dbt],
    after: lf("[z]"),
  },
  {
    name: "the only table: the file becomes empty",
    before: lf("[mcp_servers.dbt]", "x = 1"),
    edits: [dbt],
    after: "",
  },
  {
    name: "indented headers and keys",
    before: lf("a = 1", "", "  [mcp_servers.dbt]", "  x = 1", "  [z]"),
    edits: [dbt],
    after: lf("a = 1", "  [z]"),
  },
  {
    name: "a parent defined only by this table disappears with it; an explicit one stays",
    before: lf("[mcp_servers]", "", "[mcp_servers.dbt]", "x = 1", "", "[profiles.p.q]"),
    edits: [dbt, remove("profiles", "p", "q")],
    after: lf("[mcp_servers]"),
  },
  {
    name: "an inline table at the top goes with its line and trailing comment",
    before: lf("a = 1", "mcp_servers.dbt = { x = 1 } # mine", "b = 2"),
    edits: [dbt],
    after: lf("a = 1", "b = 2"),
  },
  {
    name: "an inline table under its parent's header; the header stays",
    before: lf("[mcp_servers]", "# servers", "dbt = {", "  x = 1,", "} # multi-line", "", "[z]"),
    edits: [dbt],
    after: lf("[mcp_servers]", "# servers", "", "[z]"),
  },
  {
    name: "an inline table on the last line without a final line break",
    before: "a = 1\nmcp_servers.dbt = {}",
    edits: [dbt],
    after: "a = 1",
  },
  {
    name: "still no final line break: empty lines before the removed last line go too, a line of spaces stays",
    before: "a = 1\n\n\nmcp_servers.dbt = {}\r\n\r\nmcp_servers.b = {}",
    edits: [remove("mcp_servers", "b"), dbt],
    after: "a = 1",
  },
  {
    name: "a line of spaces ends the text without a line break",
    before: "a = 1\n  \n\nmcp_servers.dbt = {}",
    edits: [dbt],
    after: "a = 1\n  ",
  },
  {
    name: "absent: nothing changes",
    before: "a = 1 # no newline",
    edits: [dbt, remove("mcp_servers"), remove("a", "b")],
    after: "a = 1 # no newline",
  },
  {
    name: "removing only a subtable",
    before: lf("[mcp_servers.dbt]", "x = 1", "", "[mcp_servers.dbt.env]", "A = 1", "", "[z]"),
    edits: [remove("mcp_servers", "dbt", "env")],
    after: lf("[mcp_servers.dbt]", "x = 1", "", "[z]"),
  },
  {
    name: "CRLF lines",
    before: crlf("a = 1", "", "[mcp_servers.dbt]", "x = 1", "", "[z]"),
    edits: [dbt],
    after: crlf("a = 1", "", "[z]"),
  },
];

describe("applyTomlEdits remove-table", () => {
  test.each(cases)("$name", ({ before, edits, after }) => {
    expect(applyTomlEdits(before, edits)).toBe(after);
  });
});

describe("adding then removing is a byte-identical round trip", () => {
  test.each([
    ["with a final line break", lf("a = 1")],
    ["without one", "a = 1"],
    ["empty", ""],
    ["only a line break", "\n"],
    ["ending in blank lines", lf("a = 1", "", "")],
    ["ending in a comment without a line break", "[t]\n# end"],
    ["ending in a line of spaces", "[t]\n  "],
    ["CRLF", crlf("a = 1", "[t]", "b = 2")],
    ["a byte order mark", "\ufeff" + lf("a = 1")],
  ])("%s", (_name, text) => {
    const value = { command: "uvx", args: ["dbt-mcp"], env: { A: "1" }, more: { b: {} } };
    const added = applyTomlEdits(text, [
      { op: "set-table", path: ["mcp_servers", "dbt"], value },
      { op: "set-table", path: ["mcp_servers", "my.server"], value: {} },
    ]);
    expect(applyTomlEdits(added, [dbt, remove("mcp_servers", "my.server")])).toBe(text);
    expect(applyTomlEdits(added, [remove("mcp_servers", "my.server"), dbt])).toBe(text);
  });
});
