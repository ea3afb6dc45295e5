/**
 * The proof that what packs writes is what Gemini CLI reads: apply through the real CLI, then ask
 * the real gemini client (npm @google/gemini-cli, offline, HOME in a temp dir) what it loaded.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clientBin, PACKS, run } from "./client-harness.js";

const GEMINI = clientBin("gemini");

/** Variables that trust the folder and keep Gemini CLI off the network (docs/agents.md#gemini-cli). */
function geminiEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, GEMINI_CLI_TRUST_WORKSPACE: "true", PK_GREETING: "hello", PK_TEAM: "data" };
}

/** `gemini mcp list` (stderr) as name → "<command or url> (<transport>)" (docs/agents.md#mcp-servers-2). */
function servers(stderr: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stderr.split("\n")) {
    const m = /^([✓✗○]) (\S+): (.*) \((stdio|http|sse)\) - (Connected|Disconnected|Disabled)$/.exec(line);
    if (m) out[m[2]!] = `${m[3]!.trim()} (${m[4]})`;
  }
  return out;
}

/** `gemini skills list` (stdout) as [name, location relative to the project]. */
function skills(stdout: string, project: string): string[][] {
  return [...stdout.matchAll(/^(\S+) \[Enabled\]\n {2}Description: .*\n {2}Location: +(.*)$/gm)].map((m) => [m[1]!, m[2]!.replace(`${project}/`, "")]);
}

describe("Gemini CLI reads what packs writes", () => {
  let project: string;
  let home: string;
  const gemini = (...args: string[]) => run(GEMINI, args, project, geminiEnv(home));
  const packs = (...args: string[]) => run(process.execPath, [PACKS, ...args], project);

  beforeAll(() => {
    if (!existsSync(GEMINI)) throw new Error(`no gemini client at ${GEMINI}: run \`npm run clients\` (npm test does)`);
    project = realpathSync(mkdtempSync(join(tmpdir(), "packs-gemini-")));
    home = realpathSync(mkdtempSync(join(tmpdir(), "packs-gemini-home-")));
    // No usage statistics (a lookup of play.googleapis.com otherwise); trust the folder in the file too.
    mkdirSync(join(home, ".gemini"));
    writeFileSync(join(home, ".gemini", "settings.json"), '{"privacy":{"usageStatisticsEnabled":false}}\n');
    writeFileSync(join(home, ".gemini", "trustedFolders.json"), JSON.stringify({ [project]: "TRUST_FOLDER" }));
    cpSync(join(import.meta.dirname, "fixtures", "multi-agent-project"), project, { recursive: true });
    expect(run("git", ["init", "-q"], project).code).toBe(0);
    const applied = packs("apply", "--yes");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
  });

  it("mcp list accepts the settings and shows the pack's servers with the right transport", () => {
    const r = gemini("mcp", "list");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("Invalid configuration");
    expect(r.stderr).not.toContain("deprecated");
    expect(servers(r.stderr)).toEqual({
      mine: "node mine.js (stdio)",
      "local-tools": "node tools/mcp.js --verbose (stdio)",
      "remote-docs": "http://127.0.0.1:39127/mcp (http)",
    });
  });

  it("skills list shows the pack's two skills from .agents/skills", () => {
    const r = gemini("skills", "list");
    expect(r.code, r.stderr).toBe(0);
    expect(skills(r.stdout, project).sort()).toEqual([
      ["review-sql", ".agents/skills/review-sql/SKILL.md"],
      ["write-docs", ".agents/skills/write-docs/SKILL.md"],
    ]);
    expect(readFileSync(join(project, "GEMINI.md"), "utf8")).toContain("Review every SQL change for missing tests.\n");
  });

  it("after the pack is removed, Gemini lists only the user's server and no skills", () => {
    writeFileSync(join(project, "packs.yaml"), "version: 1\nagents: [claude-code, gemini, codex]\npacks: {}\n");
    expect(packs("apply", "--yes").code).toBe(0);
    const r = gemini("mcp", "list");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("Invalid configuration");
    expect(Object.keys(servers(r.stderr))).toEqual(["mine"]);
    const s = gemini("skills", "list");
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain("No skills discovered.");
    expect(existsSync(join(project, "GEMINI.md")) ? readFileSync(join(project, "GEMINI.md"), "utf8") : "").not.toContain("SQL");
  });
});
