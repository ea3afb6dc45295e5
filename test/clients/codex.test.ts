/**
 * The proof that what packs writes is what Codex reads: apply through the real CLI, then ask
 * the real codex client (npm @openai/codex, offline, HOME in a temp dir) what it loaded.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clientBin, PACKS, run } from "./client-harness.js";

const CODEX = clientBin("codex");

/** `codex mcp list` opens no connection and starts no server (docs/agents.md#codex). */
function codexEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, PK_GREETING: "hello", PK_TEAM: "data" };
}

type Listed = { name: string; enabled: boolean; transport: Record<string, unknown> };

describe("Codex reads what packs writes", () => {
  let project: string;
  let home: string;
  const codex = (...args: string[]) => run(CODEX, args, project, codexEnv(home));
  const packs = (...args: string[]) => run(process.execPath, [PACKS, ...args], project);
  const listed = () => {
    const r = codex("mcp", "list", "--json");
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Listed[];
  };

  beforeAll(() => {
    if (!existsSync(CODEX)) throw new Error(`no codex client at ${CODEX}: run \`npm run clients\` (npm test does)`);
    project = realpathSync(mkdtempSync(join(tmpdir(), "packs-codex-")));
    home = realpathSync(mkdtempSync(join(tmpdir(), "packs-codex-home-")));
    // Codex reads .codex/config.toml only in a trusted project (what `codex exec --trust` writes).
    mkdirSync(join(home, ".codex"));
    writeFileSync(join(home, ".codex", "config.toml"), `[projects.${JSON.stringify(project)}]\ntrust_level = "trusted"\n`);
    cpSync(join(import.meta.dirname, "fixtures", "multi-agent-project"), project, { recursive: true });
    expect(run("git", ["init", "-q"], project).code).toBe(0);
    const applied = packs("apply", "--yes");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
  });

  it("mcp list --json parses the config and returns the stdio and http servers beside the user's own", () => {
    const byName = Object.fromEntries(listed().map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(["local-tools", "mine", "remote-docs"]);
    expect(byName["local-tools"]!.enabled).toBe(true);
    expect(byName["local-tools"]!.transport).toMatchObject({
      type: "stdio",
      command: "node",
      args: ["tools/mcp.js", "--verbose"],
      env: { PK_MODE: "strict" },
      env_vars: ["PK_GREETING"],
    });
    expect(byName["remote-docs"]!.enabled).toBe(true);
    expect(byName["remote-docs"]!.transport).toMatchObject({
      type: "streamable_http",
      url: "http://127.0.0.1:39127/mcp",
      env_http_headers: { "X-Team": "PK_TEAM" },
    });
    expect(byName.mine!.transport).toMatchObject({ type: "stdio", command: "node", args: ["mine.js"] });
  });

  it("the skills and instructions are where Codex reads them", () => {
    for (const name of ["review-sql", "write-docs"]) {
      expect(readFileSync(join(project, ".agents/skills", name, "SKILL.md"), "utf8")).toMatch(new RegExp(`^---\\nname: ${name}\\n`));
    }
    expect(readFileSync(join(project, "AGENTS.md"), "utf8")).toContain("Review every SQL change for missing tests.\n");
  });

  it("after the pack is removed, Codex still parses the config and lists only the user's server", () => {
    writeFileSync(join(project, "packs.yaml"), "version: 1\nagents: [claude-code, gemini, codex]\npacks: {}\n");
    expect(packs("apply", "--yes").code).toBe(0);
    expect(listed().map((s) => s.name)).toEqual(["mine"]);
    expect(existsSync(join(project, ".agents/skills/review-sql"))).toBe(false);
    expect(existsSync(join(project, "AGENTS.md")) ? readFileSync(join(project, "AGENTS.md"), "utf8") : "").not.toContain("SQL");
  });
});
