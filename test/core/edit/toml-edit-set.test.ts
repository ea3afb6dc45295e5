import { describe, expect, test } from "vitest";
import { applyTomlEdits, type TomlEdit } from "../../../src/core/edit/toml-edit.js";
import type { JsonObject } from "../../../src/core/json.js";
import { crlf, lf } from "./lines.js";

interface Case {
  name: string;
  before: string;
  edits: TomlEdit[];
  after: string;
}

const set = (path: string[], value: JsonObject): TomlEdit => ({ op: "set-table", path, value });
const dbt = ["mcp_servers", "dbt"];
const server = { command: "uvx", args: ["dbt-mcp"] };

const cases: Case[] = [
  {
    name: "appends at the end after one blank line",
    before: lf('model = "o3"'),
    edits: [set(dbt, server)],
    after: lf('model = "o3"', "", "[mcp_servers.dbt]", 'command = "uvx"', 'args = ["dbt-mcp"]'),
  },
  {
    name: "a file without a final line break still has none",
    before: 'model = "o3"',
    edits: [set(dbt, server)],
    after: 'model = "o3"\n\n[mcp_servers.dbt]\ncommand = "uvx"\nargs = ["dbt-mcp"]',
  },
  {
    name: "an empty file gets just the table",
    before: "",
    edits: [set(dbt, server)],
    after: lf("[mcp_servers.dbt]", 'command = "uvx"', 'args = ["dbt-mcp"]'),
  },
  {
    name: "after a final comment and blank lines, exactly one more blank line",
    before: lf("a = 1", "# the end", ""),
    edits: [set(dbt, {})],
    after: lf("a = 1", "# the end", "", "", "[mcp_servers.dbt]"),
  },
  {
    name: "keys that need quoting, subtables after a blank line, nested values inline in arrays",
    before: lf("[mcp_servers.mine]"),
    edits: [set(["mcp_servers", "my.server"], { "@scope/x": 1, tools: [{ name: "a" }], env: { "A B": 'say "hi"\n' }, enabled: false })],
    after: lf(
      "[mcp_servers.mine]",
      "",
      '[mcp_servers."my.server"]',
      '"@scope/x" = 1',
      'tools = [{ name = "a" }]',
      "enabled = false",
      "",
      '[mcp_servers."my.server".env]',
      '"A B" = "say \\"hi\\"\\n"',
    ),
  },
  {
    name: "replaces in place: comments above and after it stay, its own comments go",
    before: lf(
      "# servers",
      "[mcp_servers.dbt] # header comment",
      "# inside",
      'command = "old" # old',
      "# after the last key",
      "",
      "[profiles.fast]",
      'model = "gpt-5-mini"',
    ),
    edits: [set(dbt, server)],
    after: lf("# servers", "[mcp_servers.dbt]", 'command = "uvx"', 'args = ["dbt-mcp"]', "# after the last key", "", "[profiles.fast]", 'model = "gpt-5-mini"'),
  },
  {
    name: "replaces the table with its subtables; a table written later in the file goes, with the blank line before it",
    before: lf(
      "[mcp_servers.dbt]",
      'command = "old"',
      "",
      "[mcp_servers.dbt.env]",
      'A = "1"',
      "",
      "[other]",
      "x = 1",
      "",
      "[mcp_servers.dbt.more]",
      "y = 2",
      "",
      "[last]",
    ),
    edits: [set(dbt, { command: "new", env: { B: "2" } })],
    after: lf("[mcp_servers.dbt]", 'command = "new"', "", "[mcp_servers.dbt.env]", 'B = "2"', "", "[other]", "x = 1", "", "[last]"),
  },
  {
    name: "an implicit table (subtables only) is replaced where its first subtable was",
    before: lf("a = 1", "", "[mcp_servers.dbt.env]", 'A = "1"', "", "[z]"),
    edits: [set(dbt, server)],
    after: lf("a = 1", "", "[mcp_servers.dbt]", 'command = "uvx"', 'args = ["dbt-mcp"]', "", "[z]"),
  },
  {
    name: "a last table without a final line break is replaced without one",
    before: 'x = 1\n\n[mcp_servers.dbt]\ncommand = "old"',
    edits: [set(dbt, server)],
    after: 'x = 1\n\n[mcp_servers.dbt]\ncommand = "uvx"\nargs = ["dbt-mcp"]',
  },
  {
    name: "a multi-line value ends the table where it ends",
    before: lf("[mcp_servers.dbt]", "args = [", '  "a",', "] # end of args", 'description = """', "two", 'lines"""', "# below", "[z]"),
    edits: [set(dbt, { args: [] })],
    after: lf("[mcp_servers.dbt]", "args = []", "# below", "[z]"),
  },
  {
    name: "an inline table is replaced in place with an inline table; key spacing and trailing comment stay",
    before: lf("a = 1", "mcp_servers.dbt   =   { command = 'old' }   # mine", "b = 2"),
    edits: [set(dbt, { command: "uvx", env: { A: "1" } })],
    after: lf("a = 1", 'mcp_servers.dbt   =   { command = "uvx", env = { A = "1" } }   # mine', "b = 2"),
  },
  {
    name: "an inline table under its parent's header, multi-line (TOML 1.1)",
    before: lf("[mcp_servers]", "dbt = {", "  command = 'old',", "}", "other = {}"),
    edits: [set(dbt, {})],
    after: lf("[mcp_servers]", "dbt = {}", "other = {}"),
  },
  {
    name: "a table of subtables only is written without a header of its own",
    before: lf("a = 1"),
    edits: [set(dbt, { env: { A: "1" } })],
    after: lf("a = 1", "", "[mcp_servers.dbt.env]", 'A = "1"'),
  },
  {
    name: "a parent defined by dotted keys can take a new [header] below it",
    before: lf("mcp_servers.mine.command = 'x'"),
    edits: [set(dbt, {})],
    after: lf("mcp_servers.mine.command = 'x'", "", "[mcp_servers.dbt]"),
  },
  {
    name: "a top-level table",
    before: lf("[mcp_servers.x]"),
    edits: [set(["features"], { web_search: true })],
    after: lf("[mcp_servers.x]", "", "[features]", "web_search = true"),
  },
  {
    name: "setting twice replaces the first in place",
    before: lf("a = 1", "", "[z]"),
    edits: [set(dbt, { command: "one" }), set(["mcp_servers", "b"], {}), set(dbt, { command: "two" })],
    after: lf("a = 1", "", "[z]", "", "[mcp_servers.dbt]", 'command = "two"', "", "[mcp_servers.b]"),
  },
  {
    name: "CRLF files get CRLF lines",
    before: crlf("# c", "a = 1", "", "[mcp_servers.dbt]", "x = 1", "", "[z]"),
    edits: [set(dbt, { env: { A: "1" }, y: 2 }), set(["mcp_servers", "new"], { k: "v" })],
    after: crlf("# c", "a = 1", "", "[mcp_servers.dbt]", "y = 2", "", "[mcp_servers.dbt.env]", 'A = "1"', "", "[z]", "", "[mcp_servers.new]", 'k = "v"'),
  },
  {
    name: "a byte order mark stays",
    before: "\ufeff" + lf("a = 1"),
    edits: [set(dbt, {})],
    after: "\ufeff" + lf("a = 1", "", "[mcp_servers.dbt]"),
  },
];

describe("applyTomlEdits set-table", () => {
  test.each(cases)("$name", ({ before, edits, after }) => {
    expect(applyTomlEdits(before, edits)).toBe(after);
  });
});

describe("applyTomlEdits bugs", () => {
  test.each<[string, string, TomlEdit]>([
    ["invalid text", "a = ", set(dbt, {})],
    ["dotted keys", lf("mcp_servers.dbt.command = 'x'"), set(dbt, {})],
    ["dotted keys, remove", lf("mcp_servers.dbt.command = 'x'"), { op: "remove-table", path: dbt }],
    ["inside an inline table", lf("mcp_servers = { dbt = {} }"), set(dbt, {})],
    ["a parent that is an inline table", lf("mcp_servers = {}"), set(dbt, {})],
    ["a parent that is an array of tables", lf("[[mcp_servers]]"), set(dbt, {})],
    ["not a table", lf("mcp_servers.dbt = 1"), set(dbt, {})],
    ["a null value", "", set(dbt, { a: null })],
    ["an empty path", "", set([], {})],
  ])("%s throws a bug error", (_name, text, edit) => {
    expect(() => applyTomlEdits(text, [edit])).toThrow(/^bug: /);
  });
});
