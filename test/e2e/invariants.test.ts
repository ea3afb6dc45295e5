/**
 * The e2e invariant checks, checked themselves: each must pass on a faithful edit and name the
 * problem on a faulty one. A check that cannot fail proves nothing.
 */
import { describe, expect, it } from "vitest";
import type { Tree } from "./harness.js";
import { npmName, removalRestores, unownedSurvive, withoutPacks, type OwnedItem } from "./invariants.js";

const before = `{
  "$schema": "https://opencode.ai/config.json",
  // The team's model.
  "model": "anthropic/claude-sonnet-4-5",
  "mcp": {
    /* internal docs */
    "docs": { "type": "remote", "url": "https://docs.example.com/mcp" },
  },
  "plugin": ["opencode-wakatime", "@acme/audit@^2"],
}
`;
const owned: OwnedItem[] = [
  { kind: "entry", path: "opencode.jsonc", pointer: ["mcp", "dbt"] },
  { kind: "element", path: "opencode.jsonc", array: ["plugin"], key: "@acme/guard", match: "npm-name" },
  { kind: "file", path: ".agents/skills/x/SKILL.md" },
];
const tree = (files: Record<string, string>): Tree => new Map(Object.entries(files));
const faithful = before
  .replace(`"url": "https://docs.example.com/mcp" },\n`, `"url": "https://docs.example.com/mcp" },\n    "dbt": { "type": "local", "command": ["uvx", "dbt-mcp"] },\n`)
  .replace(`"@acme/audit@^2"]`, `"@acme/audit@^2", "@acme/guard@^1"]`);

describe("unownedSurvive (invariant c)", () => {
  it("passes when packs only added its own entries", () => {
    expect(unownedSurvive(tree({ "opencode.jsonc": before, "README.md": "hi\n" }), tree({ "opencode.jsonc": faithful, "README.md": "hi\n" }), owned)).toEqual([]);
  });
  it("names a lost comment line", () => {
    const after = faithful.replace("  // The team's model.\n", "");
    expect(unownedSurvive(tree({ "opencode.jsonc": before }), tree({ "opencode.jsonc": after }), owned).join("\n")).toContain("comment lost");
  });
  it("names a comment whose line was re-indented", () => {
    const after = faithful.replace("    /* internal docs */", "  /* internal docs */");
    expect(unownedSurvive(tree({ "opencode.jsonc": before }), tree({ "opencode.jsonc": after }), owned).join("\n")).toContain("not kept verbatim");
  });
  it("names a foreign entry that was reformatted", () => {
    const after = faithful.replace(`"model": "anthropic/claude-sonnet-4-5"`, `"model":"anthropic/claude-sonnet-4-5"`);
    expect(unownedSurvive(tree({ "opencode.jsonc": before }), tree({ "opencode.jsonc": after }), owned).join("\n")).toContain("/model");
  });
  it("names a foreign entry inside a container packs writes into", () => {
    const after = faithful.replace(`"url": "https://docs.example.com/mcp"`, `"url": "https://docs.example.com/v2"`);
    expect(unownedSurvive(tree({ "opencode.jsonc": before }), tree({ "opencode.jsonc": after }), owned).join("\n")).toContain("/mcp/docs");
  });
  it("names a foreign array element that was dropped", () => {
    const after = faithful.replace(`"opencode-wakatime", `, "");
    expect(unownedSurvive(tree({ "opencode.jsonc": before }), tree({ "opencode.jsonc": after }), owned).join("\n")).toContain("/plugin/0");
  });
  it("names a changed or deleted file packs owns nothing in", () => {
    const problems = unownedSurvive(tree({ "README.md": "hi\n", "a.txt": "a" }), tree({ "README.md": "hi\r\n" }), owned);
    expect(problems).toEqual(["README.md: changed, but packs owns nothing in it", "a.txt: deleted, but packs does not own it"]);
  });
});

describe("removalRestores (invariant d)", () => {
  const beforeTree = tree({ "opencode.jsonc": before });
  it("passes when only the lock and .packs/.gitignore remain", () => {
    const now = tree({ "opencode.jsonc": before, "packs.lock.yaml": "x", ".packs/.gitignore": "tmp/\n" });
    expect(removalRestores(beforeTree, [], now, [".packs", ".packs/state", ".packs/tmp"])).toEqual([]);
  });
  it("names a user file not restored byte for byte, a leftover file and a leftover folder", () => {
    const now = tree({ "opencode.jsonc": before.replace("\n}\n", "}\n"), "opencode.json": "{}" });
    expect(removalRestores(beforeTree, ["src"], now, ["src", ".agents", ".agents/skills"])).toEqual([
      "opencode.jsonc: pre-existing file not restored byte for byte",
      "opencode.json: created by packs and still there after every pack was removed",
      ".agents/: folder created by packs and still there after every pack was removed",
      ".agents/skills/: folder created by packs and still there after every pack was removed",
    ]);
  });
});

describe("helpers", () => {
  it("withoutPacks keeps the agents list and nothing else", () => {
    expect(withoutPacks("# c\nversion: 1\nagents:\n  - opencode\npacks:\n  a: { source: ./a }\n")).toBe("version: 1\nagents: [opencode]\npacks: {}\n");
    expect(withoutPacks("version: 1\npacks: {}\n")).toBe("version: 1\npacks: {}\n");
  });
  it("npmName reduces a spec to its package name", () => {
    expect(["@acme/guard@^1", "superpowers@git+https://github.com/obra/superpowers.git#v5.0.3", "left-pad", "npm:@a/b@1"].map(npmName)).toEqual(["@acme/guard", "superpowers", "left-pad", "@a/b"]);
  });
});
