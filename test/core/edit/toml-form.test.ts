import { describe, expect, test } from "vitest";
import { tableEditProblem, tableForm, type TableForm } from "../../../src/core/edit/toml-edit.js";
import { lf } from "./lines.js";

const P = ["mcp_servers", "dbt"];

describe("tableForm", () => {
  test.each<[string, string, TableForm]>([
    ["nothing there", lf("model = 'o3'", "[mcp_servers.other]", "command = 'x'"), "absent"],
    ["an empty file", "", "absent"],
    ["a header", lf("[mcp_servers.dbt]", "command = 'x'"), "header"],
    ["a header with subtables", lf("[mcp_servers.dbt]", "[mcp_servers.dbt.env]", "A = '1'"), "header"],
    ["only a subtable (the table is implicit)", lf("[mcp_servers.dbt.env]", "A = '1'"), "header"],
    ["an array of tables below it", lf("[[mcp_servers.dbt.tools]]", "name = 'a'"), "header"],
    ["a header with a dotted key inside", lf("[mcp_servers.dbt]", "env.A = '1'"), "header"],
    ["an inline table with a dotted key at the top", lf("mcp_servers.dbt = { command = 'x' }"), "inline"],
    ["an inline table under its parent's header", lf("[mcp_servers]", "dbt = { command = 'x' } # c"), "inline"],
    ["an inline table with a quoted key", lf("[mcp_servers]", '"dbt" = {}'), "inline"],
    ["dotted keys at the top", lf("mcp_servers.dbt.command = 'x'"), "dotted"],
    ["dotted keys under the parent's header", lf("[mcp_servers]", "dbt.command = 'x'"), "dotted"],
    ["dotted keys and a subtable header", lf("[mcp_servers]", "dbt.command = 'x'", "[mcp_servers.dbt.env]"), "dotted"],
    ["inside the parent's inline table", lf("mcp_servers = { dbt = { command = 'x' } }"), "dotted"],
    ["not a table", lf("[mcp_servers]", "dbt = 'x'"), "dotted"],
    ["an array of tables", lf("[[mcp_servers.dbt]]", "command = 'x'"), "dotted"],
  ])("%s", (_name, text, form) => {
    expect(tableForm(text, P)).toBe(form);
  });

  test("keys are compared as written after unquoting; a dot inside quotes is part of the key", () => {
    expect(tableForm(lf('[mcp_servers."my.server"]'), ["mcp_servers", "my.server"])).toBe("header");
    expect(tableForm(lf('[mcp_servers."my.server"]'), ["mcp_servers", "my", "server"])).toBe("absent");
    expect(tableForm(lf("[mcp_servers.my.server]"), ["mcp_servers", "my.server"])).toBe("absent");
  });

  test("invalid text and an empty path are the caller's bug", () => {
    expect(() => tableForm("a = ", P)).toThrow(/^bug: TOML edit on invalid text \(line 1: /);
    expect(() => tableForm("", [])).toThrow(/^bug:/);
  });
});

describe("tableEditProblem", () => {
  test.each<[string, string, string | undefined]>([
    ["absent", lf("[mcp_servers.other]"), undefined],
    ["absent, parent defined by dotted keys", lf("mcp_servers.other.command = 'x'"), undefined],
    ["a header", lf("[mcp_servers.dbt]"), undefined],
    ["inline", lf("mcp_servers.dbt = {}"), undefined],
    ["dotted keys", lf("model = 1", "mcp_servers.dbt.command = 'x'"), "mcp_servers.dbt is written with dotted keys (mcp_servers.dbt.command = …, line 2)"],
    ["inside an inline table", lf("", "mcp_servers = { dbt = {} }"), "mcp_servers.dbt is written inside the inline table mcp_servers (line 2)"],
    ["not a table", lf("[mcp_servers]", "dbt = 1"), "mcp_servers.dbt is not a table (line 2)"],
    ["an array of tables", lf("[[mcp_servers.dbt]]"), "mcp_servers.dbt is not a table (line 1)"],
    ["not a table, inside an inline table", lf("a = 1", "mcp_servers = { dbt = [] }"), "mcp_servers.dbt is not a table (line 2)"],
    [
      "absent, parent is an inline table",
      lf("mcp_servers = {}"),
      "cannot add [mcp_servers.dbt]: mcp_servers (line 1) is an inline table, which TOML does not let a [table] header extend",
    ],
    ["absent, parent is an array of tables", lf("a = 1", "[[mcp_servers]]"), "cannot add [mcp_servers.dbt]: mcp_servers (line 2) is an array, not a table"],
    ["absent, parent is not a table", lf("mcp_servers = 'x'"), "cannot add [mcp_servers.dbt]: mcp_servers (line 1) is not a table"],
  ])("set-table, %s", (_name, text, problem) => {
    expect(tableEditProblem(text, P)).toBe(problem);
  });

  test("a grandparent problem is found too, and quoted keys are shown quoted", () => {
    expect(tableEditProblem(lf("a = { b = {} }"), ["a", "b", "my.server"])).toBe(
      'cannot add [a.b."my.server"]: a (line 1) is an inline table, which TOML does not let a [table] header extend',
    );
  });

  test("remove-table: a no-op for an absent table whatever its parent; dotted forms are still a problem", () => {
    expect(tableEditProblem(lf("mcp_servers = {}"), P, "remove-table")).toBeUndefined();
    expect(tableEditProblem(lf("mcp_servers.dbt.command = 'x'"), P, "remove-table")).toMatch(/dotted keys/);
  });
});
