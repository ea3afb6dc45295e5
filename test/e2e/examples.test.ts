/**
 * Every example in examples/ runs as its README says, through the real CLI, and ends clean
 * (`packs check` exits 0).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, offlineGitEnv, REPO_ROOT, runCli } from "./harness.js";

const EXAMPLES = path.join(REPO_ROOT, "examples");

beforeAll(() => assertBuilt());

describe("examples", () => {
  it("lists only examples this file runs", () => {
    expect(fs.readdirSync(EXAMPLES).sort()).toEqual(["multi-agent", "quickstart", "team-registry"]);
  });

  it.each(["quickstart", "multi-agent"])("%s: plan, apply, check and status in a copy", async (name) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `packs-example-${name}-`));
    fs.cpSync(path.join(EXAMPLES, name), dir, { recursive: true });
    for (const args of [["plan"], ["apply", "--yes"], ["check"], ["status"]]) {
      const r = await runCli(dir, args);
      expect(r.status, `${args.join(" ")}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    if (name === "multi-agent") {
      const agents = fs.readFileSync(path.join(dir, "AGENTS.md"), "utf8");
      expect(agents).toContain("This file is ours.");
      expect(agents).toContain("<!-- packs:begin review -->");
      for (const f of [".mcp.json", ".vscode/mcp.json", ".cursor/mcp.json", ".codex/config.toml", "opencode.json", ".claude/skills/review-sql/SKILL.md"]) {
        expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
      }
    }
  });

  it("team-registry: run.sh builds the team's repository and registry, then plans, applies and checks", () => {
    const r = spawnSync("bash", [path.join(EXAMPLES, "team-registry", "run.sh")], { encoding: "utf8", env: { ...process.env, ...offlineGitEnv(), NO_COLOR: "1" } });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("pack sql-review 1.2.0 (registry:sql-review@^1 @ ");
    expect(r.stdout).toContain("packs check: clean.");
  });

  it("the README shows the quickstart plan exactly as the quickstart case prints it", () => {
    const golden = fs.readFileSync(path.join(REPO_ROOT, "test/e2e/cases/quickstart/expected/plan.txt"), "utf8").replace("\nRun `packs apply` to make these changes.\n", "");
    expect(fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8")).toContain("$ packs plan\n" + golden);
  });
});
