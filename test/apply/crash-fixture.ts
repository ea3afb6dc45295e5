/**
 * A project for the crash and concurrency tests: two local packs serving opencode, claude-code
 * and codex, next to the user's own opencode.jsonc, .mcp.json, AGENTS.md and .codex/config.toml,
 * each with entries and comments packs must never lose. Also the checks every interrupted state
 * must pass, and a byte-exact reader of a whole tree.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { applyPlan, type ApplyFs } from "../../src/apply/apply-plan.js";
import { parseJsonc } from "../../src/core/edit/jsonc-parse.js";
import { parseToml } from "../../src/core/edit/toml-parse.js";
import { makePlan } from "../../src/engine/make-plan.js";
import { ProjectFs } from "../../src/io/project-fs.js";

const EXAMPLES = join(import.meta.dirname, "..", "..", "examples");

export const USER_FILES: Record<string, string> = {
  "opencode.jsonc": readFileSync(join(EXAMPLES, "quickstart", "opencode.jsonc"), "utf8"),
  ".mcp.json": `{
  "mcpServers": {
    "mine": { "command": "my-server", "args": ["--port", "7"] }
  }
}
`,
  "AGENTS.md": readFileSync(join(EXAMPLES, "multi-agent", "AGENTS.md"), "utf8"),
  ".codex/config.toml": `# my codex settings
model = "o3"

[mcp_servers.mine]
command = "my-server" # keep this comment
`,
};

/** Lines and entries of the user's own that must survive any interruption, per file. */
const MUST_KEEP: Record<string, string[]> = {
  "opencode.jsonc": ["// Our team's model; keep in sync with the platform doc.", "// Internal docs search, run locally.", `"command": ["npx", "-y", "@acme/docs-mcp"],`, "/* Plugins everyone on the team uses. */", `"plugin": ["@acme/opencode-audit@^2"`],
  ".mcp.json": [`"mine": { "command": "my-server", "args": ["--port", "7"] }`],
  "AGENTS.md": ["# Notes for coding agents", "This file is ours. packs adds a marked section for the review pack and never touches the rest."],
  ".codex/config.toml": ["# my codex settings", `model = "o3"`, "[mcp_servers.mine]", `command = "my-server" # keep this comment`],
};

export const PACKS_YAML_BOTH = `version: 1
agents: [opencode, claude-code, codex]
packs:
  dbt:
    source: ./packs/dbt
  review:
    source: ./packs/review
`;
export const PACKS_YAML_NONE = "version: 1\nagents: [opencode, claude-code, codex]\npacks: {}\n";

/** A fresh project with both packs in packs.yaml and nothing applied yet. */
export function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-crash-"));
  cpSync(join(EXAMPLES, "quickstart", "packs", "dbt-snowflake"), join(dir, "packs", "dbt"), { recursive: true });
  cpSync(join(EXAMPLES, "multi-agent", "packs", "review"), join(dir, "packs", "review"), { recursive: true });
  for (const [p, text] of Object.entries(USER_FILES)) write(dir, p, text);
  write(dir, "packs.yaml", PACKS_YAML_BOTH);
  return dir;
}

/** The packs' next versions: a changed server, one skill fewer, new instructions, a new skill. */
export function nextVersion(dir: string): void {
  const dbt = join(dir, "packs/dbt/PACK.yaml");
  writeFileSync(dbt, readFileSync(dbt, "utf8").replace(`command: ["uvx", "dbt-mcp"]`, `command: ["uvx", "dbt-mcp@2"]`).replace("  - altimate-code\n", ""));
  const review = join(dir, "packs/review/PACK.yaml");
  writeFileSync(review, readFileSync(review, "utf8").replace("Keep pull requests small", "Keep pull requests very small"));
  write(dir, "packs/review/skills/review-docs/SKILL.md", "---\nname: review-docs\ndescription: Review documentation changes.\n---\nCheck every link.\n");
}

export function write(dir: string, rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

export function copyProject(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-crash-"));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Every file (exact text) and folder (`dir/`) of a project, leaving out .packs/tmp. */
export function tree(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (rel === ".packs/tmp") continue;
    if (e.isDirectory()) Object.assign(out, tree(dir, rel), { [`${rel}/`]: "" });
    else out[rel] = readFileSync(join(dir, rel), "utf8");
  }
  return out;
}

/** Local packs only: nothing is fetched. */
export const OFFLINE_SOURCES = { cacheDir: "/nonexistent-packs-cache", offline: true, npmRegistry: "http://127.0.0.1:9", registryTtlMs: 0, now: 0 };

export async function planFor(dir: string) {
  const outcome = await makePlan({ resolution: "none" }, { fs: new ProjectFs(dir), packsVersion: "test", projectLabel: ".", sources: OFFLINE_SOURCES });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics, null, 2));
  return outcome.plan;
}

/** Plan and apply in process, through `fs` (a wrapper that may stop it). */
export async function applyAll(dir: string, fs: ApplyFs = new ProjectFs(dir)) {
  const plan = await planFor(dir);
  expect(plan.blocked, JSON.stringify(plan.items.filter((i) => i.blocked))).toBe(false);
  const result = await applyPlan(plan, fs);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return plan;
}

/**
 * What must hold at any moment, interrupted or not: every agent config parses, and every line
 * and entry of the user's own is still there. Returns the problems (empty = holds).
 */
export function userContentProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const [p, lines] of Object.entries(MUST_KEEP)) {
    const file = join(dir, p);
    if (!existsSync(file)) {
      problems.push(`${p}: gone`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    if (p.endsWith(".json") || p.endsWith(".jsonc")) {
      const errors = parseJsonc(text).errors;
      if (errors.length > 0) problems.push(`${p}: does not parse: ${JSON.stringify(errors)}`);
    }
    if (p.endsWith(".toml")) {
      const errors = parseToml(text).errors;
      if (errors.length > 0) problems.push(`${p}: does not parse: ${JSON.stringify(errors)}`);
    }
    for (const line of lines) if (!text.includes(line)) problems.push(`${p}: lost ${JSON.stringify(line)}`);
  }
  for (const p of [".claude/settings.json", ".packs/state/dbt.json", ".packs/state/review.json"]) {
    const file = join(dir, p);
    if (existsSync(file) && parseJsonc(readFileSync(file, "utf8")).errors.length > 0) problems.push(`${p}: does not parse`);
  }
  return problems;
}

/** The user's files exactly as they were before packs: what removing every pack gives back. */
export function userFilesRestored(dir: string): string[] {
  return Object.entries(USER_FILES).flatMap(([p, text]) => (existsSync(join(dir, p)) && readFileSync(join(dir, p), "utf8") === text ? [] : [`${p}: not restored exactly`]));
}
