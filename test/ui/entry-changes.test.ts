import { describe, expect, it } from "vitest";
import { entryChanges } from "../../src/ui/entry-changes.js";
import { item } from "./sample-plans.js";

const entry = { kind: "entry" as const, path: ".mcp.json", pointer: ["mcpServers", "a/b"] };
const at = (p: string) => `/mcpServers/a~1b${p}`;

describe("entryChanges", () => {
  it.each([
    ["a new entry lists its fields", { action: "create", patch: [{ op: "add", path: at(""), value: { command: "npx", args: ["-y", "x"] } }] }, [
      { op: "add", field: "command", after: "npx" },
      { op: "add", field: "args", after: ["-y", "x"] },
    ]],
    ["a changed entry: each operation with the value on disk before it", {
      action: "update",
      values: { live: { url: "u1", env: { A: "1" }, args: ["a", "b"] }, desired: {} },
      patch: [{ op: "replace", path: at("/url"), value: "u2" }, { op: "remove", path: at("/env/A") }, { op: "add", path: at("/env/B"), value: "2" }, { op: "replace", path: at("/args/1"), value: "c" }],
    }, [
      { op: "replace", field: "url", before: "u1", after: "u2" },
      { op: "remove", field: "env.A", before: "1" },
      { op: "add", field: "env.B", after: "2" },
      { op: "replace", field: "args[1]", before: "b", after: "c" },
    ]],
    ["a whole value replaced (not an object)", { action: "update", values: { live: "old", desired: "new" }, patch: [{ op: "replace", path: at(""), value: "new" }] }, [
      { op: "replace", field: "", before: "old", after: "new" },
    ]],
    ["a removal shows nothing more than its line", { action: "delete", patch: [{ op: "remove", path: at("") }] }, []],
    ["an item without a patch (blocked, kept)", { action: "drift", blocked: true }, []],
  ] as const)("%s", (_, over, expected) => {
    const i = item({ address: `.mcp.json#${at("")}`, target: entry, owners: ["p"], description: "MCP server", reason: "r", ...(over as object), action: over.action });
    expect(entryChanges(i)).toEqual(expected);
  });

  it("ignores files and sections", () => {
    expect(entryChanges(item({ address: "AGENTS.md", action: "update", owners: ["p"], description: "d", reason: "r", patch: [{ op: "add", path: "/x", value: 1 }] }))).toEqual([]);
  });
});
