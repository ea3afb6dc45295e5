/**
 * The Markdown view of a plan (`packs plan --format markdown`), against golden files. Regenerate
 * with UPDATE_GOLDEN=1 and read every diff: the golden is what a pull-request comment shows.
 */
import { describe, expect, it } from "vitest";
import { renderPlanMarkdown } from "../../src/ui/render-plan-markdown.js";
import { golden } from "./golden.js";
import { base, detailed, full, SHA_FROM, SHA_TO } from "./sample-plans.js";

describe("renderPlanMarkdown", () => {
  const refs = { from: { ref: "origin/main", commit: SHA_FROM }, to: { ref: "HEAD", commit: SHA_TO } };

  it("renders a plan between refs: summary, blocked call-out, notes, warnings, a table per pack", () => {
    golden("plan.md", renderPlanMarkdown(full, { refs }));
  });

  it("shows what changes inside files, sections and config entries in a collapsed diff per pack", () => {
    const md = renderPlanMarkdown(detailed, { refs });
    golden("plan-detailed.md", md);
    expect(md).toContain("<details><summary>What changes inside (2)</summary>");
    expect(md).toContain("```diff\n- headers: {\"X-Debug\":\"1\"}\n+ timeout: 30\n- url: \"https://api.example/mcp\"\n+ url: \"https://api.example/mcp/v2\"\n```");
  });

  it("renders an empty plan", () => {
    golden("empty.md", renderPlanMarkdown({ ...base, packs: [full.packs[0]!] }, { refs }));
  });

  it("names the project and the scope without refs", () => {
    const md = renderPlanMarkdown({ ...base, project: "services/api", scope: { pack: "dbt-tools" }, notes: [] });
    expect(md.split("\n")[0]).toBe("### packs plan in `services/api`");
    expect(md).toContain("**limited to pack `dbt-tools`**");
  });

  it("never lets pack text become HTML, a link, an image or a mention", () => {
    const md = renderPlanMarkdown(full, { refs });
    expect(md).not.toMatch(/\x1b\[/);
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toContain("[click](");
    expect(md).not.toMatch(/(^|[^`\w])@octocat/m);
    expect(md).toContain("`@octocat`");
    // Every table row has exactly the four cells of the header: pipes in text are escaped.
    for (const row of md.split("\n").filter((l) => l.startsWith("| "))) {
      expect(row.replace(/\\\|/g, "").split("|").length, row).toBe(6);
    }
  });

  it("fences code that itself holds backticks", () => {
    const md = renderPlanMarkdown(full, { refs });
    expect(md).toContain("```\nlast applied: ");
    expect(md).toContain('on disk:      {"type":"remote","url":"https://api.example/mcp?debug=`1`"}');
  });
});
