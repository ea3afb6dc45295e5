/**
 * An APM plugin bundle (plugin.json at the root, as microsoft/apm's `apm pack` writes it: plugin.json,
 * skills/, instructions/, agents/, commands/, hooks.json, .mcp.json, apm.lock.yaml) read as a pack.
 */
import { describe, expect, test } from "vitest";
import type { McpServer } from "../../src/core/pack-model.js";
import { loadPack } from "../../src/packs/load-pack.js";
import { splitGlobs } from "../../src/packs/apm-instructions.js";
import { readReal } from "../real-fixtures.js";
import { brief, packInput, skillMd } from "./pack-input.js";

const ALTIMATE_SKILL = readReal("data-engineering-skills/skills/altimate-code/SKILL.md");
const MANIFEST = `{
  "name": "acme-standards",
  "version": "1.2.0",
  "description": "Acme review rules and data skills",
  "author": {
    "name": "Acme platform team"
  },
  "license": "MIT",
  "keywords": ["review", "python"]
}
`;

describe("a bundle as apm pack writes it", () => {
  const bundle = {
    "plugin.json": MANIFEST,
    "skills/altimate-code/SKILL.md": ALTIMATE_SKILL,
    "instructions/python-style.instructions.md": '---\ndescription: How Acme writes Python\napplyTo: "**/*.py"\n---\n\n- Prefer pathlib over os.path.\n- Type every public function.\n',
    "instructions/commit-messages.instructions.md": "---\ndescription: Commit message rules\n---\n\n# Commits\n\nWrite the subject in the imperative.\n",
    "instructions/frontend.instructions.md": '---\napplyTo: "**/*.{css,scss},**/*.tsx"\n---\nKeep components small.\n',
    "agents/security.agent.md": "---\ndescription: Reviews diffs\n---\nYou review.\n",
    "commands/review.md": "Review the diff.\n",
    "hooks.json": '{\n  "PostToolUse": []\n}\n',
    ".mcp.json": '{\n  "mcpServers": {\n    "dbt": {\n      "command": "uvx",\n      "args": ["dbt-mcp"],\n      "env": {"DBT_TOKEN": "${DBT_TOKEN}"}\n    }\n  }\n}\n',
    "apm.lock.yaml": "lockfile_version: '1'\n",
  };

  test("skills, MCP servers and the instructions load; agents, commands and hooks are named as skipped", () => {
    const { pack, diagnostics } = loadPack(packInput(bundle));
    expect(diagnostics.map((d) => `${d.severity} ${brief(d)} | ${d.summary}`)).toEqual([
      "warning pack/component-skipped @ packs/demo/agents/security.agent.md | agents (subagents) are not installed: agents/security.agent.md",
      "warning pack/component-skipped @ packs/demo/commands/review.md | commands (slash commands) are not installed: commands/review.md",
      "warning pack/component-skipped @ packs/demo/hooks.json | hooks are not installed: hooks.json",
      "info pack/instruction-scope @ packs/demo/instructions/frontend.instructions.md:2:10 | this instruction applies to **/*.{css,scss}, **/*.tsx only; it is installed as always-on text that says so",
      "info pack/instruction-scope @ packs/demo/instructions/python-style.instructions.md:3:10 | this instruction applies to **/*.py only; it is installed as always-on text that says so",
    ]);
    expect(diagnostics.filter((d) => d.code === "pack/component-skipped").every((d) => d.hint!.includes("apm install"))).toBe(true);
    expect(pack).toMatchObject({
      name: "acme-standards",
      version: "1.2.0",
      description: "Acme review rules and data skills",
      author: "Acme platform team",
      tier: "community",
      manifest: "plugin.json",
      skillGroups: [],
      plugins: [],
      detect: [],
    });
    expect(pack!.skills.map((s) => s.name)).toEqual(["altimate-code"]);
    expect(pack!.mcp).toEqual<McpServer[]>([{ name: "dbt", transport: "stdio", command: ["uvx", "dbt-mcp"], env: { DBT_TOKEN: "${env:DBT_TOKEN}" } }]);
    expect(pack!.instructions).toBe([
      "# Commits\n\nWrite the subject in the imperative.",
      "> Applies to files matching `**/*.{css,scss}`, `**/*.tsx`.\n\nKeep components small.",
      "> Applies to files matching `**/*.py`.\n\n- Prefer pathlib over os.path.\n- Type every public function.",
    ].join("\n\n") + "\n");
    expect(pack!.files.map((f) => f.path)).toContain("apm.lock.yaml");
  });

  test("the same bundle without instructions/ has no instructions", () => {
    const without = Object.fromEntries(Object.entries(bundle).filter(([p]) => !p.startsWith("instructions/")));
    const { pack } = loadPack(packInput(without));
    expect(pack).toBeDefined();
    expect(pack!.instructions).toBeUndefined();
  });

  test("a Claude Code plugin does not read instructions/, even when it has one", () => {
    const { ["plugin.json"]: manifest, ...rest } = bundle;
    const { pack } = loadPack(packInput({ ...rest, ".claude-plugin/plugin.json": manifest }));
    expect(pack!.manifest).toBe(".claude-plugin/plugin.json");
    expect(pack!.instructions).toBeUndefined();
  });
});

