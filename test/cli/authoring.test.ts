/**
 * `packs init`, `packs add` and `packs remove`, in process, in temp projects: what they write,
 * what they print, what they refuse (writing nothing), and that plan reads what they wrote.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./fake-io.js";
import { initialPacksYaml } from "../../src/config/packs-yaml-template.js";
import { loadProjectConfig } from "../../src/config/load-project-config.js";


const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** A temp project holding `files` (path → text). */
function project(files: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-authoring-"));
  roots.push(root);
  const dir = path.join(root, "p");
  fs.mkdirSync(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}


const run = (dir: string, ...args: string[]) => runMain(dir, args);

/** Every file of the project folder, path → bytes as text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(dir, abs)] = fs.readFileSync(abs, "utf8");
    }
  };
  walk(dir);
  return out;
}

const read = (dir: string) => fs.readFileSync(path.join(dir, "packs.yaml"), "utf8");
const PACK = { "packs/basics/PACK.yaml": "name: team-basics\ndescription: The basics.\nskills: [writing]\n", "packs/basics/skills/writing/SKILL.md": "---\nname: writing\ndescription: Write.\n---\nWrite well.\n" };

/** Runs packs and checks it refused with `code`, printing it, and changed no file. */
async function refuses(dir: string, args: string[], code: string): Promise<string> {
  const before = tree(dir);
  const r = await run(dir, ...args);
  expect(r.code, r.stdout + r.stderr).toBe(1);
  expect(r.stderr).toContain(`error[${code}]`);
  expect(r.stderr).toContain("nothing was written");
  expect(tree(dir)).toEqual(before);
  return r.stderr;
}

describe("packs init", () => {
  it("detects the agents from their files and writes a packs.yaml that says so and loads", async () => {
    const dir = project({ "CLAUDE.md": "# us\n", ".codex/config.toml": "" });
    const r = await run(dir, "init");
    expect(r.code, r.stderr).toBe(0);
    const text = read(dir);
    expect(text).toBe(initialPacksYaml(["claude-code", "codex"], "Detected from the project's files: claude-code (found CLAUDE.md), codex (found .codex)."));
    expect(loadProjectConfig("packs.yaml", text).config).toMatchObject({ agents: ["claude-code", "codex"], packs: [] });
    expect(r.stdout).toContain("Wrote packs.yaml: agents claude-code, codex (detected: claude-code (found CLAUDE.md), codex (found .codex)), no packs yet.");
    expect(r.stdout).toContain("packs add ");
    expect(r.stdout).toContain("packs plan");
    expect(r.stderr).toBe("");
  });

  it("without any agent's files: opencode, saying it is the default", async () => {
    const dir = project({ "README.md": "x\n" });
    expect((await run(dir, "init")).code).toBe(0);
    expect(read(dir)).toContain("# The agents to set up. No agent's files were found at the project root, so this is the default,\n# opencode.");
    expect(read(dir)).toContain("\nagents: [opencode]\n");
  });

  it("--agents chooses them, and is checked", async () => {
    const dir = project({ "CLAUDE.md": "" });
    expect((await run(dir, "init", "--agents", "cursor,gemini")).code).toBe(0);
    expect(read(dir)).toContain("Chosen with packs init --agents.");
    expect(read(dir)).toContain("\nagents: [cursor, gemini]\n");
    const other = project();
    expect(await refuses(other, ["init", "--agents", "cursor,claude"], "init/bad-agents")).toContain('unknown agent "claude"');
    expect(fs.existsSync(path.join(other, "packs.yaml"))).toBe(false);
  });

  it("never replaces an existing packs.yaml without --force", async () => {
    const dir = project({ "packs.yaml": "version: 1\n" });
    expect(await refuses(dir, ["init"], "init/exists")).toContain("packs add");
  });

  it("with --force, replaces only a packs.yaml that sets nothing init would not write again", async () => {
    const bare = project({ "packs.yaml": "# old\nversion: 1\nagents: [codex]\npacks: {}\n", ".cursor/rules.md": "" });
    const r = await run(bare, "init", "--force");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Replaced packs.yaml: agents cursor");
    expect(read(bare)).toContain("\nagents: [cursor]\n");

    const withPacks = project({ "packs.yaml": "version: 1\npacks:\n  a:\n    source: ./a\n" });
    expect(await refuses(withPacks, ["init", "--force"], "init/exists")).toContain("holds pack a; --force does not replace it");
    const withPolicy = project({ "packs.yaml": "version: 1\npolicy:\n  floating: deny\n" });
    expect(await refuses(withPolicy, ["init", "--force"], "init/exists")).toContain("holds policy:");
    const broken = project({ "packs.yaml": "version: [\n" });
    await refuses(broken, ["init", "--force"], "init/exists");
  });

  it("--force on what init wrote, with the same agents, writes nothing", async () => {
    const dir = project({ "opencode.json": "{}\n" });
    expect((await run(dir, "init")).code).toBe(0);
    const before = tree(dir);
    const r = await run(dir, "init", "--force", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      format_version: "1", ok: true, file: "packs.yaml", written: false, replaced: false, agents: ["opencode"], agents_from: "detected", detected: [{ agent: "opencode", marker: "opencode.json" }],
    });
    expect(tree(dir)).toEqual(before);
  });

  it("--cwd writes into that folder; a folder that does not exist is an error", async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, "sub"));
    expect((await run(dir, "--cwd", "sub", "init", "--agents", "codex")).code).toBe(0);
    expect(fs.existsSync(path.join(dir, "sub", "packs.yaml"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "packs.yaml"))).toBe(false);
    await refuses(dir, ["--cwd", "missing", "init"], "init/no-folder");
    expect(fs.existsSync(path.join(dir, "missing"))).toBe(false);
  });
});

