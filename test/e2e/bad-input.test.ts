/**
 * Bad input, through the real CLI: each row breaks one file of an otherwise valid project.
 * `packs plan` and `packs apply --yes` must both exit 1, print to stderr a diagnostic naming the
 * file and (where there is one) line:col, print no stack trace, and leave every byte of the
 * project unchanged. For a few rows, `plan --json` must report the same location as data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONCURRENCY, assertBuilt, changedPaths, describeRun, pool, projectFromTree, readTree, removeProject, runCli, settle, stackLines, unwrap,
  type Settled, type Tree,
} from "./harness.js";

const BASE: Record<string, string> = {
  "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  tools:\n    source: ./packs/tools\n",
  "packs/tools/PACK.yaml": 'name: tools\ndescription: Lint tools\nversion: 1.0.0\nmcp:\n  eslint:\n    type: stdio\n    command: ["npx", "-y", "@eslint/mcp"]\n',
  "packs/tools/skills/lint/SKILL.md": "---\nname: lint\ndescription: Lints the code. Use before committing.\n---\n\n# Lint\n\nRun the linter.\n",
  "opencode.jsonc": '{\n  // ours\n  "$schema": "https://opencode.ai/config.json"\n}\n',
};

interface BadInput {
  name: string;
  /** Files to write over the base project; null deletes one. */
  files: Record<string, string | null>;
  /** `file:line:col` (or just the file when the problem has no position) expected on stderr. */
  where: string;
  /** The diagnostic code and a piece of its message. */
  code: string;
  message: string;
  /** Also check `plan --json` reports the same code and location as data (a few rows suffice). */
  json?: boolean;
  /** A known bug in packs: the row runs as `it.skip` (E2E_RUN_BUGS=1 runs it), saying what is wrong. */
  bug?: string;
}

const PACK = "packs/tools/PACK.yaml";

const rows: BadInput[] = [
  {
    name: "YAML syntax error in packs.yaml",
    files: { "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  tools:\n    source: ./packs/tools\n    groups: [a, b\n" },
    where: "packs.yaml:7:1", code: "packs-yaml/yaml-syntax", message: "end with a ]",
    json: true,
  },
  {
    name: "wrong type in packs.yaml (agents as a string)",
    files: { "packs.yaml": "version: 1\nagents: opencode\npacks:\n  tools:\n    source: ./packs/tools\n" },
    where: "packs.yaml:2:9", code: "packs-yaml/wrong-type", message: "expected array",
  },
  {
    name: "wrong type in packs.yaml (source as a number)",
    files: { "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  tools:\n    source: 42\n" },
    where: "packs.yaml:5:13", code: "packs-yaml/wrong-type", message: "expected string, got number 42",
  },
  {
    name: "unsupported packs.yaml version",
    files: { "packs.yaml": "version: 2\nagents: [opencode]\npacks:\n  tools:\n    source: ./packs/tools\n" },
    where: "packs.yaml:1:10", code: "packs-yaml/bad-version", message: "unsupported version 2",
  },
  {
    name: "unknown agent in packs.yaml",
    files: { "packs.yaml": "version: 1\nagents: [opencode, vim]\npacks:\n  tools:\n    source: ./packs/tools\n" },
    where: "packs.yaml:2:20", code: "packs-yaml/invalid-value", message: '"claude-code"',
  },
  {
    name: "an exclude naming no kind of component",
    files: { "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  tools:\n    source: ./packs/tools\n    exclude: [bogus/x]\n" },
    where: "packs.yaml:6:15", code: "packs-yaml/bad-exclude", message: 'exclude "bogus/x" is not a component of a pack',
  },
  {
    name: "a malformed ${env:…} reference in an override",
    files: { "packs.yaml": 'version: 1\nagents: [opencode]\npacks:\n  tools:\n    source: ./packs/tools\n    mcp:\n      eslint:\n        env: { T: "${env:bad-name}" }\n' },
    where: "packs.yaml:8:19", code: "packs-yaml/bad-env-ref", message: 'invalid variable name "bad-name"',
  },
  {
    name: "no packs.yaml",
    files: { "packs.yaml": null },
    where: "packs.yaml", code: "packs-yaml/missing", message: "no packs.yaml in",
    json: true,
  },
  {
    name: "a local source that does not exist",
    files: { "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  tools:\n    source: ./packs/nope\n" },
    where: "packs.yaml:4:3", code: "source/not-found", message: "the folder ./packs/nope does not exist",
  },
  {
    name: "broken PACK.yaml: YAML syntax error",
    files: { [PACK]: 'name: tools\ndescription: x\nmcp:\n  eslint:\n    type: stdio\n    command: ["npx"\n' },
    where: `${PACK}:7:1`, code: "pack/yaml-syntax", message: "end with a ]",
  },
  {
    name: "broken PACK.yaml: version: 1.0 (a number)",
    files: { [PACK]: 'name: tools\ndescription: Lint tools\nversion: 1.0\nmcp:\n  eslint:\n    type: stdio\n    command: ["npx", "-y", "@eslint/mcp"]\n' },
    where: `${PACK}:3:10`, code: "pack/wrong-type", message: 'Quote it: version: "1.0"',
    json: true,
  },
  {
    name: "broken PACK.yaml: command as a string",
    files: { [PACK]: 'name: tools\ndescription: Lint tools\nversion: 1.0.0\nmcp:\n  eslint:\n    type: stdio\n    command: "npx -y @eslint/mcp"\n' },
    where: `${PACK}:7:14`, code: "pack/wrong-type", message: 'command: ["npx", "-y", "@eslint/mcp"]',
  },
  {
    name: "broken PACK.yaml: a skill path with ..",
    files: { [PACK]: "name: tools\ndescription: Lint tools\nversion: 1.0.0\nskills:\n  - path: ../../outside\n" },
    where: `${PACK}:5:11`, code: "pack/unsafe-path", message: "contains `..`",
  },
  {
    name: "no PACK.yaml in the pack folder",
    files: { [PACK]: null },
    where: "packs/tools", code: "pack/no-manifest", message: "no PACK.yaml (or legacy KIT.yaml)",
  },
  {
    name: "a bundled SKILL.md without frontmatter",
    files: { "packs/tools/skills/lint/SKILL.md": "# Lint\n" },
    where: "packs/tools/skills/lint/SKILL.md:1:1", code: "pack/skill-no-frontmatter", message: "frontmatter",
  },
  {
    name: "an agent config that is not valid JSONC",
    files: { "opencode.jsonc": '{\n  "mcp": {\n    "x": [1,,]\n  }\n}\n' },
    where: "opencode.jsonc:3:13", code: "config/invalid-jsonc", message: "not valid JSONC: expected a value",
    json: true,
  },
  {
    name: "an agent config whose `mcp` is not an object",
    files: { "opencode.jsonc": '{\n  "mcp": ["not", "an", "object"]\n}\n' },
    where: "opencode.jsonc:2:10", code: "config/unexpected-shape", message: "/mcp is not an object",
  },
  {
    name: "an agent config that is a JSON array, not an object",
    files: { "opencode.jsonc": "[]\n" },
    where: "opencode.jsonc:1:1", code: "config/unexpected-shape", message: "the top level is not an object",
  },
  {
    name: "a corrupt activation sidecar",
    files: { ".packs/state/tools.json": "{ nope\n" },
    where: ".packs/state/tools.json", code: "state/invalid-json", message: "git checkout -- .packs/state/tools.json",
  },
];

