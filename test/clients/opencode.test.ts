/**
 * The proof that what packs writes is what opencode reads: apply through the real CLI, then ask
 * the real opencode client (npm opencode-ai, offline, HOME in a temp dir) what it loaded.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clientBin, PACKS, run } from "./client-harness.js";

const OPENCODE = clientBin("opencode");

/** Variables that keep opencode off the network (docs/agents.md#opencode). */
function opencodeEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    OPENCODE_PURE: "1",
    OPENCODE_DISABLE_MODELS_FETCH: "1",
    npm_config_offline: "true",
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local/share"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_STATE_HOME: join(home, ".local/state"),
    PK_GREETING: "hello",
    PK_TEAM: "data",
  };
}

describe("opencode reads what packs writes", () => {
  let project: string;
  let home: string;
  const opencode = (...args: string[]) => run(OPENCODE, args, project, opencodeEnv(home));
  const packs = (...args: string[]) => run(process.execPath, [PACKS, ...args], project);

  beforeAll(() => {
    if (!existsSync(OPENCODE)) throw new Error(`no opencode client at ${OPENCODE}: run \`npm run clients\` (npm test does)`);
    project = mkdtempSync(join(tmpdir(), "packs-opencode-"));
    home = mkdtempSync(join(tmpdir(), "packs-opencode-home-"));
    cpSync(join(import.meta.dirname, "fixtures", "opencode-project"), project, { recursive: true });
    expect(run("git", ["init", "-q"], project).code).toBe(0);
    const applied = packs("apply", "--yes");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
  });

  it("debug config accepts the config and lists the servers, plugins and instructions", () => {
    const r = opencode("debug", "config");
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(r.stdout) as Record<string, any>;
    expect(config.mcp["local-tools"]).toEqual({
      type: "local",
      command: ["node", "tools/mcp.js", "--verbose"],
      environment: { PK_GREETING: "hello", PK_MODE: "strict" },
    });
    expect(config.mcp["remote-docs"]).toMatchObject({ type: "remote", url: "https://docs.example.invalid/mcp" });
    expect(Object.keys(config.mcp["remote-docs"].headers)).toEqual(["X-Team"]);
    expect(config.mcp.mine).toEqual({ type: "local", command: ["node", "mine.js"], enabled: false });
    expect(config.plugin).toEqual(["@acme/opencode-audit@^2", "@acme/opencode-guard@^1.2"]);
    expect(config.instructions).toEqual([".opencode/instructions/team.md"]);
    expect(readFileSync(join(project, ".opencode/instructions/team.md"), "utf8")).toBe("Review every SQL change for missing tests.\n");
  });

  it("debug skill lists the pack's skills from the folder packs wrote", () => {
    const r = opencode("debug", "skill");
    expect(r.code, r.stderr).toBe(0);
    const skills = (JSON.parse(r.stdout) as Array<{ name: string; location: string; description?: string }>).filter((s) => s.location !== "<built-in>");
    expect(skills.map((s) => [s.name, s.location.slice(project.length + 1), s.description]).sort()).toEqual([
      ["review-sql", ".agents/skills/review-sql/SKILL.md", "Reviews SQL changes for missing tests and unsafe patterns."],
      ["write-docs", ".agents/skills/write-docs/SKILL.md", "Writes model documentation in the team's style."],
    ]);
  });

  it("after the pack is removed, opencode still accepts the config and sees only the user's entries", () => {
    writeFileSync(join(project, "packs.yaml"), "version: 1\nagents: [opencode]\npacks: {}\n");
    expect(packs("apply", "--yes").code).toBe(0);
    const r = opencode("debug", "config");
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(r.stdout) as Record<string, any>;
    expect(Object.keys(config.mcp)).toEqual(["mine"]);
    expect(config.plugin).toEqual(["@acme/opencode-audit@^2"]);
    expect(config.instructions ?? []).toEqual([]);
    const skills = JSON.parse(opencode("debug", "skill").stdout) as Array<{ location: string }>;
    expect(skills.filter((s) => s.location !== "<built-in>")).toEqual([]);
  });
});
