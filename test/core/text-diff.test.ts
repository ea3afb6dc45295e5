import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/core/text-diff.js";
import { file, mcp, planAndApply } from "./builders.js";

describe("unifiedDiff", () => {
  it.each([
    ["equal texts", "a\nb\n", "a\nb\n", undefined],
    ["only line endings differ", "a\r\nb\r\n", "a\nb\n", undefined],
    ["only a BOM differs", "\uFEFFa\n", "a\n", undefined],
    ["one line changed", "a\nb\nc\n", "a\nB\nc\n", "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"],
    ["a line added at the end", "a\n", "a\nb\n", "@@ -1,1 +1,2 @@\n a\n+b\n"],
    ["from nothing", "", "x\n", "@@ -1,0 +1,1 @@\n+x\n"],
    ["no newline at the end is not a line of its own", "a", "b", "@@ -1,1 +1,1 @@\n-a\n+b\n"],
  ])("%s", (_, before, after, expected) => {
    expect(unifiedDiff(before, after)).toBe(expected);
  });

  it("keeps three lines of context and splits far-apart changes into hunks", () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join("\n") + "\n";
    const after = before.replace("l1\n", "L1\n").replace("l18\n", "L18\n");
    const hunks = unifiedDiff(before, after)!.split("\n").filter((l) => l.startsWith("@@"));
    expect(hunks).toEqual(["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"]);
  });
});

describe("plan items carry the diff of text they change", () => {
  const skill = ".claude/skills/s/SKILL.md";
  it("on an update of a file, from disk to the pack's text; none on create or when unchanged", () => {
    const a = planAndApply({ files: {}, sidecars: [] }, [file("p", skill, "one\ntwo\n")], ["p"]);
    expect(a.plan.items[0]!.diff).toBeUndefined();
    const b = planAndApply(a.world, [file("p", skill, "one\nthree\n")], ["p"]);
    expect(b.plan.items[0]).toMatchObject({ action: "update", diff: "@@ -1,2 +1,2 @@\n one\n-two\n+three\n", lines: { added: 1, removed: 1 } });
    expect(planAndApply(b.world, [file("p", skill, "one\nthree\n")], ["p"]).plan.items[0]!.diff).toBeUndefined();
  });

  it("on a blocked hand edit, showing what --force would write", () => {
    const a = planAndApply({ files: {}, sidecars: [] }, [file("p", skill, "one\n")], ["p"]);
    const edited = { ...a.world, files: { ...a.world.files, [skill]: "mine\n" } };
    const b = planAndApply(edited, [file("p", skill, "one\n")], ["p"]);
    expect(b.plan.items[0]).toMatchObject({ action: "drift", blocked: true, diff: "@@ -1,1 +1,1 @@\n-mine\n+one\n" });
    expect(planAndApply(edited, [file("p", skill, "one\n")], ["p"], "adopt").plan.items[0]!.diff).toBeUndefined();
  });

  it("never on a config entry (those show field changes from the patch)", () => {
    const a = planAndApply({ files: {}, sidecars: [] }, [mcp("p", "x")], ["p"]);
    const b = planAndApply(a.world, [mcp("p", "x", { type: "local", command: ["y"] })], ["p"]);
    expect(b.plan.items[0]!.action).toBe("update");
    expect(b.plan.items[0]!.diff).toBeUndefined();
    expect(b.plan.items[0]!.patch).toEqual([{ op: "remove", path: "/mcp/x/command/1" }, { op: "replace", path: "/mcp/x/command/0", value: "y" }]);
  });
});