test("the real superpowers .codex-plugin/plugin.json as a root plugin.json: skills path, empty hooks, unknown interface", () => {
  const { pack, diagnostics } = loadPack(packInput({
    "plugin.json": readReal("superpowers/.codex-plugin/plugin.json"),
    "skills/altimate-code/SKILL.md": ALTIMATE_SKILL,
    "assets/app-icon.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  }));
  expect(diagnostics.map(brief)).toEqual(["pack/unknown-key @ packs/demo/plugin.json:25:3"]);
  expect(diagnostics[0]!.summary).toBe('plugin.json key "interface" is not one packs reads; it is ignored');
  expect(pack).toMatchObject({ name: "superpowers", version: "6.2.0", author: "Jesse Vincent", manifest: "plugin.json" });
  expect(pack!.skills.map((s) => s.dir)).toEqual(["skills/altimate-code"]);
});

describe("instruction files", () => {
  const load = (files: Record<string, string>) => loadPack(packInput({ "plugin.json": '{"name": "demo", "version": "1.0.0"}', ...files }));

  test.each<{ name: string; files: Record<string, string>; text: string | undefined }>([
    { name: "no frontmatter: the file is the text", files: { "instructions/a.instructions.md": "# A\n\nDo a.\n" }, text: "# A\n\nDo a.\n" },
    { name: "description only: stripped", files: { "instructions/a.instructions.md": "---\ndescription: d\n---\n# A\n" }, text: "# A\n" },
    { name: "applyTo every file: no scope line", files: { "instructions/a.instructions.md": '---\napplyTo: "**"\n---\nAll.\n' }, text: "All.\n" },
    { name: "applyTo a YAML list", files: { "instructions/a.instructions.md": '---\napplyTo:\n  - "**/*.py"\n  - "**/*.pyi"\n---\nPy.\n' }, text: "> Applies to files matching `**/*.py`, `**/*.pyi`.\n\nPy.\n" },
    { name: "a --- block never closed is body", files: { "instructions/a.instructions.md": "---\nnot frontmatter\n" }, text: "---\nnot frontmatter\n" },
    { name: "CRLF and a BOM are normalised", files: { "instructions/a.instructions.md": "\ufeff---\r\napplyTo: '**/*.md'\r\n---\r\nDocs.\r\n" }, text: "> Applies to files matching `**/*.md`.\n\nDocs.\n" },
    { name: "only frontmatter: nothing", files: { "instructions/a.instructions.md": "---\ndescription: empty\n---\n\n" }, text: undefined },
    { name: "path order, nested folders included", files: { "instructions/b.instructions.md": "B\n", "instructions/a/z.instructions.md": "AZ\n", "instructions/A.instructions.md": "upper A\n" }, text: "upper A\n\nAZ\n\nB\n" },
    { name: "blank lines around the body go, inner ones stay", files: { "instructions/a.instructions.md": "---\n---\n\n\n  indented first\n\nsecond\n\n\n" }, text: "  indented first\n\nsecond\n" },
  ])("$name", ({ files, text }) => {
    const { pack, diagnostics } = load(files);
    expect(diagnostics.filter((d) => d.severity !== "info").map(brief)).toEqual([]);
    expect(pack!.instructions).toBe(text);
  });

  test("other files in instructions/ are reported, one warning naming them", () => {
    const { pack, diagnostics } = load({ "instructions/a.instructions.md": "A\n", "instructions/notes.md": "n\n", "instructions/rules.mdc": "r\n" });
    expect(diagnostics.map(brief)).toEqual(["pack/plugin-file-ignored @ packs/demo/instructions/notes.md"]);
    expect(diagnostics[0]!.summary).toBe("files in instructions/ not named *.instructions.md are not read: instructions/notes.md, instructions/rules.mdc");
    expect(pack!.instructions).toBe("A\n");
  });

  test.each([
    { text: "**/*.py", globs: ["**/*.py"] },
    { text: "**/*.{css,scss},**/*.tsx", globs: ["**/*.{css,scss}", "**/*.tsx"] },
    { text: " a , b ,, ", globs: ["a", "b"] },
    { text: "file\\,name.md,x", globs: ["file,name.md", "x"] },
  ])("applyTo $text splits into $globs", ({ text, globs }) => {
    expect(splitGlobs(text)).toEqual(globs);
  });
});

test("a bundle's skills are checked like any pack's", () => {
  const { pack, diagnostics } = loadPack(packInput({ "plugin.json": '{"name": "demo", "version": "1.0.0"}', "skills/alpha/SKILL.md": skillMd("beta") }));
  expect(pack).toBeUndefined();
  expect(diagnostics.map(brief)).toEqual(["pack/skill-name-mismatch @ packs/demo/skills/alpha/SKILL.md:2:7"]);
});
