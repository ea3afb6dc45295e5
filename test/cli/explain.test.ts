/**
 * `packs explain ITEM`, in process: projects are made in temp folders by the real apply, then
 * explained by path, by folder and by address; hand edits and deletions show as drift; unowned
 * paths are the user's; bad addresses are errors. It never writes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./fake-io.js";
import { matchRecorded, parseItemQuery, type ItemQuery } from "../../src/engine/explain.js";
import type { RecordedItem } from "../../src/core/sidecar.js";
import { GitRemote } from "../e2e/sources/git-remote.js";


const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

function tmp(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-explain-"));
  roots.push(root);
  return root;
}


const run = (cwd: string, ...args: string[]) => runMain(cwd, args);

async function json(cwd: string, ...args: string[]): Promise<{ code: number; value: any }> {
  const r = await run(cwd, ...args, "--json");
  return { code: r.code, value: JSON.parse(r.stdout) };
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

/** Every file of the tree, as text, for "wrote nothing". */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out[p] = fs.readFileSync(path.join(root, p), "utf8");
    }
  };
  walk("");
  return out;
}

const TEAM_PACK = {
  "packs/team/PACK.yaml": "name: team\nversion: 1.2.0\ndescription: The team pack\ninstructions: |\n  Be kind in reviews.\nmcp:\n  gh:\n    command: [npx, gh-mcp]\nplugins: [\"@acme/review-plugin@1.0.0\"]\n",
  "packs/team/skills/review/SKILL.md": "---\nname: review\ndescription: Reviews changes\n---\nReview carefully.\n",
  "packs/team/skills/review/checklist.md": "- tests\n",
};

/**
 * A project with one local pack applied for opencode, codex and claude-code: its skill goes to
 * .claude/skills (claude-code, and opencode reads it there) and .codex/skills (codex); its
 * instructions to AGENTS.md (codex; opencode reads it too) and .claude/rules/team.md.
 */
async function appliedProject(): Promise<string> {
  const project = path.join(tmp(), "p");
  write(project, {
    ...TEAM_PACK,
    "packs.yaml": "version: 1\nagents: [opencode, codex, claude-code]\npacks:\n  team:\n    source: ./packs/team\n",
    "opencode.jsonc": '{\n  // my settings\n  "mcp": {\n    "mine": { "type": "local", "command": ["mine"] }\n  }\n}\n',
    "README.md": "# hello\n",
  });
  const applied = await run(project, "apply", "--yes");
  expect(applied.code, applied.stderr).toBe(0);
  return project;
}