function project(files: Record<string, string | null>): string {
  const tree: Tree = new Map(Object.entries(BASE));
  for (const [p, text] of Object.entries(files)) {
    if (text === null) tree.delete(p);
    else tree.set(p, text);
  }
  return projectFromTree(tree);
}

const skipped = (row: BadInput) => row.bug !== undefined && process.env.E2E_RUN_BUGS !== "1";

/** Runs one row and checks it; throws on the first failed expectation. */
async function check(row: BadInput, dirs: string[]): Promise<void> {
  const dir = project(row.files);
  dirs.push(dir);
  const before = readTree(dir);
  for (const args of [["plan"], ["apply", "--yes"]]) {
    const r = await runCli(dir, args);
    const msg = describeRun(r);
    expect(r.status, msg).toBe(1);
    expect(r.stderr, msg).toContain(`error[${row.code}] ${row.where}: `);
    expect(r.stderr, msg).toContain(row.message);
    expect(r.stderr, msg).toContain("nothing was written");
    expect(stackLines(r.stdout + r.stderr), msg).toEqual([]);
    expect(r.stderr, msg).not.toContain("internal error");
    expect(r.stdout, `${msg}\nno plan is printed on error`).not.toContain("Plan:");
  }
  if (row.json) {
    const json = await runCli(dir, ["plan", "--json"]);
    expect(json.status, describeRun(json)).toBe(1);
    expect(json.stderr, describeRun(json)).toBe("");
    const out = JSON.parse(json.stdout) as { format_version: string; ok: boolean; diagnostics: { code: string; location?: { file: string; line?: number; col?: number } }[] };
    expect(out).toMatchObject({ format_version: "1", ok: false });
    const d = out.diagnostics.find((x) => x.code === row.code);
    expect(d, json.stdout).toBeDefined();
    const [file, line, col] = row.where.split(":");
    expect(d!.location).toEqual({ file, ...(line && { line: Number(line) }), ...(col && { col: Number(col) }) });
  }
  expect(changedPaths(before, readTree(dir)), "bad input must leave every byte unchanged").toEqual([]);
}

describe("bad input: exit 1, file:line:col on stderr, no stack trace, nothing written", () => {
  const dirs: string[] = [];
  const jobs = new Map<string, Promise<Settled<void>>>();
  beforeAll(() => {
    assertBuilt();
    const run = pool(CONCURRENCY);
    for (const row of rows) if (!skipped(row)) jobs.set(row.name, settle(run(() => check(row, dirs))));
  });
  afterAll(() => dirs.forEach(removeProject));

  it("the base project is valid", async () => {
    const dir = project({});
    dirs.push(dir);
    const r = await runCli(dir, ["plan", "--detailed-exitcode"]);
    expect(r.status, describeRun(r)).toBe(2);
  });

  for (const row of rows) {
    if (skipped(row)) it.skip(`${row.name} — ${row.bug}`, () => check(row, dirs));
    else it(row.bug ? `${row.name} — ${row.bug}` : row.name, () => unwrap(jobs.get(row.name)));
  }
});
