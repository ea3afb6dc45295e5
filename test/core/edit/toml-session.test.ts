import { describe, expect, test } from "vitest";
import { applyTomlEdits, tableEditProblem, type TomlEdit } from "../../../src/core/edit/toml-edit.js";
import { TomlEditSession } from "../../../src/core/edit/toml-session.js";
import type { JsonObject } from "../../../src/core/json.js";
import { crlf, lf } from "./lines.js";

const server = (i: number, v = 1): JsonObject => ({ command: "npx", args: ["-y", `pkg-${i}@${v}`], env: { TOKEN: `t${i}` } });
const path = (i: number) => ["mcp_servers", `pack-${i}`];
const sets = (n: number, v = 1): TomlEdit[] => Array.from({ length: n }, (_, i) => ({ op: "set-table", path: path(i), value: server(i, v) }));
const removes = (n: number): TomlEdit[] => Array.from({ length: n }, (_, i) => ({ op: "remove-table", path: path(i) }));

function inSession(text: string, edits: readonly TomlEdit[]): string {
  const session = new TomlEditSession(text);
  for (const edit of edits) session.apply(edit);
  return session.result();
}

function oneAtATime(text: string, edits: readonly TomlEdit[]): string {
  return edits.reduce((t, edit) => applyTomlEdits(t, [edit]), text);
}

describe("TomlEditSession: many tables into one file", () => {
  test.each([
    ["an empty file", ""],
    ["a user file", lf("# mine", 'model = "o3"', "", "[profiles.fast]", 'model = "o4-mini" # fast')],
    ["CRLF without a final line break", crlf("# mine", 'model = "o3"', "").slice(0, -2)],
    ["a byte order mark and a table of packs' among the user's", "\ufeff" + lf("[mcp_servers.pack-7]", "command = 'old'", "", "[profiles.x]", "a = 1")],
  ])("60 new tables, then all replaced, then all removed, as one edit at a time: %s", (_name, text) => {
    const added = inSession(text, sets(60));
    expect(added).toBe(oneAtATime(text, sets(60)));
    const replaced = inSession(added, sets(60, 2));
    expect(replaced).toBe(oneAtATime(added, sets(60, 2)));
    expect(inSession(replaced, removes(60))).toBe(oneAtATime(replaced, removes(60)));
  });

  test("2000 tables: each new one is the text one edit would append, and removing them all gives the user's bytes back", () => {
    const text = lf("# mine", 'model = "o3"');
    const added = inSession(text, sets(2000));
    const appended = (i: number) => applyTomlEdits(lf("x = 1"), [sets(i + 1)[i]!]).slice(lf("x = 1").length);
    expect(added).toBe(text + Array.from({ length: 2000 }, (_, i) => appended(i)).join(""));
    expect(inSession(inSession(added, sets(2000, 2)), removes(2000))).toBe(text);
  });

  test("new tables each go at the end after one blank line", () => {
    expect(inSession('model = "o3"', sets(2))).toBe(
      ['model = "o3"', "", "[mcp_servers.pack-0]", 'command = "npx"', 'args = ["-y", "pkg-0@1"]', "", "[mcp_servers.pack-0.env]", 'TOKEN = "t0"', ""]
        .concat(["[mcp_servers.pack-1]", 'command = "npx"', 'args = ["-y", "pkg-1@1"]', "", "[mcp_servers.pack-1.env]", 'TOKEN = "t1"'])
        .join("\n"),
    );
  });

  test("removing every table gives back the user's bytes", () => {
    const text = crlf("# top", "", "[a]", "x = 1", "") + "# end";
    expect(inSession(inSession(text, sets(50)), removes(50))).toBe(text);
  });
});

describe("TomlEditSession answers about the text so far", () => {
  const text = lf("[mcp_servers.pack-0]", "command = 'x'", "", "[mcp_servers.pack-1]", "command = 'y'", "", "[mcp_servers]", "dot.command = 'z'");

  test("a problem's line number is the one in the edited text", () => {
    const session = new TomlEditSession(text);
    session.apply({ op: "remove-table", path: path(0) });
    const now = oneAtATime(text, removes(1));
    expect(session.problem(["mcp_servers", "dot"], "set-table")).toBe("mcp_servers.dot is written with dotted keys (mcp_servers.dot.command = …, line 5)");
    expect(session.problem(["mcp_servers", "dot"], "set-table")).toBe(tableEditProblem(now, ["mcp_servers", "dot"], "set-table"));
  });

  test("form and value follow the edits, for the path edited and for its relatives", () => {
    const session = new TomlEditSession(text);
    session.apply({ op: "remove-table", path: path(1) });
    expect(session.form(path(1))).toBe("absent");
    expect(session.valueAt(path(1))).toBeUndefined();
    session.apply({ op: "set-table", path: path(1), value: { command: "new" } });
    expect(session.form(path(1))).toBe("header");
    expect(session.valueAt([...path(1), "command"])).toBe("new");
    expect(session.valueAt(path(0))).toEqual({ command: "x" });
    expect(session.result()).toBe(oneAtATime(text, [...removes(2).slice(1), { op: "set-table", path: path(1), value: { command: "new" } }]));
  });

  test("an edit it cannot make is the caller's bug", () => {
    expect(() => new TomlEditSession(text).apply({ op: "set-table", path: ["mcp_servers", "dot"], value: {} })).toThrow(/^bug: mcp_servers.dot is written with dotted keys/);
  });
});
