/**
 * The proof that Codex puts what packs writes into the model request: apply through the real CLI,
 * run the real codex client (`codex exec`, HOME in a temp dir) against a mock Responses API on
 * 127.0.0.1, and read the request body it sent. No network: the mock is the only model.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientBin, PACKS, run } from "./client-harness.js";
import { ANSWER, type MockLlm, promptText, runClient, startMockLlm } from "./mock-llm.js";

const CODEX = clientBin("codex");

/** The fixture's skills (packs/team/skills/<name>/SKILL.md) and instructions (packs/team/PACK.yaml). */
const SKILLS = {
  "review-sql": "Reviews SQL changes for missing tests and unsafe patterns.",
  "write-docs": "Writes model documentation in the team's style.",
};
const INSTRUCTIONS = "Review every SQL change for missing tests.";

/** The project skill folders Codex reads (docs/agents.md, Codex, Skills). */
const SKILL_DIRS = [".agents/skills", ".codex/skills"];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The user config: the mock as model provider (Responses API), no analytics (else Codex resolves
 * ab.chatgpt.com), and the project trusted so its .codex/config.toml counts (docs/agents.md#codex).
 */
function codexConfig(mockUrl: string, project: string): string {
  return [
    'model = "gpt-5"',
    'model_provider = "mock"',
    "",
    "[analytics]",
    "enabled = false",
    "",
    "[model_providers.mock]",
    'name = "mock"',
    `base_url = "${mockUrl}/v1"`,
    'wire_api = "responses"',
    'env_key = "PK_OPENAI_KEY"',
    "",
    `[projects.${JSON.stringify(project)}]`,
    'trust_level = "trusted"',
    "",
  ].join("\n");
}

describe("Codex sends what packs writes to the model", () => {
  let project: string;
  let home: string;
  let mock: MockLlm;
  let skillDir: string; // absolute: the folder packs put the skills in
  const packs = (...args: string[]) => run(process.execPath, [PACKS, ...args], project);

  /** Runs `codex exec hello`; returns the text of its one model request. */
  async function ask(): Promise<string> {
    mock.requests.length = 0;
    // --disable plugins: else exec looks up github.com (docs/agents.md#codex).
    const env = { PATH: process.env.PATH, HOME: home, PK_OPENAI_KEY: "sk-test" };
    const r = await runClient(CODEX, ["exec", "--disable", "plugins", "hello"], project, env, 30_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${ANSWER}\n`);
    expect(mock.requests.map((q) => `${q.method} ${q.path}`)).toEqual(["POST /v1/responses"]);
    const body = mock.requests[0]!.body as { instructions?: unknown; input: unknown };
    const text = promptText([body.instructions, body.input]);
    expect(text).toMatch(/^hello$/m);
    return text;
  }

  beforeAll(async () => {
    if (!existsSync(CODEX)) throw new Error(`no codex client at ${CODEX}: run \`npm run clients\` (npm test does)`);
    mock = await startMockLlm();
    project = realpathSync(mkdtempSync(join(tmpdir(), "packs-codex-req-")));
    home = realpathSync(mkdtempSync(join(tmpdir(), "packs-codex-req-home-")));
    mkdirSync(join(home, ".codex"));
    writeFileSync(join(home, ".codex", "config.toml"), codexConfig(mock.url, project));
    cpSync(join(import.meta.dirname, "fixtures", "multi-agent-project"), project, { recursive: true });
    expect(run("git", ["init", "-q"], project).code).toBe(0);
    const applied = packs("apply", "--yes");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    // Codex reads both folders; packs picks one (src/core/skill-placement.ts).
    const written = SKILL_DIRS.filter((d) => existsSync(join(project, d, "review-sql", "SKILL.md")));
    expect(written).toHaveLength(1);
    skillDir = `${project}/${written[0]!}`;
  });

  afterAll(async () => {
    await mock?.close();
  });

  it("lists each skill once, from the folder packs wrote, and carries its AGENTS.md section", async () => {
    const agentsMd = readFileSync(join(project, "AGENTS.md"), "utf8");
    expect(agentsMd).toContain(`\n${INSTRUCTIONS}\n`);

    const text = await ask();
    const lines = text.split("\n");
    // Skill paths are short: `r<N>/<dir>/SKILL.md`, with r<N> defined in a roots table.
    const root = new RegExp(`^- \`(r\\d+)\` = \`${escape(skillDir)}\`$`, "m").exec(text)?.[1];
    expect(root, `no skill root for ${skillDir}`).toBeDefined();
    expect(lines).toContain("### Available skills");
    for (const [name, description] of Object.entries(SKILLS)) {
      expect(lines).toContain(`- ${name}: ${description} (file: ${root}/${name}/SKILL.md)`);
      expect(lines.filter((l) => l.startsWith(`- ${name}: `))).toHaveLength(1); // a second copy would be listed too
    }
    expect(text).toContain(`# AGENTS.md instructions for ${project}\n\n<INSTRUCTIONS>\n${agentsMd}\n</INSTRUCTIONS>`);
    expect(text.split(INSTRUCTIONS)).toHaveLength(2); // once: from AGENTS.md only
  }, 60_000);

  it("after the pack is removed, the skills and the instructions are gone from the request", async () => {
    writeFileSync(join(project, "packs.yaml"), "version: 1\nagents: [claude-code, gemini, codex]\npacks: {}\n");
    expect(packs("apply", "--yes").code).toBe(0);

    const text = await ask();
    expect(text.split("\n")).toContain("### Available skills"); // Codex's own skills are still listed
    for (const name of Object.keys(SKILLS)) expect(text).not.toMatch(new RegExp(`^- ${name}:`, "m"));
    expect(text).not.toContain(skillDir);
    expect(text).not.toContain(INSTRUCTIONS);
    expect(text).not.toContain("# AGENTS.md instructions for");
  }, 60_000);
});
