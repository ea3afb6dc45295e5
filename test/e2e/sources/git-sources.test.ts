/**
 * Git sources end to end, through the real CLI: pins in the lock, a teammate reproducing the
 * same bytes, --offline from the cache, --frozen refusing a moved tag or an unpinned change,
 * packs update moving a pin, and clear errors for bad refs, paths and remotes.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readReal } from "../../real-fixtures.js";
import { assertBuilt, readTree, runCli, type CliResult } from "../harness.js";
import { GitRemote, packFiles } from "./git-remote.js";

let root: string;
beforeAll(() => {
  assertBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-git-"));
});

/** A project folder with its own cache, unless one is shared (a teammate on the same machine does not share). */
function project(name: string, packsYaml: string, cache = path.join(root, `${name}-cache`)) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "packs.yaml"), packsYaml);
  const run = (...args: string[]): Promise<CliResult> => runCli(dir, args, { PACKS_CACHE_DIR: cache });
  return { dir, cache, run, file: (rel: string) => fs.readFileSync(path.join(dir, rel), "utf8") };
}

function remoteWithPack(name: string): { remote: GitRemote; v1: string } {
  const remote = new GitRemote(root, name);
  for (const [rel, text] of Object.entries(packFiles("team", "1.0.0", "Version one."))) remote.write(`packs/team/${rel}`, text);
  remote.write("README.md", "not part of the pack\n");
  const v1 = remote.commit("one", "v1");
  return { remote, v1 };
}

const yamlFor = (url: string, extra = "    ref: v1\n") => `version: 1\nagents: [claude-code]\npacks:\n  team:\n    source: git+${url}\n${extra}    path: packs/team\n`;

