/**
 * The proof that Claude Code puts what packs writes into the model request: apply through the real
 * CLI, run the real claude client (`claude -p`, HOME in a temp dir) against a mock Messages API on
 * 127.0.0.1, and read the request body it sent. No network: the mock is the only model.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientBin, PACKS, run } from "./client-harness.js";
import { ANSWER, type MockLlm, promptText, runClient, startMockLlm } from "./mock-llm.js";

const CLAUDE = clientBin("claude");

/** The fixture's skills (packs/team/skills/<name>/SKILL.md) and instructions (packs/team/PACK.yaml). */
const SKILLS = {
  "review-sql": "Reviews SQL changes for missing tests and unsafe patterns.",
  "write-docs": "Writes model documentation in the team's style.",
};
const INSTRUCTIONS = "Review every SQL change for missing tests.";
const SKILLS_HEADER = "The following skills are available for use with the Skill tool:";

/** Offline, against the mock (docs/agents.md#running-the-client-offline-in-tests). */
function claudeEnv(home: string, mockUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    ANTHROPIC_BASE_URL: mockUrl,
    ANTHROPIC_API_KEY: "sk-test",
    DISABLE_AUTOUPDATER: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    MCP_TIMEOUT: "2000",
  };
}

describe("Claude Code sends what packs writes to the model", () => {
  let project: string;
  let home: string;
  let mock: MockLlm;
  let instructionsFile: string; // absolute; set by the first test
  const packs = (...args: string[]) => run(process.execPath, [PACKS, ...args], project);

  /** Runs `claude -p hello`; returns the text of its one model request (it holds the whole context). */
  async function ask(): Promise<string> {
    mock.requests.length = 0;
    const r = await runClient(CLAUDE, ["-p", "hello"], project, claudeEnv(home, mock.url), 30_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${ANSWER}\n`);
    expect(mock.requests.map((q) => `${q.method} ${q.path}`)).toEqual(["POST /v1/messages?beta=true"]);
    const body = mock.requests[0]!.body as { system: unknown; messages: unknown };
    const text = promptText([body.system, body.messages]);
    expect(text).toMatch(/^hello$/m);
    return text;
  }

  beforeAll(async () => {
    if (!existsSync(CLAUDE)) throw new Error(`no claude client at ${CLAUDE}: run \`npm run clients\` (npm test does)`);
    mock = await startMockLlm();
    project = realpathSync(mkdtempSync(join(tmpdir(), "packs-claude-req-")));
    home = realpathSync(mkdtempSync(join(tmpdir(), "packs-claude-req-home-")));
    cpSync(join(import.meta.dirname, "fixtures", "multi-agent-project"), project, { recursive: true });
    expect(run("git", ["init", "-q"], project).code).toBe(0);
    const applied = packs("apply", "--yes");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
  });

  afterAll(async () => {
    await mock?.close();
  });

  it("lists each skill of the pack and carries the instructions file packs wrote", async () => {
    // packs writes .claude/rules/<pack>.md or a marked section of CLAUDE.md (docs/agents.md, Claude Code).
    const written = [".claude/rules/team.md", "CLAUDE.md"].filter((f) => existsSync(join(project, f)));
    expect(written).toHaveLength(1);
    instructionsFile = join(project, written[0]!);
    const content = readFileSync(instructionsFile, "utf8");
    expect(content).toContain(`${INSTRUCTIONS}\n`);

    const text = await ask();
    expect(text).toContain(`\n${SKILLS_HEADER}\n`);
    for (const [name, description] of Object.entries(SKILLS)) {
      expect(text.split("\n")).toContain(`- ${name}: ${description}`);
    }
    expect(text).toContain(`Contents of ${instructionsFile} (project instructions, checked into the codebase):\n\n${content}`);
    expect(text.split(INSTRUCTIONS)).toHaveLength(2); // once: from that file only
  }, 60_000);

  it("after the pack is removed, the skills and the instructions are gone from the request", async () => {
    writeFileSync(join(project, "packs.yaml"), "version: 1\nagents: [claude-code, gemini, codex]\npacks: {}\n");
    expect(packs("apply", "--yes").code).toBe(0);

    const text = await ask();
    expect(text).toContain(`\n${SKILLS_HEADER}\n`); // Claude's own skills are still listed
    for (const name of Object.keys(SKILLS)) expect(text).not.toMatch(new RegExp(`^- ${name}:`, "m"));
    expect(text).not.toContain(INSTRUCTIONS);
    expect(text).not.toContain(`Contents of ${instructionsFile}`);
  }, 60_000);
});