describe("packs explain", () => {
  it("explains a config file: every entry packs owns in it, and that the rest is yours", async () => {
    const project = await appliedProject();
    const before = snapshot(project);
    const r = await run(project, "explain", "opencode.jsonc");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("opencode.jsonc: packs owns 2 entries in this file (pack team)");
    expect(r.stdout).toMatch(/in sync +#\/mcp\/gh +MCP server \(local: npx gh-mcp\); team; opencode/);
    expect(r.stdout).toMatch(/in sync +#\/plugin\/@acme\/review-plugin +npm plugin @acme\/review-plugin@1\.0\.0; team; opencode/);
    expect(r.stdout).toContain("Everything else in this file is yours");
    expect(r.stdout).not.toContain("mine");
    expect(r.stdout).toContain("pack team 1.2.0\n  source     ./packs/team (local)\n  pin        the folder ./packs/team, read as it is on every run\n  tier       community\n");
    const j = await json(project, "explain", "opencode.jsonc");
    expect(j.code).toBe(0);
    expect(j.value).toMatchObject({ format_version: "1", ok: true, kind: "file", target: "opencode.jsonc", created: false });
    expect(j.value.items.map((i: { address: string }) => i.address)).toEqual(["opencode.jsonc#/mcp/gh", "opencode.jsonc#/plugin/@acme/review-plugin"]);
    expect(j.value.packs).toMatchObject([{ key: "team", in_packs_yaml: true, source_now: "./packs/team", lock: { kind: "local", resolved: "./packs/team", version: "1.2.0", tier: "community" } }]);
    expect(snapshot(project)).toEqual(before);
  });

  it("explains one entry by its address: owner, agents, state and hashes, source and pin", async () => {
    const project = await appliedProject();
    const r = await run(project, "explain", "opencode.jsonc#/mcp/gh");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^opencode\.jsonc#\/mcp\/gh: owned by pack team\n  what +MCP server \(local: npx gh-mcp\)\n  pack +team\n  agents +opencode\n  state +in sync\n  hash +sha256-/);
    const j = await json(project, "explain", "opencode.jsonc#/mcp/gh");
    const [item] = j.value.items;
    expect(item).toMatchObject({ address: "opencode.jsonc#/mcp/gh", kind: "entry", owners: ["team"], agent: "opencode", serves: ["opencode"], state: "in-sync", adopted: false });
    expect(item.on_disk).toBe(item.recorded);
    const lock = fs.readFileSync(path.join(project, "packs.lock.yaml"), "utf8");
    expect(lock).toContain(`address: opencode.jsonc#/mcp/gh\n    agent: opencode\n    hash: ${item.recorded}`);
  });

  it("explains a TOML entry and a Markdown section, with every agent that reads it", async () => {
    const project = await appliedProject();
    const toml = await json(project, "explain", ".codex/config.toml#/mcp_servers/gh");
    expect(toml.value.items).toMatchObject([{ kind: "entry", agent: "codex", state: "in-sync" }]);
    const section = await json(project, "explain", "AGENTS.md#packs:team");
    expect(section.value).toMatchObject({ kind: "item", items: [{ address: "AGENTS.md#packs:team", kind: "section", agent: "codex", serves: ["codex", "opencode"] }] });
    const whole = await run(project, "explain", "AGENTS.md");
    expect(whole.stdout).toContain("AGENTS.md: packs owns 1 section in this file (pack team); packs created the file");
    expect(whole.stdout).toContain("outside the packs:begin / packs:end markers) is yours");
  });

  it("explains a skill folder (with or without the slash) and one file of it", async () => {
    const project = await appliedProject();
    const { value } = await json(project, "explain", ".claude/skills/review/");
    expect(value).toMatchObject({ kind: "folder", target: ".claude/skills/review/", created: true });
    expect(value.items.map((i: { address: string; serves: string[] }) => [i.address, i.serves])).toEqual([
      [".claude/skills/review/SKILL.md", ["claude-code", "opencode"]],
      [".claude/skills/review/checklist.md", ["claude-code", "opencode"]],
    ]);
    const text = await run(project, "explain", ".claude/skills/review");
    expect(text.stdout).toContain(".claude/skills/review: packs owns 2 files in this folder (pack team); packs created the folder");
    expect(text.stdout).toMatch(/\.claude\/skills\/review\/ \(skill review; claude-code, opencode \(opencode reads it too\)\)\n +in sync +SKILL\.md +team\n +in sync +checklist\.md +team\n/);
    expect(text.stdout).toContain("Any other file in this folder is yours");
    const one = await json(project, "explain", "./.codex/skills/review/SKILL.md");
    expect(one.value).toMatchObject({ kind: "item", target: ".codex/skills/review/SKILL.md", items: [{ agent: "codex", serves: ["codex"], group: ".codex/skills/review/" }] });
    const abs = await json(project, "explain", path.join(project, ".mcp.json"));
    expect(abs.value).toMatchObject({ kind: "file", target: ".mcp.json", created: true, items: [{ address: ".mcp.json#/mcpServers/gh" }] });
    const skills = await json(project, "explain", ".claude");
    expect(skills.value.items.map((i: { address: string }) => i.address)).toEqual([".claude/rules/team.md", ".claude/skills/review/SKILL.md", ".claude/skills/review/checklist.md"]);
  });

  it("shows a hand edit as changed, a deleted file as deleted, with both hashes", async () => {
    const project = await appliedProject();
    const file = path.join(project, "opencode.jsonc");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"gh-mcp"', '"gh-mcp@2"'));
    fs.rmSync(path.join(project, ".claude/skills/review/checklist.md"));
    const before = snapshot(project);
    const entry = await run(project, "explain", "opencode.jsonc#/mcp/gh");
    expect(entry.code).toBe(0);
    expect(entry.stdout).toMatch(/state +changed by hand\n  recorded +sha256-\S+\n  on disk +sha256-\S+\n/);
    expect(entry.stdout).toContain("--adopt keeps yours, --force restores the pack's");
    const j = await json(project, "explain", "opencode.jsonc#/mcp/gh");
    expect(j.value.items[0].state).toBe("changed");
    expect(j.value.items[0].on_disk).not.toBe(j.value.items[0].recorded);
    const folder = await json(project, "explain", ".claude/skills/review");
    expect(folder.value.items.map((i: { state: string; on_disk: string | null }) => [i.state, i.on_disk === null])).toEqual([["in-sync", false], ["deleted", true]]);
    const text = await run(project, "explain", ".claude/skills/review/checklist.md");
    expect(text.stdout).toMatch(/state +deleted\n  recorded +sha256-\S+\n  on disk +\(nothing\)\n/);
    expect(text.stdout).toContain("The next `packs apply` writes it again");
    const check = await run(project, "check");
    expect(check.code).toBe(2);
    expect(check.stdout).toContain("drift   .claude/skills/review/checklist.md: deleted since the last apply");
    expect(check.stdout).toContain("drift   opencode.jsonc#/mcp/gh: changed since the last apply");
    expect(snapshot(project)).toEqual(before);
  });

  it("agrees with packs check on what drifted (the ignore: rules included)", async () => {
    const project = await appliedProject();
    fs.appendFileSync(path.join(project, "packs.yaml"), "ignore:\n  opencode.jsonc: [/mcp/*/enabled]\n");
    const file = path.join(project, "opencode.jsonc");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"command": [\n        "npx"', '"enabled": false,\n      "command": [\n        "npx"'));
    expect(fs.readFileSync(file, "utf8")).toContain('"enabled": false');
    const j = await json(project, "explain", "opencode.jsonc#/mcp/gh");
    expect(j.value.items[0].state).toBe("in-sync");
  });

  it("says a path packs does not manage is yours, and exits 0", async () => {
    const project = await appliedProject();
    const r = await run(project, "explain", "README.md");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe("README.md: not managed by packs: it is yours\n");
    const missing = await json(project, "explain", "nothing/here.md");
    expect(missing).toMatchObject({ code: 0, value: { ok: true, kind: "unmanaged", exists: false, items: [], packs: [] } });
    const entry = await json(project, "explain", "opencode.jsonc#/mcp/mine");
    expect(entry.value).toMatchObject({ kind: "unmanaged", exists: true });
  });

  it("explains a JSON container above owned entries", async () => {
    const project = await appliedProject();
    const { value } = await json(project, "explain", "opencode.jsonc#/mcp");
    expect(value).toMatchObject({ kind: "container", items: [{ address: "opencode.jsonc#/mcp/gh" }] });
  });

  it("names packs' own files as such", async () => {
    const project = await appliedProject();
    for (const [p, want] of [["packs.lock.yaml", "packs' own file"], ["packs.yaml", "is yours: packs reads it"], [".packs/state/team.json", ".packs/ is packs' own folder"]] as const) {
      const r = await run(project, "explain", p);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(want);
    }
  });

  it("notes a pack that packs.yaml no longer lists", async () => {
    const project = await appliedProject();
    fs.writeFileSync(path.join(project, "packs.yaml"), "version: 1\nagents: [opencode, codex, claude-code]\npacks: {}\n");
    const r = await run(project, "explain", ".mcp.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("pack team 1.2.0 (no longer in packs.yaml)");
    expect(r.stdout).toContain('note: pack "team" is no longer in packs.yaml: the next `packs apply` removes what it owns');
  });

  it("reports an unparseable config file as a warning and its items as unknown", async () => {
    const project = await appliedProject();
    fs.writeFileSync(path.join(project, "opencode.jsonc"), "{ broken");
    const r = await json(project, "explain", "opencode.jsonc");
    expect(r.code).toBe(0);
    expect(r.value.items.map((i: { state: string }) => i.state)).toEqual(["unreadable", "unreadable"]);
    const text = await run(project, "explain", "opencode.jsonc#/mcp/gh");
    expect(text.stderr).toContain("warning[config/invalid-jsonc] opencode.jsonc:1:3");
    expect(text.stdout).toContain("state      unknown (the file does not parse)");
    expect(r.value.diagnostics).toMatchObject([{ code: "config/invalid-jsonc", severity: "warning", location: { file: "opencode.jsonc" } }]);
  });

  it("shows a git pack's commit, ref and path", async () => {
    const root = tmp();
    const remote = new GitRemote(root, "r");
    for (const [rel, text] of Object.entries(TEAM_PACK)) remote.write(rel, text);
    const sha = remote.commit("one", "v1");
    const project = path.join(root, "p");
    write(project, { "packs.yaml": `version: 1\nagents: [claude-code]\npacks:\n  team:\n    source: git+${remote.url}\n    ref: v1\n    path: packs/team\n` });
    expect((await run(project, "apply", "--yes")).code).toBe(0);
    const r = await run(project, "explain", ".mcp.json#/mcpServers/gh");
    expect(r.stdout).toContain(`pack team 1.2.0\n  source     git+${remote.url} (git)\n  commit     ${sha}\n  ref        v1\n  path       packs/team\n  remote     ${remote.url}\n  tier       community\n`);
    const j = await json(project, "explain", ".claude/skills/review/");
    expect(j.value.packs[0].lock).toMatchObject({ kind: "git", resolved: sha, ref: "v1", path: "packs/team" });
  });

  it.each([
    ["opencode.jsonc#mcp/gh", "neither a JSON pointer"],
    ["opencode.jsonc#", "has nothing after the #"],
    ["#/mcp/gh", "names no file before the #"],
    ["AGENTS.md#packs:", "empty section id"],
    ["opencode.jsonc#/mcp/a~2b", "not ~0 or ~1"],
    ["../elsewhere.json", "outside the project"],
    ["/definitely/not/in/the/project.json", "outside the project"],
    [".claude/skills/#/x", "names a folder before the #"],
  ])("refuses %s: exit 1, explain/bad-address", async (item, why) => {
    const project = await appliedProject();
    const r = await run(project, "explain", item);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[explain/bad-address]");
    expect(r.stderr).toContain(why);
    const j = await json(project, "explain", item);
    expect(j).toMatchObject({ code: 1, value: { ok: false, diagnostics: [{ code: "explain/bad-address", severity: "error" }] } });
  });

  it("fails on a broken lock, like every command that reads it", async () => {
    const project = await appliedProject();
    const lock = path.join(project, "packs.lock.yaml");
    fs.writeFileSync(lock, fs.readFileSync(lock, "utf8").replace("kind: local", "kind: ftp"));
    const r = await run(project, "explain", ".mcp.json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[lock/invalid]");
  });

  it("works without packs.yaml and without a lock, from the records alone", async () => {
    const project = await appliedProject();
    fs.rmSync(path.join(project, "packs.yaml"));
    fs.rmSync(path.join(project, "packs.lock.yaml"));
    const r = await json(project, "explain", "AGENTS.md#packs:team");
    expect(r.code).toBe(0);
    expect(r.value.packs).toEqual([{ key: "team", in_packs_yaml: null }]);
    expect(r.value.items[0].serves).toEqual(["codex", "opencode"]);
    expect(r.value.notes.join("\n")).toContain("has no entry in packs.lock.yaml (there is no lock)");
  });
});

describe("matching ITEM against the records", () => {
  const rec = (address: RecordedItem["address"]): RecordedItem => ({ address, agent: "opencode", owners: ["a"], written: "w", base: "w" });
  const records = [
    rec({ kind: "entry", path: "opencode.json", pointer: ["mcp", "a/b"] }),
    rec({ kind: "element", path: "opencode.json", array: ["plugin"], key: "@scope/pkg", match: "npm-name" }),
    rec({ kind: "file", path: ".agents/skills/x/SKILL.md" }),
    rec({ kind: "section", path: "AGENTS.md", id: "a" }),
  ];
  const q = (s: string) => parseItemQuery(s, () => undefined) as ItemQuery;

  it("matches an escaped pointer, an npm element and a section by their addresses", () => {
    expect(matchRecorded(q("opencode.json#/mcp/a~1b"), records).items).toEqual([records[0]]);
    expect(matchRecorded(q("opencode.json#/plugin/@scope/pkg"), records).items).toEqual([records[1]]);
    expect(matchRecorded(q("AGENTS.md#packs:a"), records)).toMatchObject({ kind: "item", items: [records[3]] });
    expect(matchRecorded(q("AGENTS.md#packs:b"), records).kind).toBe("unmanaged");
  });

  it("normalises paths: ./, backslashes, doubled slashes, the project root", () => {
    expect(q("./.agents//skills\\x/")).toEqual({ kind: "path", path: ".agents/skills/x", dir: true });
    expect(matchRecorded(q("."), records)).toMatchObject({ kind: "folder" });
    expect(matchRecorded(q("."), records).items).toHaveLength(4);
    expect(matchRecorded(q(".agents"), records).items).toEqual([records[2]]);
    expect(matchRecorded(q(".agent"), records).kind).toBe("unmanaged");
  });
});