describe("packs add", () => {
  const INIT = initialPacksYaml(["opencode"], "Chosen.");

  it("adds a local pack under its PACK.yaml name, prints the next step, and plan reads it", async () => {
    const dir = project({ "packs.yaml": INIT, ...PACK });
    const r = await run(dir, "add", "./packs/basics");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      "Added pack team-basics to packs.yaml: source ./packs/basics (name taken from its PACK.yaml; --name picks another).\n" +
        "Nothing was fetched or installed. Next: `packs plan` shows what it would change, `packs apply` makes the change.\n",
    );
    expect(read(dir)).toBe(INIT.replace("packs: {}\n", "packs:\n  team-basics:\n    source: ./packs/basics\n"));
    expect(fs.existsSync(path.join(dir, ".agents")), "add installs nothing").toBe(false);
    const plan = await run(dir, "plan");
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("pack team-basics 1.0.0 (./packs/basics)");
  });

  it("takes the folder name when the folder has no PACK.yaml, and warns when it does not exist", async () => {
    const dir = project({ "packs.yaml": INIT, "packs/plain/README.md": "" });
    expect((await run(dir, "add", "packs/plain")).stdout).toContain("Added pack plain");
    const r = await run(dir, "add", "../elsewhere/Shared Tools");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Added pack shared-tools");
    expect(r.stderr).toContain("warning[add/source-not-found]");
    expect(loadProjectConfig("packs.yaml", read(dir)).config!.packs.map((p) => [p.key, p.sourceText])).toEqual([["plain", "packs/plain"], ["shared-tools", "../elsewhere/Shared Tools"]]);
  });

  it("git with --ref, --path and --agents; the name from the path", async () => {
    const dir = project({ "packs.yaml": INIT });
    const r = await run(dir, "add", "github:acme/agent-packs", "--ref", "v1.4.0", "--path", "packs/dbt-tools", "--agents", "opencode");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Added pack dbt-tools to packs.yaml: source github:acme/agent-packs, ref v1.4.0, path packs/dbt-tools, agents opencode (name taken from the last folder of --path");
    expect(read(dir)).toContain("packs:\n  dbt-tools:\n    source: github:acme/agent-packs\n    ref: v1.4.0\n    path: packs/dbt-tools\n    agents: [opencode]\n\n");
  });

  it("--json", async () => {
    const dir = project({ "packs.yaml": INIT });
    const r = await run(dir, "add", "npm:@acme/review@^2", "--name", "review-v2", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ format_version: "1", ok: true, file: "packs.yaml", added: { name: "review-v2", source: "npm:@acme/review@^2" }, name_from: "option", diagnostics: [] });
  });

  it("refuses a name that is taken, with --name as the way out", async () => {
    const dir = project({ "packs.yaml": INIT, ...PACK });
    expect((await run(dir, "add", "./packs/basics")).code).toBe(0);
    const err = await refuses(dir, ["add", "./packs/basics"], "add/exists");
    const line = read(dir).split("\n").indexOf("  team-basics:") + 1;
    expect(err).toContain(`error[add/exists] packs.yaml:${line}:3: packs.yaml already has a pack "team-basics"`);
    expect(err).toContain("--name");
    expect((await run(dir, "add", "./packs/basics", "--name", "basics-2")).code).toBe(0);
  });

  it.each<[string, string[], string, string]>([
    ["a source packs.yaml refuses", ["add", "git@github.com:o/r.git"], "add/bad-source", "git+ssh://"],
    ["--ref on a local folder", ["add", "./packs/basics", "--ref", "v1"], "add/git-only", "--ref applies to git sources only"],
    ["an unknown agent", ["add", "./packs/basics", "--agents", "vim"], "add/bad-agents", "Known agents: opencode"],
    ["an agent the project does not set up", ["add", "./packs/basics", "--agents", "cursor"], "add/would-not-load", "packs-yaml/agent-not-selected"],
    ["a bad --name", ["add", "./packs/basics", "--name", "Team"], "add/bad-name", "--name"],
    ["a source nothing can be named after", ["add", "/"], "add/no-name", "--name NAME"],
  ])("refuses %s", async (_, args, code, text) => {
    const dir = project({ "packs.yaml": INIT, ...PACK });
    expect(await refuses(dir, args, code)).toContain(text);
  });

  it("refuses to edit a packs.yaml that does not load, naming its problems", async () => {
    const dir = project({ "packs.yaml": "version: 2\npacks: {}\n", ...PACK });
    const err = await refuses(dir, ["add", "./packs/basics"], "add/invalid-config");
    expect(err).toContain("error[packs-yaml/bad-version] packs.yaml:1:10");
  });

  it("without a packs.yaml: says to run packs init", async () => {
    const dir = project(PACK);
    const err = await refuses(dir, ["add", "./packs/basics"], "packs-yaml/missing");
    expect(err).toContain("`packs init`");
    expect(fs.existsSync(path.join(dir, "packs.yaml"))).toBe(false);
  });
});