describe("git sources", () => {
  it("pins the commit a tag names, and a teammate with a fresh cache gets the same bytes after the branch moved", async () => {
    const { remote, v1 } = remoteWithPack("pin");
    const a = project("pin-a", yamlFor(remote.url));
    const applied = await a.run("apply", "--yes");
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`pack team 1.0.0 (git+${remote.url} @ ${v1.slice(0, 7)})`);
    expect(applied.stdout).toContain(`lock: pins ${v1.slice(0, 7)} (new)`);
    const lock = a.file("packs.lock.yaml");
    expect(lock).toContain(`resolved: ${v1}\n`);
    expect(lock).toContain("kind: git\n");
    expect(lock).toContain(`url: ${remote.url}\n`);
    expect(a.file(".claude/skills/review/SKILL.md")).toContain("Version one.");
    expect((await a.run("plan", "--frozen", "--detailed-exitcode")).status).toBe(0);

    // The branch moves on; the tag stays. A teammate clones the project (packs.yaml + lock).
    for (const [rel, text] of Object.entries(packFiles("team", "2.0.0", "Version two."))) remote.write(`packs/team/${rel}`, text);
    remote.commit("two");
    const b = project("pin-b", a.file("packs.yaml"));
    fs.writeFileSync(path.join(b.dir, "packs.lock.yaml"), lock);
    expect((await b.run("apply", "--yes", "--frozen")).status).toBe(0);
    const tree = (d: string) => Object.fromEntries(Object.entries(readTree(d)).filter(([p]) => !p.startsWith(".packs/tmp")));
    expect(tree(b.dir)).toEqual(tree(a.dir));
  });

  it("the lock's bytes are stable: locking again, applying again and reordering packs.yaml change nothing", async () => {
    const { remote } = remoteWithPack("stable");
    const second = new GitRemote(root, "stable-2");
    second.write("PACK.yaml", "name: other\nversion: 0.1.0\ndescription: Other\n").write("skills/lint/SKILL.md", "---\nname: lint\ndescription: Lints\n---\nLint.\n");
    second.commit("other", "v0.1.0");
    const both = (first: "team" | "other") => {
      const team = `  team:\n    source: git+${remote.url}\n    ref: v1\n    path: packs/team\n`;
      const other = `  other:\n    source: git+${second.url}\n    ref: v0.1.0\n`;
      return `version: 1\nagents: [claude-code]\npacks:\n${first === "team" ? team + other : other + team}`;
    };
    const a = project("stable", both("team"));
    expect((await a.run("apply", "--yes")).status).toBe(0);
    const lock = a.file("packs.lock.yaml");
    expect(lock.indexOf("  other:")).toBeLessThan(lock.indexOf("  team:")); // sorted, not in file order
    expect((await a.run("lock")).stdout).toContain("packs.lock.yaml is up to date.");
    expect((await a.run("apply", "--yes")).status).toBe(0);
    fs.writeFileSync(path.join(a.dir, "packs.yaml"), both("other"));
    expect((await a.run("lock")).status).toBe(0);
    expect(a.file("packs.lock.yaml")).toBe(lock);
  });

  it("the cache keeps only branches and tags, not every ref the host has (GitHub's refs/pull/*)", async () => {
    const { remote, v1 } = remoteWithPack("refs");
    execFileSync("git", ["--git-dir", remote.bare, "update-ref", "refs/pull/1/head", v1]);
    const a = project("refs", yamlFor(remote.url));
    expect((await a.run("lock")).status).toBe(0);
    const [mirror] = fs.readdirSync(path.join(a.cache, "git"));
    const refs = execFileSync("git", ["--git-dir", path.join(a.cache, "git", mirror!), "for-each-ref", "--format=%(refname)"], { encoding: "utf8" }).split("\n").filter(Boolean);
    expect(refs.sort()).toEqual(["refs/heads/main", "refs/tags/v1"]);
  });

  it("--offline works from the cache, and without one fails naming the pack, writing nothing", async () => {
    const { remote } = remoteWithPack("offline");
    const a = project("offline-a", yamlFor(remote.url));
    expect((await a.run("lock")).status).toBe(0);
    fs.renameSync(remote.bare, `${remote.bare}.gone`); // the remote is unreachable from now on
    const offline = await a.run("apply", "--yes", "--offline");
    expect(offline.status, offline.stderr).toBe(0);
    expect(a.file(".claude/skills/review/SKILL.md")).toContain("Version one.");

    const b = project("offline-b", a.file("packs.yaml"));
    const before = readTree(b.dir);
    const r = await b.run("apply", "--yes", "--offline");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("source/offline-missing");
    expect(r.stderr).toContain('pack "team"');
    expect(readTree(b.dir)).toEqual(before);

    // Online but unreachable, with a cache: the stale mirror is used and the plan says so.
    const stale = await a.run("plan");
    expect(stale.status, stale.stderr).toBe(0);
    expect(stale.stdout).toMatch(/could not reach file:\/\/.*; using the cached mirror fetched \d+ seconds? ago/);
    fs.renameSync(`${remote.bare}.gone`, remote.bare);
  });

  it("a moved tag is warned, refused by --frozen, and moved only by packs update", async () => {
    const { remote, v1 } = remoteWithPack("retag");
    const a = project("retag", yamlFor(remote.url));
    expect((await a.run("apply", "--yes")).status).toBe(0);
    remote.write("packs/team/skills/review/SKILL.md", "---\nname: review\ndescription: Reviews changes\n---\nSneaky.\n");
    const v1b = remote.commit("re-tagged", "v1");

    const plan = await a.run("plan", "--detailed-exitcode");
    expect(plan.status).toBe(0);
    expect(plan.stderr + plan.stdout).toContain(`tag v1 moved since the lock: ${v1.slice(0, 7)} → ${v1b.slice(0, 7)}`);
    const frozenDir = readTree(a.dir);
    const frozen = await a.run("apply", "--yes", "--frozen");
    expect(frozen.status).toBe(1);
    expect(frozen.stderr).toContain("error[source/tag-moved]");
    expect(readTree(a.dir)).toEqual(frozenDir);

    const update = await a.run("update", "team");
    expect(update.status, update.stderr).toBe(0);
    expect(update.stdout).toContain(`team 1.0.0: ${v1.slice(0, 7)} → ${v1b.slice(0, 7)}`);
    expect(a.file(".claude/skills/review/SKILL.md")).toContain("Version one."); // update touches only the lock
    const applied = await a.run("apply", "--yes");
    expect(applied.status).toBe(0);
    expect(a.file(".claude/skills/review/SKILL.md")).toContain("Sneaky.");
  });

  it("a branch ref floats: flagged in the plan, the lock holds it until packs update", async () => {
    const { remote, v1 } = remoteWithPack("branch");
    const a = project("branch", yamlFor(remote.url, "    ref: main\n"));
    const applied = await a.run("apply", "--yes");
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain("floating: the source can move");
    expect(a.file("packs.lock.yaml")).toContain("floating: true\n");
    remote.write("packs/team/skills/review/SKILL.md", "---\nname: review\ndescription: Reviews changes\n---\nNewer.\n");
    const next = remote.commit("next");
    const plan = await a.run("plan", "--detailed-exitcode");
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain(`main moved since the lock: ${v1.slice(0, 7)} → ${next.slice(0, 7)}`);
    expect((await a.run("plan", "--frozen", "--detailed-exitcode")).status).toBe(0); // a branch moving is not an error
    expect((await a.run("update")).stdout).toContain(`${v1.slice(0, 7)} → ${next.slice(0, 7)}`);
    const changed = await a.run("plan", "--detailed-exitcode");
    expect(changed.status).toBe(2);
    expect(changed.stdout).toContain("~ .claude/skills/review/");
  });

  it("changing ref in packs.yaml re-resolves it; --frozen names the mismatch", async () => {
    const { remote } = remoteWithPack("reref");
    const v2 = (() => {
      remote.write("packs/team/PACK.yaml", "name: team\nversion: 2.0.0\ndescription: The team pack\n");
      return remote.commit("two", "v2");
    })();
    const a = project("reref", yamlFor(remote.url));
    expect((await a.run("apply", "--yes")).status).toBe(0);
    fs.writeFileSync(path.join(a.dir, "packs.yaml"), yamlFor(remote.url, "    ref: v2\n"));
    const frozen = await a.run("plan", "--frozen");
    expect(frozen.status).toBe(1);
    expect(frozen.stderr).toContain(`packs.yaml asks for git+${remote.url}, ref v2, path packs/team, the lock pins git+${remote.url}, ref v1, path packs/team`);
    const plan = await a.run("plan");
    expect(plan.stdout).toContain(`→ ${v2.slice(0, 7)}`);
    expect(plan.stdout).toContain("pack team 2.0.0");
  });

  it.each([
    ["an unknown ref", (url: string) => yamlFor(url, "    ref: v9\n"), ["source/ref-not-found", 'ref "v9" does not exist', "Known tags and branches:", "v1"]],
    ["a path that is not in the repository", (url: string) => yamlFor(url).replace("path: packs/team", "path: packs/nope"), ["source/path-not-found", 'path "packs/nope" is not a folder']],
    ["a remote that does not exist", () => yamlFor("file:///nonexistent/packs.git"), ["source/fetch-failed", "could not fetch file:///nonexistent/packs.git"]],
  ])("%s is an error naming the pack, and nothing is written", async (name, yaml, messages) => {
    const { remote } = remoteWithPack(`bad-${name.replace(/\W+/g, "-")}`);
    const a = project(`bad-${name.replace(/\W+/g, "-")}`, yaml(remote.url));
    const before = readTree(a.dir);
    const r = await a.run("apply", "--yes");
    expect(r.status).toBe(1);
    for (const m of messages) expect(r.stderr).toContain(m);
    expect(r.stderr).toContain("packs.yaml:4:3");
    expect(readTree(a.dir)).toEqual(before);
  });

  it("a Claude Code plugin repository (the real superpowers plugin.json) is a pack: its skills and .mcp.json servers go to every agent", async () => {
    const remote = new GitRemote(root, "plugin");
    remote.write(".claude-plugin/plugin.json", readReal("superpowers/.claude-plugin/plugin.json"));
    remote.write("skills/brainstorming/SKILL.md", "---\nname: brainstorming\ndescription: Explore ideas before code\n---\nAsk one question at a time.\n");
    remote.write(".mcp.json", readReal("modelcontextprotocol-servers/.mcp.json"));
    remote.write("commands/plan.md", "# a Claude-only command\n");
    const sha = remote.commit("plugin", "v6.2.0");
    const a = project("plugin", `version: 1\nagents: [claude-code, codex]\npacks:\n  superpowers:\n    source: git+${remote.url}\n    ref: v6.2.0\n`);
    const r = await a.run("apply", "--yes");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("pack superpowers 6.2.0");
    expect(r.stdout).toContain("pack/component-skipped");
    expect(a.file(".claude/skills/brainstorming/SKILL.md")).toContain("Ask one question at a time.");
    expect(a.file(".agents/skills/brainstorming/SKILL.md")).toContain("Ask one question at a time.");
    expect(a.file(".codex/config.toml")).toContain("[mcp_servers.");
    expect(a.file("packs.lock.yaml")).toContain(`resolved: ${sha}\n`);
  });

  it("github:owner/repo is fetched from GitHub's URL (rewritten here to a local remote by git's own url.insteadOf)", async () => {
    const { remote, v1 } = remoteWithPack("gh");
    const dir = path.join(root, "gh");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "packs.yaml"), "version: 1\nagents: [claude-code]\npacks:\n  team:\n    source: github:acme/agent-packs\n    ref: v1\n    path: packs/team\n");
    const env = { PACKS_CACHE_DIR: path.join(root, "gh-cache"), GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: `url.${remote.url}.insteadOf`, GIT_CONFIG_VALUE_0: "https://github.com/acme/agent-packs.git" };
    const r = await runCli(dir, ["apply", "--yes"], env);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, "packs.lock.yaml"), "utf8")).toContain(`url: https://github.com/acme/agent-packs.git\n`);
    expect(fs.readFileSync(path.join(dir, "packs.lock.yaml"), "utf8")).toContain(`resolved: ${v1}\n`);
  });
});
