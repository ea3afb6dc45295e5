import { describe, expect, it } from "vitest";
import { tokens } from "../../src/core/context-budget.js";
import { file, mcp, planAndApply, type World } from "./builders.js";

const empty: World = { files: {}, sidecars: [] };
const skill = (desc: string) => `---\nname: review\ndescription: ${desc}\n---\n${"Long body that is only read when the skill is used. ".repeat(20)}\n`;

describe("context budget", () => {
  it("counts instructions whole and a skill by its frontmatter only; other files and config entries not at all", () => {
    const rules = "Always write tests.\n".repeat(10);
    const a = planAndApply(empty, [file("p", ".claude/rules/p.md", rules), file("p", ".agents/skills/review/SKILL.md", skill("Reviews code")), file("p", ".agents/skills/review/notes.md", "x".repeat(400)), mcp("p", "dbt")], ["p"]);
    expect(a.plan.context).toEqual({ opencode: { added: tokens(rules) + tokens("name: review\ndescription: Reviews code"), removed: 0 } });
  });

  it("an update counts the old text as removed and the new as added; removing the pack removes it all", () => {
    const a = planAndApply(empty, [file("p", ".agents/skills/review/SKILL.md", skill("Short"))], ["p"]);
    const b = planAndApply(a.world, [file("p", ".agents/skills/review/SKILL.md", skill("A much longer description of what the skill does"))], ["p"]);
    expect(b.plan.context).toEqual({ opencode: { added: tokens("name: review\ndescription: A much longer description of what the skill does"), removed: tokens("name: review\ndescription: Short") } });
    const c = planAndApply(b.world, [], []);
    expect(c.plan.context!.opencode!.added).toBe(0);
    expect(c.plan.context!.opencode!.removed).toBeGreaterThan(0);
  });

  it("a change that leaves the always-loaded text the same size is not counted", () => {
    const a = planAndApply(empty, [file("p", ".agents/skills/review/SKILL.md", skill("Reviews code"))], ["p"]);
    const b = planAndApply(a.world, [file("p", ".agents/skills/review/SKILL.md", skill("Reviews code").replace("Long body", "Other body"))], ["p"]);
    expect(b.plan.context).toEqual({});
  });
});
