/**
 * The Markdown view of a plan (`packs plan --format markdown`), against golden files. Regenerate
 * with UPDATE_GOLDEN=1 and read every diff: the golden is what a pull-request comment shows.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Plan, PlanItem } from "../../src/core/plan-model.js";
import { renderPlanMarkdown } from "../../src/ui/render-plan-markdown.js";

const GOLDEN = join(import.meta.dirname, "golden");

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const SHA_FROM = "3f2e9c1a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
const SHA_TO = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";

function item(over: Partial<PlanItem> & Pick<PlanItem, "address" | "action" | "owners" | "description" | "reason">): PlanItem {
  return { target: { kind: "file", path: over.address }, blocked: false, agent: "opencode", serves: ["opencode"], hashes: {}, ...over };
}

const base: Plan = {
  format_version: "1",
  packs_version: "0.1.0",
  project: ".",
  agents: ["opencode", "claude-code"],
  agents_reason: "from packs.yaml",
  notes: ["planned between commits: the project as committed at origin/main (3f2e9c1), with packs.yaml, packs.lock.yaml and local packs as of HEAD (9a8b7c6)"],
  packs: [],
  items: [],
  files: { mkdir: [], writes: [], rmdir: [] },
  state: [],
  diagnostics: [],
  summary: { add: 0, change: 0, remove: 0, blocked: 0, ownership: 0, unchanged: 0 },
  empty: true,
  blocked: false,
};

const full: Plan = {
  ...base,
  packs: [
    { name: "dbt-tools", version: "1.2.0", source: "./packs/dbt-tools", resolved: "./packs/dbt-tools", tier: "community", notes: ["skill group core: always"] },
    { name: "github-tools", version: "v1.4.0", source: "github:acme/agent-packs", resolved: SHA_TO, tier: "verified", pin: { from: SHA_FROM, to: SHA_TO }, notes: [] },
    { name: "nightly", version: "0.0.1", source: "npm:@acme/nightly@^0", resolved: "@acme/nightly@0.0.1", tier: "community", floating: true, pin: { to: "@acme/nightly@0.0.1" }, notes: ["Hostile text: <img src=x onerror=alert(1)> [click](https://evil.example) | pipe *bold* @octocat ping, mail a@b.example, `code | span`"] },
  ],
  items: [
    item({ address: "opencode.jsonc#/mcp/dbt", target: { kind: "entry", path: "opencode.jsonc", pointer: ["mcp", "dbt"] }, action: "create", owners: ["dbt-tools"], description: "MCP server (local: uvx dbt-mcp==1.4.0)", reason: "not present yet" }),
    item({ address: ".mcp.json#/mcpServers/dbt", target: { kind: "entry", path: ".mcp.json", pointer: ["mcpServers", "dbt"] }, action: "create", owners: ["dbt-tools"], agent: "claude-code", serves: ["claude-code"], description: "MCP server (uvx dbt-mcp==1.4.0)", reason: "not present yet" }),
    item({ address: ".agents/skills/dbt-model/SKILL.md", action: "create", owners: ["dbt-tools"], serves: ["codex", "opencode"], group: ".agents/skills/dbt-model/", description: "skill dbt-model", reason: "not present yet" }),
    item({ address: ".agents/skills/dbt-model/scripts/run.sh", action: "create", owners: ["dbt-tools"], serves: ["codex", "opencode"], group: ".agents/skills/dbt-model/", description: "skill dbt-model", reason: "not present yet" }),
    item({ address: ".claude/skills/dbt-test/SKILL.md", action: "update", owners: ["dbt-tools"], agent: "claude-code", serves: ["claude-code"], description: "skill dbt-test", reason: "the pack's value changed", lines: { added: 3, removed: 1 } }),
    item({ address: "opencode.jsonc#/mcp/unchanged", action: "noop", owners: ["dbt-tools"], description: "MCP server", reason: "up to date" }),
    item({
      address: "opencode.jsonc#/mcp/github", target: { kind: "entry", path: "opencode.jsonc", pointer: ["mcp", "github"] }, action: "drift", blocked: true, owners: ["github-tools"], description: "MCP server (remote http: https://api.example/mcp)",
      reason: "changed by hand since the last apply. Keep yours: packs apply --adopt · overwrite: packs apply --force",
      values: { recorded: { type: "remote", url: "https://api.example/mcp" }, live: { type: "remote", url: "https://api.example/mcp?debug=`1`" }, desired: { type: "remote", url: "https://api.example/mcp/v2" } },
    }),
    item({ address: "opencode.jsonc#/plugin/@acme/nightly", target: { kind: "element", path: "opencode.jsonc", array: ["plugin"], key: "@acme/nightly", match: "npm-name" }, action: "adopt", owners: ["nightly"], description: "npm plugin @acme/nightly@^0", reason: "already there with the value the pack wants; packs records it as its own" }),
    item({ address: ".claude/skills/gh-legacy/SKILL.md", action: "delete", owners: ["old-pack"], agent: "claude-code", serves: ["claude-code"], group: ".claude/skills/gh-legacy/", description: "skill gh-legacy", reason: "no longer in packs.yaml (owned, unchanged)" }),
  ],
  diagnostics: [
    { code: "policy/unversioned-mcp", severity: "warning", summary: 'pack "dbt-tools": MCP server "dbt" runs `uvx dbt-mcp` without a version', location: { file: "packs.yaml", line: 5, col: 3 }, hint: "Ask the pack to pin the version (e.g. pkg==1.2.3)." },
    { code: "source/floating", severity: "info", summary: 'pack "nightly" follows a range' },
  ],
  summary: { add: 3, change: 1, remove: 1, blocked: 1, ownership: 1, unchanged: 1 },
  empty: false,
  blocked: true,
};

describe("renderPlanMarkdown", () => {
  const refs = { from: { ref: "origin/main", commit: SHA_FROM }, to: { ref: "HEAD", commit: SHA_TO } };

  it("renders a plan between refs: summary, blocked call-out, notes, warnings, a table per pack", () => {
    golden("plan.md", renderPlanMarkdown(full, { refs }));
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
