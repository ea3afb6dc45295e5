/**
 * The proof that what packs writes is what Claude Code reads: apply through the real CLI, then ask
 * the real claude client (npm @anthropic-ai/claude-code, offline, HOME in a temp dir) what it loaded.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clientBin, PACKS, run } from "./client-harness.js";

const CLAUDE = clientBin("claude");

/** Variables that keep Claude Code off the network (docs/agents.md#claude-code). */
function claudeEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    DISABLE_AUTOUPDATER: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    MCP_TIMEOUT: "2000",
    PK_GREETING: "hello",
    PK_TEAM: "data",
  };
}

/** `claude mcp list` lines as name → "<command or url> (<transport>)" (docs/agents.md#mcp-servers-1). */
function servers(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const m = /^(\S+): (.*) - (✔ Connected|✘ Failed to connect|⏸ Pending approval)/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe("Claude Code reads what packs writes", () => {
  let project: string;
  let home: string;
  const claude = (...args: string[]) => run(CLAUDE, args, project, claudeEnv(home));
  const packs = (...args: string[]) => run(process.execPath, [PACKS, ...args], project);

  beforeAll(() => {
    if (!existsSync(CLAUDE)) throw new Error(`no claude client at ${CLAUDE}: run \`npm run clients\` (npm test does)`);
    project = realpathSync(mkdtempSync(join(tmpdir(), "packs-claude-")));
    home = realpathSync(mkdtempSync(join(tmpdir(), "packs-claude-home-")));
    // Approve every .mcp.json server without the interactive dialog (docs/agents.md#mcp-servers-1).
    mkdirSync(join(home, ".claude"));
    writeFileSync(join(home, ".claude", "settings.json"), '{"enableAllProjectMcpServers":true}\n');
    cpSync(join(import.meta.dirname, "fixtures", "multi-agent-project"), project, { recursive: true });
    expect(run("git", ["init", "-q"], project).code).toBe(0);
    const applied = packs("apply", "--yes");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
  });

  it("mcp list shows the pack's stdio and http servers beside the user's own, with no config diagnostics", () => {
    const r = claude("mcp", "list");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("MCP config diagnostics");
    expect(servers(r.stdout)).toEqual({
      mine: "node mine.js",
      "local-tools": "node tools/mcp.js --verbose",
      "remote-docs": "http://127.0.0.1:39127/mcp (HTTP)",
    });
  });

  it("mcp get shows the env and header references in Claude's ${NAME} form", () => {
    const local = claude("mcp", "get", "local-tools");
    expect(local.code, local.stderr).toBe(0);
    expect(local.stdout).toMatch(/PK_GREETING=\$\{PK_GREETING\}/);
    expect(local.stdout).toMatch(/PK_MODE=strict/);
    const remote = claude("mcp", "get", "remote-docs");
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stdout).toMatch(/X-Team: \$\{PK_TEAM\}/);
  });

  it("the instructions file and skill folders are where Claude loads them", () => {
    expect(readFileSync(join(project, ".claude/rules/team.md"), "utf8")).toBe("Review every SQL change for missing tests.\n");
    for (const name of ["review-sql", "write-docs"]) {
      expect(readFileSync(join(project, ".claude/skills", name, "SKILL.md"), "utf8")).toMatch(new RegExp(`^---\\nname: ${name}\\n`));
    }
  });

  it("after the pack is removed, Claude lists only the user's server and the files are gone", () => {
    writeFileSync(join(project, "packs.yaml"), "version: 1\nagents: [claude-code, gemini, codex]\npacks: {}\n");
    expect(packs("apply", "--yes").code).toBe(0);
    const r = claude("mcp", "list");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("MCP config diagnostics");
    expect(Object.keys(servers(r.stdout))).toEqual(["mine"]);
    expect(existsSync(join(project, ".claude/rules/team.md"))).toBe(false);
    expect(existsSync(join(project, ".claude/skills/review-sql"))).toBe(false);
    expect(existsSync(join(project, ".claude/skills/write-docs"))).toBe(false);
  });
});
