/**
 * `packs plan --from <ref> --to <ref>` through the real CLI, in a temp git repository:
 *   c0  a README only (no packs.yaml)
 *   c1  packs.yaml with one local pack, applied, and committed with its agent files and .packs/
 *   c2  the pack changed and a second pack added (not applied)        ← main, checked out
 *   c3  on branch `outside`: packs.yaml names a folder outside the repository
 * The plan between c1 and c2 must equal the plan of a clean checkout of c2, be printable as
 * Markdown, and leave the repository (working tree, index, refs) exactly as it was, including
 * uncommitted changes; the temporary copy must be gone afterwards.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, describeRun, readTree, removeProject, runCli, stackLines, treeObject, type CliResult } from "./harness.js";

const FILES_C1: Record<string, string> = {
  "packs.yaml": "version: 1\nagents: [opencode, claude-code]\npacks:\n  tools:\n    source: ./packs/tools\n",
  "packs/tools/PACK.yaml": 'name: tools\ndescription: Lint tools\nversion: 1.0.0\nmcp:\n  eslint:\n    type: stdio\n    command: ["npx", "-y", "@eslint/mcp@0.1.0"]\n',
  "packs/tools/skills/lint/SKILL.md": "---\nname: lint\ndescription: Lints the code. Use before committing.\n---\n\n# Lint\n\nRun the linter.\n",
  "opencode.jsonc": '{\n  // ours\n  "$schema": "https://opencode.ai/config.json"\n}\n',
};
const FILES_C2: Record<string, string> = {
  "packs.yaml": "version: 1\nagents: [opencode, claude-code]\npacks:\n  tools:\n    source: ./packs/tools\n  docs:\n    source: ./packs/docs\n",
  "packs/tools/PACK.yaml": 'name: tools\ndescription: Lint tools\nversion: 1.1.0\nmcp:\n  eslint:\n    type: stdio\n    command: ["npx", "-y", "@eslint/mcp@0.2.0"]\n',
  "packs/tools/skills/lint/SKILL.md": "---\nname: lint\ndescription: Lints the code. Use before committing.\n---\n\n# Lint\n\nRun the linter, then fix what it finds.\n",
  "packs/docs/PACK.yaml": "name: docs\ndescription: Documentation habits\nversion: 0.1.0\ninstructions: |\n  Every public function has a doc comment.\n",
};

let root: string; // holds the repository, a folder outside any repository, and TMPDIR for the CLI
let repo: string;
let runTmp: string;
const sha: Record<"c0" | "c1" | "c2" | "c3", string> = { c0: "", c1: "", c2: "", c3: "" };

function git(...args: string[]): string {
  return gitRaw(...args).trim();
}

function gitRaw(...args: string[]): string {
  return execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", ...args], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_NAME: "packs test", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "packs test", GIT_COMMITTER_EMAIL: "test@example.com", GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" },
    encoding: "utf8",
  });
}

function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  }
}

function commitAll(message: string): string {
  git("add", "-A");
  git("commit", "-q", "-m", message);
  return git("rev-parse", "HEAD");
}

/** The CLI with its temp folder (TMPDIR) in a place the test watches; outside any other repository. */
function packs(args: string[], cwd = repo): Promise<CliResult> {
  return runCli(cwd, args, { TMPDIR: runTmp, GIT_CEILING_DIRECTORIES: root });
}

/** Everything a run could disturb: the working tree's bytes, git's view of it, the index and the refs. */
function snapshot() {
  return {
    tree: treeObject(readTree(repo, (rel) => rel === ".git")),
    status: gitRaw("status", "--porcelain=v1", "--untracked-files=all", "--ignored"),
    index: fs.readFileSync(path.join(repo, ".git", "index")).toString("base64"),
    refs: git("for-each-ref", "--format=%(refname) %(objectname)"),
    head: git("rev-parse", "HEAD") + " " + git("symbolic-ref", "-q", "HEAD"),
  };
}

/** The item lines and the summary of a text plan: what changes, without the header notes. */
function itemLines(stdout: string): string[] {
  return stdout.split("\n").filter((l) => /^    [+~\-!=] /.test(l) || l.startsWith("Plan:") || l.startsWith("No changes."));
}

function expectUntouchedAround(before: ReturnType<typeof snapshot>): void {
  const after = snapshot();
  expect(after.tree).toEqual(before.tree);
  expect(after.status).toBe(before.status);
  expect(after.index).toBe(before.index);
  expect(after.refs).toBe(before.refs);
  expect(after.head).toBe(before.head);
  expect(fs.readdirSync(runTmp), "the temporary copy of the project was left behind").toEqual([]);
}