describe("packs remove", () => {
  const TWO = "version: 1\nagents: [opencode]\npacks:\n  # the basics\n  team-basics:\n    source: ./packs/basics\n  # ours, keep\n  other:\n    source: ./packs/basics\n";

  it("removes the entry and its comment, keeps the next entry's, and says apply removes the files", async () => {
    const dir = project({ "packs.yaml": TWO, ...PACK });
    expect((await run(dir, "apply", "--yes")).code).toBe(0);
    const skill = path.join(dir, ".agents/skills/writing/SKILL.md");
    expect(fs.existsSync(skill)).toBe(true);
    const r = await run(dir, "remove", "team-basics");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("Removed pack team-basics from packs.yaml.\nIts skills, MCP servers and other files are still in place: `packs apply` removes what it deployed (`packs plan` shows what).\n");
    expect(read(dir)).toBe("version: 1\nagents: [opencode]\npacks:\n  # ours, keep\n  other:\n    source: ./packs/basics\n");
    expect(fs.existsSync(skill), "remove touches no agent file").toBe(true);
  });

  it("the last one leaves packs: {}; --json", async () => {
    const dir = project({ "packs.yaml": "version: 1\npacks:\n  a:\n    source: ./a\n" });
    const r = await run(dir, "remove", "a", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ format_version: "1", ok: true, file: "packs.yaml", removed: "a", diagnostics: [] });
    expect(read(dir)).toBe("version: 1\npacks: {}\n");
  });

  it("an unknown name lists the packs there are", async () => {
    const dir = project({ "packs.yaml": TWO });
    expect(await refuses(dir, ["remove", "basics"], "remove/unknown-pack")).toContain("hint: Packs in packs.yaml: team-basics, other.");
    const json = await run(dir, "remove", "basics", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, diagnostics: [{ code: "remove/unknown-pack" }] });
  });

  it("without a packs.yaml: says to run packs init", async () => {
    expect(await refuses(project(), ["remove", "a"], "packs-yaml/missing")).toContain("`packs init`");
  });
});

describe("init → add → remove", () => {
  it("comes back to the file init wrote, byte for byte", async () => {
    const dir = project({ "CLAUDE.md": "", ...PACK });
    expect((await run(dir, "init")).code).toBe(0);
    const initial = read(dir);
    expect((await run(dir, "add", "./packs/basics")).code).toBe(0);
    expect((await run(dir, "add", "registry:dbt-cloud@^1")).code).toBe(0);
    expect((await run(dir, "remove", "dbt-cloud")).code).toBe(0);
    expect((await run(dir, "remove", "team-basics")).code).toBe(0);
    expect(read(dir)).toBe(initial);
  });
});
