/**
 * The plan as the terminal shows it (ink), against golden files at a fixed width with escape
 * codes stripped: the same text a log or a pipe gets. Regenerate with UPDATE_GOLDEN=1 and read
 * every diff.
 */
import { describe, expect, it } from "vitest";
import { renderApplyResult, renderPlan } from "../../src/ui/views.js";
import { stripAnsi } from "../cli/fake-terminal.js";
import { golden } from "./golden.js";
import { base, detailed, full, item } from "./sample-plans.js";

const AT_80 = { color: false, columns: 80 };

describe("plan view", () => {
  it("shows every kind of change, grouped by pack and agent, with details and the summary", async () => {
    const text = await renderPlan(detailed, AT_80);
    golden("plan-view.txt", text);
    expect(text).not.toMatch(/\x1b\[/);
    expect(text.trimEnd().split("\n").at(-1)).toBe("Plan: 3 to add, 3 to change, 1 to remove, 1 ownership change, 1 blocked.");
  });

  it("stays within the width it is given", async () => {
    for (const line of (await renderPlan(detailed, AT_80)).split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("says so when nothing changes", async () => {
    golden("plan-view-empty.txt", await renderPlan({ ...base, notes: [], packs: [full.packs[0]!] }, AT_80));
  });

  it("puts unchanged packs on shared lines, keeping every note once", async () => {
    const pack = (name: string, notes: string[]) => ({ ...full.packs[0]!, name, notes });
    const plan = { ...base, notes: [], packs: [pack("a", ["shared note"]), pack("b", ["shared note"]), pack("c", ["could not reach the remote; using the cache"]), pack("d", [])] };
    const text = await renderPlan(plan, AT_80);
    expect(text).toContain("Unchanged: 2 packs a, b.\n  shared note\n");
    expect(text).toContain("Unchanged: pack c.\n  could not reach the remote; using the cache\n");
    expect(text).toContain("Unchanged: pack d.\n");
    expect(text.match(/shared note/g)).toHaveLength(1);
  });

  it("names the scope of a limited plan", async () => {
    const text = await renderPlan({ ...base, notes: [], scope: { pack: "dbt-tools", agent: "codex" } }, AT_80);
    expect(text).toContain("Limited to pack dbt-tools and what codex reads; everything else stays as it is.");
  });

  it("puts a shared skill folder under every agent that reads it, in packs.yaml's agent order", async () => {
    const text = await renderPlan(detailed, AT_80);
    const dbt = text.slice(text.indexOf("pack dbt-tools"), text.indexOf("pack github-tools"));
    expect(dbt.match(/^  \S.*:$/gm)).toEqual(["  opencode:", "  opencode + codex:", "  claude-code:"]);
  });

  it("cuts a long diff and says where the rest is", async () => {
    const diff = `@@ -1,60 +1,60 @@\n${Array.from({ length: 60 }, (_, i) => `+line ${i}`).join("\n")}\n`;
    const plan = { ...base, empty: false, packs: [full.packs[0]!], items: [item({ address: "AGENTS.md", action: "update", owners: ["dbt-tools"], description: "instructions", reason: "the pack's value changed", diff, lines: { added: 60, removed: 60 } })] };
    const text = await renderPlan(plan, AT_80);
    expect(text).toContain("+line 38\n");
    expect(text).not.toContain("+line 39\n");
    expect(text).toContain("… 21 more diff lines (packs plan --json has them all)");
  });
});

describe("apply result", () => {
  it("lists every step, then the summary", async () => {
    const steps = [
      { type: "mkdir" as const, path: ".agents/skills/dbt-model" },
      { type: "write" as const, path: ".agents/skills/dbt-model/SKILL.md" },
      { type: "delete" as const, path: ".claude/skills/gh-legacy/SKILL.md" },
      { type: "rmdir" as const, path: ".claude/skills/gh-legacy" },
      { type: "write" as const, path: "packs.lock.yaml" },
    ];
    golden("apply-result.txt", stripAnsi(await renderApplyResult(steps, full.summary, AT_80)));
  });
});