beforeAll(async () => {
  assertBuilt();
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "packs-e2e-fromto-")));
  repo = path.join(root, "repo");
  runTmp = path.join(root, "tmp");
  fs.mkdirSync(repo);
  fs.mkdirSync(runTmp);
  git("init", "-q");
  write({ "README.md": "# a project\n" });
  sha.c0 = commitAll("c0: readme");
  write(FILES_C1);
  const apply = await packs(["apply", "--yes"]);
  if (apply.status !== 0) throw new Error(describeRun(apply));
  sha.c1 = commitAll("c1: tools applied");
  write(FILES_C2);
  sha.c2 = commitAll("c2: tools 1.1.0, docs added");
  git("checkout", "-q", "-b", "outside");
  write({ "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  far:\n    source: ../../far-away\n" });
  sha.c3 = commitAll("c3: a pack outside the repository");
  git("checkout", "-q", "main");
}, 120_000);

afterAll(() => {
  if (root) removeProject(root);
});

describe("packs plan --from --to", () => {
  it("c1 applied and committed: its .packs/ and agent files are in the commit", () => {
    const files = git("ls-tree", "-r", "--name-only", sha.c1).split("\n");
    expect(files).toContain("packs.lock.yaml");
    expect(files).toContain(".packs/state/tools.json");
    expect(files).toContain(".mcp.json");
  });

  it("plans between two commits what a clean checkout of the later one plans, and touches nothing", async () => {
    const before = snapshot();
    const between = await packs(["plan", "--from", sha.c1, "--to", sha.c2]);
    expectUntouchedAround(before);
    expect(between.status, describeRun(between)).toBe(0);
    expect(stackLines(between.stdout + between.stderr)).toEqual([]);
    expect(between.stdout).toContain(`planned between commits: the project as committed at ${sha.c1} (${sha.c1.slice(0, 7)}), with packs.yaml, packs.lock.yaml and local packs as of ${sha.c2} (${sha.c2.slice(0, 7)})`);
    const lines = itemLines(between.stdout);
    expect(lines.some((l) => /^    ~ opencode\.jsonc#\/mcp\/eslint /.test(l)), lines.join("\n")).toBe(true);
    expect(lines.some((l) => /^    ~ \.mcp\.json#\/mcpServers\/eslint /.test(l)), lines.join("\n")).toBe(true);
    expect(lines.some((l) => /^    ~ \.claude\/skills\/lint\/SKILL\.md .*\+1 -1 lines/.test(l)), lines.join("\n")).toBe(true);
    expect(lines.some((l) => /^    \+ .*docs/.test(l)), lines.join("\n")).toBe(true);
    expect(lines.at(-1)).toMatch(/^Plan: \d+ to add, 3 to change, 0 to remove\.$/);
    expect(between.stdout).not.toContain("Run `packs apply`");

    // The working tree is a clean checkout of c2: the ordinary plan there must agree, item for item.
    const live = await packs(["plan"]);
    expect(live.status, describeRun(live)).toBe(0);
    expect(lines).toEqual(itemLines(live.stdout));
  });

  it("--to defaults to HEAD", async () => {
    const [a, b] = await Promise.all([packs(["plan", "--from", sha.c1]), packs(["plan", "--from", sha.c1, "--to", sha.c2])]);
    expect(a.status, describeRun(a)).toBe(0);
    expect(a.stdout).toContain(`as of HEAD (${sha.c2.slice(0, 7)})`);
    expect(itemLines(a.stdout)).toEqual(itemLines(b.stdout));
  });

  it("--detailed-exitcode: 2 when the commits differ, 0 when they plan nothing", async () => {
    const [changes, same] = await Promise.all([
      packs(["plan", "--from", sha.c1, "--to", sha.c2, "--detailed-exitcode"]),
      packs(["plan", "--from", sha.c1, "--to", sha.c1, "--detailed-exitcode"]),
    ]);
    expect(changes.status, describeRun(changes)).toBe(2);
    expect(same.status, describeRun(same)).toBe(0);
    expect(same.stdout).toContain("No changes.");
  });

  it("from a commit without packs.yaml, everything is new", async () => {
    const r = await packs(["plan", "--from", sha.c0, "--to", sha.c1, "--detailed-exitcode"]);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stdout).toContain(`${sha.c0} has no packs.yaml: the plan starts from a project without packs`);
    expect(r.stdout).toMatch(/^Plan: \d+ to add, 0 to change, 0 to remove\.$/m);
  });

  it("--format markdown: a pull-request comment, with the refs in the heading and no ANSI", async () => {
    const before = snapshot();
    const r = await packs(["plan", "--from", "main~1", "--to", "main", "--format", "markdown"], repo);
    expectUntouchedAround(before);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`### packs plan: \`main~1\` (\`${sha.c1.slice(0, 7)}\`) → \`main\` (\`${sha.c2.slice(0, 7)}\`)`);
    expect(r.stdout).toMatch(/^\*\*Plan:\*\* \d+ to add, 3 to change, 0 to remove\.$/m);
    expect(r.stdout).toContain("#### pack `tools` 1.1.0");
    expect(r.stdout).toContain("#### pack `docs` 0.1.0");
    expect(r.stdout).toContain("| | item | change | why |");
    expect(r.stdout).toMatch(/^\| `~` \| `opencode\.jsonc#\/mcp\/eslint` \| /m);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe("");
  });

  it("--json carries the plan and the two commits", async () => {
    const r = await packs(["plan", "--from", sha.c1, "--json"]);
    expect(r.status, describeRun(r)).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; plan: { summary: { change: number } }; between: unknown };
    expect(doc.ok).toBe(true);
    expect(doc.plan.summary.change).toBe(3);
    expect(doc.between).toEqual({ from: { ref: sha.c1, commit: sha.c1 }, to: { ref: "HEAD", commit: sha.c2 } });
  });

  it("ignores uncommitted changes, staged or not, and leaves them exactly as they were", async () => {
    const opencode = path.join(repo, "opencode.jsonc");
    const committed = fs.readFileSync(opencode, "utf8");
    try {
      fs.writeFileSync(opencode, committed.replace("@eslint/mcp@0.1.0", "@eslint/mcp@9.9.9-by-hand"));
      fs.writeFileSync(path.join(repo, "packs", "docs", "PACK.yaml"), "name: docs\ndescription: Documentation habits\nversion: 0.2.0\ninstructions: changed, and staged\n");
      git("add", "packs/docs/PACK.yaml");
      fs.writeFileSync(path.join(repo, "untracked.txt"), "not committed\n");
      const before = snapshot();
      expect(before.status).toContain(" M opencode.jsonc");
      expect(before.status).toContain("M  packs/docs/PACK.yaml");

      const [between, clean] = await Promise.all([packs(["plan", "--from", sha.c1, "--to", sha.c2]), packs(["plan", "--from", sha.c1, "--to", sha.c2, "--format", "markdown"])]);
      expectUntouchedAround(before);
      expect(between.status, describeRun(between)).toBe(0);
      expect(clean.status, describeRun(clean)).toBe(0);
      expect(between.stdout).not.toContain("9.9.9-by-hand");
      expect(between.stdout).not.toContain("changed by hand");
      expect(between.stdout).toContain("pack docs 0.1.0");
      expect(clean.stdout).not.toContain("9.9.9-by-hand");

      // The ordinary plan does see the hand edit: the between-refs plan really read the commits.
      const live = await packs(["plan"]);
      expect(live.stdout).toContain("changed by hand");
    } finally {
      git("reset", "-q", "--hard", "HEAD");
      fs.rmSync(path.join(repo, "untracked.txt"), { force: true });
    }
  });

  it("refuses a local pack outside the repository, naming it in packs.yaml", async () => {
    const r = await packs(["plan", "--from", sha.c1, "--to", "outside"]);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stderr).toMatch(/error\[cli\/source-outside-repo\] packs\.yaml:4:3: pack "far": \.\.\/\.\.\/far-away is outside the git repository/);
    expect(fs.readdirSync(runTmp)).toEqual([]);
  });

  it.each([
    ["an unknown ref", ["--from", "no-such-branch", "--to", "HEAD"], "error[cli/unknown-ref] --from no-such-branch: no such commit, branch or tag"],
    ["an unknown --to", ["--from", "HEAD", "--to", "0000000000000000000000000000000000000000"], "error[cli/unknown-ref] --to 0000000000000000000000000000000000000000"],
    ["no packs.yaml at --to", ["--from", "HEAD", "--to", "main~2"], "error[cli/no-packs-yaml-at-ref] packs.yaml: missing at --to main~2"],
    ["--to without --from", ["--to", "HEAD"], "error[cli/to-without-from] --to needs --from"],
    ["--out with --from", ["--from", "HEAD", "--out", "plan.json"], "error[cli/conflicting-flags] --out cannot be used with --from"],
    ["--json with --format markdown", ["--from", "HEAD", "--json", "--format", "markdown"], '"code": "cli/conflicting-flags"'],
  ])("exit 1 on %s, with a diagnostic and nothing written", async (_, args, message) => {
    const before = snapshot();
    const r = await packs(["plan", ...args]);
    expectUntouchedAround(before);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stderr + r.stdout).toContain(message);
    expect(stackLines(r.stderr + r.stdout)).toEqual([]);
  });

  it("exit 1 outside a git repository", async () => {
    const outside = path.join(root, "not-a-repo");
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, "packs.yaml"), FILES_C1["packs.yaml"]!);
    const r = await packs(["plan", "--from", "HEAD"], outside);
    expect(r.status, describeRun(r)).toBe(1);
    expect(r.stderr).toContain("error[cli/not-a-git-repo] . is not in a git repository");
    expect(fs.readdirSync(outside)).toEqual(["packs.yaml"]);
  });
});
