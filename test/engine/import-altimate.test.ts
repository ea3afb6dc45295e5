/**
 * `packs import altimate` in the engine, on projects laid out as altimate-code leaves them: its
 * activation is reproduced here as its code does it (jsonc-parser `modify` of the opencode
 * config, skill folders copied to .opencode/skills/, instructions in
 * .opencode/instructions/pack-<name>.md, names in .opencode/active-packs). Every case checks
 * that no agent file changed and that a plan afterwards is empty.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { applyEdits, modify } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyPlan } from "../../src/apply/apply-plan.js";
import { importAltimate, packsYamlWith, readAltimateState, withExclude } from "../../src/engine/import-altimate.js";
import { makePlan, type EngineContext } from "../../src/engine/make-plan.js";
import { ProjectFs } from "../../src/io/project-fs.js";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-import-altimate-"));
  for (const [rel, text] of Object.entries(files)) write(dir, rel, text);
  return dir;
}

function write(dir: string, rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

function ctx(dir: string): EngineContext {
  return { fs: new ProjectFs(dir), packsVersion: "0.1.0", projectLabel: ".", sources: { cacheDir: join(dir, ".cache-test"), offline: true, npmRegistry: "http://127.0.0.1:9", registryTtlMs: 0, now: 0 } };
}

const run = (dir: string) => importAltimate(ctx(dir), (plan) => applyPlan(plan, new ProjectFs(dir)));

/** What `altimate-code pack activate <name>` writes, as its code does (PR #568). */
function activate(dir: string, name: string, folder = `.opencode/packs/${name}`, config = ".opencode/opencode.json"): void {
  const pack = parse(readFileSync(join(dir, folder, "PACK.yaml"), "utf8")) as {
    mcp?: Record<string, { type?: string; command?: string[]; args?: string[]; url?: string; env?: Record<string, string>; headers?: Record<string, string> }>;
    plugins?: string[];
    instructions?: string;
  };
  const edit = (path: string[], value: unknown) => {
    const file = join(dir, config);
    const text = existsSync(file) ? readFileSync(file, "utf8") : "{}";
    write(dir, config, applyEdits(text, modify(text, path, value, { formattingOptions: { tabSize: 2, insertSpaces: true } })));
  };
  for (const skill of existsSync(join(dir, folder, "skills")) ? readdirSync(join(dir, folder, "skills")) : []) {
    write(dir, `.opencode/skills/${skill}/SKILL.md`, readFileSync(join(dir, folder, "skills", skill, "SKILL.md"), "utf8"));
  }
  for (const [server, def] of Object.entries(pack.mcp ?? {})) {
    const t = def.type ?? "stdio";
    edit(["mcp", server], t === "sse" || t === "streamable-http" || t === "remote"
      ? { type: "remote", url: def.url, ...(def.headers && { headers: def.headers }) }
      : { type: "local", command: [...(def.command ?? []), ...(def.args ?? [])], ...(def.env && { environment: def.env }) });
  }
  if (pack.plugins?.length) {
    const file = join(dir, config);
    const current = (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { plugin?: string[] }).plugin : undefined) ?? [];
    edit(["plugin"], [...current, ...pack.plugins.filter((p) => !current.includes(p))]);
  }
  if (pack.instructions) write(dir, `.opencode/instructions/pack-${name}.md`, pack.instructions);
  const active = join(dir, ".opencode/active-packs");
  const names = existsSync(active) ? readFileSync(active, "utf8").split("\n").filter(Boolean) : [];
  write(dir, ".opencode/active-packs", [...names.filter((n) => n !== name), name].join("\n") + "\n");
}

const TEAM = `name: team
description: Team conventions
version: 1.2.0

skills:
  - lint

mcp:
  dbt:
    type: stdio
    command: ["uvx", "dbt-mcp==1.4.0"]
    env:
      DBT_PROJECT_DIR: "./"
  docs:
    type: sse
    url: "https://docs.example.com/mcp"

plugins:
  - "@acme/audit@1.0.0"

instructions: |
  Use ref() for every model.
`;
const LINT_SKILL = "---\nname: lint\ndescription: Lint SQL\n---\nRun sqlfluff.\n";

/** One pack, "team", activated the way altimate-code does it. */
function teamProject(extra: Record<string, string> = {}): string {
  const dir = project({ ".opencode/packs/team/PACK.yaml": TEAM, ".opencode/packs/team/skills/lint/SKILL.md": LINT_SKILL, "dbt_project.yml": "name: shop\n", ...extra });
  activate(dir, "team");
  return dir;
}

/** Every file of the project but packs' own (packs.yaml, the lock, .packs/, the test cache), with its bytes' hash. */
function agentTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      const rel = relative(dir, p);
      if (["packs.yaml", "packs.lock.yaml", ".packs", ".cache-test"].includes(rel)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[rel] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

async function planIsEmpty(dir: string): Promise<boolean> {
  const p = await makePlan({ resolution: "none" }, ctx(dir));
  if (!p.ok) throw new Error(JSON.stringify(p.diagnostics, null, 2));
  return p.plan.empty;
}

describe("packs import altimate", () => {
  it("adds the active pack as a local source, adopts its MCP servers and plugin, leaves out what altimate-code put elsewhere, and changes no agent file", async () => {
    const dir = teamProject();
    const before = agentTree(dir);
    const out = await run(dir);
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics, null, 2));
    expect(out).toMatchObject({ activeFile: ".opencode/active-packs", packsYaml: "created", planEmpty: true, agentFilesUnchanged: true, skipped: [] });
    expect(out.imported).toEqual([{ key: "team", source: "./.opencode/packs/team", manifest: ".opencode/packs/team/PACK.yaml", adopted: 3, excluded: ["skills/lint", "instructions"] }]);
    expect(agentTree(dir)).toEqual(before);
    expect(await planIsEmpty(dir)).toBe(true);

    const yaml = readFileSync(join(dir, "packs.yaml"), "utf8");
    expect(parse(yaml)).toMatchObject({ version: 1, agents: ["opencode"], packs: { team: { source: "./.opencode/packs/team", exclude: ["skills/lint", "instructions"] } } });
    const sidecar = JSON.parse(readFileSync(join(dir, ".packs/state/team.json"), "utf8")) as { items: Record<string, unknown>; created: string[] };
    expect(Object.keys(sidecar.items).sort()).toEqual([".opencode/opencode.json#/mcp/dbt", ".opencode/opencode.json#/mcp/docs", ".opencode/opencode.json#/plugin/@acme/audit"]);
    expect(sidecar.created).toEqual([]);
    expect(readFileSync(join(dir, "packs.lock.yaml"), "utf8")).toContain("team:");

    const warnings = out.diagnostics.filter((d) => d.code === "import/left-out");
    expect(warnings.map((w) => w.summary)).toEqual([
      'pack "team": 1 skill left out (lint): altimate-code copied it to .opencode/skills/, and packs places skills in .agents/skills/; adopting would take a second copy, and opencode would see each skill twice',
      'pack "team": its instructions are left out: altimate-code wrote them to .opencode/instructions/pack-team.md; packs would create .opencode/instructions/team.md',
    ]);
    expect(warnings.every((w) => w.severity === "warning" && w.location?.file === ".opencode/packs/team/PACK.yaml")).toBe(true);
  });

  it("removing the imported pack from packs.yaml then removes exactly what altimate-code configured for it", async () => {
    const dir = teamProject();
    expect((await run(dir)).ok).toBe(true);
    writeFileSync(join(dir, "packs.yaml"), "version: 1\nagents: [opencode]\npacks: {}\n");
    const p = await makePlan({ resolution: "none" }, ctx(dir));
    if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
    expect(p.plan.items.map((i) => [i.address, i.action]).sort()).toEqual([
      [".opencode/opencode.json#/mcp/dbt", "delete"],
      [".opencode/opencode.json#/mcp/docs", "delete"],
      [".opencode/opencode.json#/plugin/@acme/audit", "delete"],
    ]);
  });

  it("an MCP server changed by hand since the activation is adopted as it is: the file keeps the user's value and the next plan is empty", async () => {
    const dir = teamProject();
    const config = join(dir, ".opencode/opencode.json");
    writeFileSync(config, readFileSync(config, "utf8").replace("dbt-mcp==1.4.0", "dbt-mcp==1.5.0"));
    const before = agentTree(dir);
    const out = await run(dir);
    expect(out.ok && out.imported[0]!.excluded).toEqual(["skills/lint", "instructions"]);
    expect(agentTree(dir)).toEqual(before);
    expect(await planIsEmpty(dir)).toBe(true);
    expect(readFileSync(config, "utf8")).toContain("dbt-mcp==1.5.0");
  });

  it("an MCP server altimate-code did not configure (the pack changed since) is left out, with a warning naming it", async () => {
    const dir = teamProject();
    writeFileSync(join(dir, ".opencode/packs/team/PACK.yaml"), TEAM.replace("plugins:", "  search:\n    type: remote\n    url: https://search.example.com/mcp\n\nplugins:"));
    const out = await run(dir);
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.imported[0]!.excluded).toEqual(["skills/lint", "instructions", "mcp/search"]);
    expect(out.diagnostics.find((d) => d.summary.includes("mcp/search"))?.summary).toContain("packs would create .opencode/opencode.json#/mcp/search");
    expect(await planIsEmpty(dir)).toBe(true);
  });

  it("keeps every byte of an existing packs.yaml, and narrows the pack to opencode when the project has other agents", async () => {
    const dir = teamProject({ "packs.yaml": "# Our agent setup.\nversion: 1\nagents: [opencode, claude-code]   # both\n\npacks: {}   # none yet\n\n# registries come later\n" });
    const before = agentTree(dir);
    const original = readFileSync(join(dir, "packs.yaml"), "utf8");
    const out = await run(dir);
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.packsYaml).toBe("updated");
    expect(out.imported[0]!.agents).toEqual(["opencode"]);
    const yaml = readFileSync(join(dir, "packs.yaml"), "utf8");
    for (const line of original.split("\n").filter((l) => !l.startsWith("packs:"))) expect(yaml).toContain(line);
    expect(yaml).toContain("agents: [opencode, claude-code]   # both\n");
    expect(parse(yaml).packs.team).toEqual({ source: "./.opencode/packs/team", agents: ["opencode"], exclude: ["skills/lint", "instructions"] });
    expect(agentTree(dir)).toEqual(before);
    expect(existsSync(join(dir, ".mcp.json"))).toBe(false);
    expect(await planIsEmpty(dir)).toBe(true);
  });

  it("imports beside a pack packs already manages, when that pack is applied", async () => {
    const dir = teamProject({ "packs/house/PACK.yaml": "name: house\nversion: 0.1.0\ndescription: House rules\n", "packs/house/skills/house-style/SKILL.md": "---\nname: house-style\ndescription: Our style\n---\nBe brief.\n", "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  house:\n    source: ./packs/house\n" });
    const applied = await makePlan({ resolution: "none" }, ctx(dir));
    if (!applied.ok) throw new Error(JSON.stringify(applied.diagnostics));
    expect((await applyPlan(applied.plan, new ProjectFs(dir))).ok).toBe(true);
    const before = agentTree(dir);
    const out = await run(dir);
    expect(out.ok && out.imported.map((p) => p.key)).toEqual(["team"]);
    expect(agentTree(dir)).toEqual(before);
    expect(await planIsEmpty(dir)).toBe(true);
    expect(Object.keys(parse(readFileSync(join(dir, "packs.yaml"), "utf8")).packs)).toEqual(["house", "team"]);
  });

  it("refuses while packs.yaml has changes not applied yet, and writes nothing", async () => {
    const dir = teamProject({ "packs/house/PACK.yaml": "name: house\nversion: 0.1.0\ndescription: House rules\ninstructions: Be brief.\n", "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  house:\n    source: ./packs/house\n" });
    const before = { ...agentTree(dir), yaml: readFileSync(join(dir, "packs.yaml"), "utf8") };
    const out = await run(dir);
    expect(!out.ok && out.diagnostics.map((d) => d.code)).toEqual(["import/pending-changes"]);
    expect({ ...agentTree(dir), yaml: readFileSync(join(dir, "packs.yaml"), "utf8") }).toEqual(before);
    expect(existsSync(join(dir, ".packs"))).toBe(false);
  });

  it("when packs.yaml does not set up opencode, says to add it", async () => {
    const dir = teamProject({ "packs.yaml": "version: 1\nagents: [claude-code]\npacks: {}\n" });
    const out = await run(dir);
    expect(!out.ok && out.diagnostics.map((d) => d.code)).toEqual(["import/no-opencode"]);
  });

  it("without .opencode/active-packs, says altimate-code activated nothing here", async () => {
    const out = await run(project({ "dbt_project.yml": "" }));
    expect(!out.ok && out.diagnostics[0]).toMatchObject({ code: "import/no-altimate-state", severity: "error" });
  });

  it("skips, with the reason, packs not in the project, packs with a manifest packs cannot read, and packs packs.yaml has", async () => {
    const dir = teamProject({
      ".opencode/packs/notes/PACK.md": "---\nname: notes\ndescription: Notes\n---\nWrite notes.\n",
      ".opencode/packs/mine/PACK.yaml": "name: mine\ndescription: Mine\n",
      "packs.yaml": "version: 1\nagents: [opencode]\npacks:\n  mine:\n    source: ./.opencode/packs/mine\n",
    });
    writeFileSync(join(dir, ".opencode/active-packs"), "team\nnotes\nglobal-one\n\nmine\nteam\n");
    const applied = await makePlan({ resolution: "none" }, ctx(dir));
    if (!applied.ok) throw new Error(JSON.stringify(applied.diagnostics));
    expect((await applyPlan(applied.plan, new ProjectFs(dir))).ok).toBe(true);
    const out = await run(dir);
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.imported.map((p) => p.key)).toEqual(["team"]);
    expect(out.skipped.map((s) => s.name)).toEqual(["notes", "global-one", "mine"]);
    expect(out.skipped[0]!.reason).toContain("PACK.md");
    expect(out.skipped[1]!.reason).toContain("installed globally");
    expect(out.skipped[2]!.reason).toContain("already");
  });

  it("finds a pack by its manifest's name in any folder under .opencode/packs, and reads manifest.json", async () => {
    const dir = project({ ".opencode/packs/vendor/acme/PACK.yaml": TEAM.replace("skills:\n  - lint\n", ""), "dbt_project.yml": "" });
    activate(dir, "team", ".opencode/packs/vendor/acme");
    const raw = readFileSync(join(dir, ".opencode/packs/vendor/acme/PACK.yaml"), "utf8");
    write(dir, ".opencode/packs/vendor/acme/manifest.json", JSON.stringify({ name: "team", version: "1.2.0", tier: "community", content_hash: createHash("sha256").update(raw).digest("hex"), source: "acme/agent-packs", installed_at: "2026-03-01T00:00:00.000Z" }));
    const state = await readAltimateState(new ProjectFs(dir));
    expect(state?.found).toEqual([{ name: "team", folder: ".opencode/packs/vendor/acme", manifest: ".opencode/packs/vendor/acme/PACK.yaml", installedFrom: "acme/agent-packs" }]);
    writeFileSync(join(dir, ".opencode/packs/vendor/acme/PACK.yaml"), raw + "# edited\n");
    expect((await readAltimateState(new ProjectFs(dir)))?.found[0]!.editedSinceInstall).toBe(true);

    const out = await run(dir);
    expect(out.ok && out.imported[0]).toMatchObject({ key: "team", source: "./.opencode/packs/vendor/acme", installedFrom: "acme/agent-packs", editedSinceInstall: true });
    expect(await planIsEmpty(dir)).toBe(true);
  });

  it("reads the layout from before the rename: .opencode/active-kits and KIT.yaml under .opencode/kits", async () => {
    const dir = project({ ".opencode/kits/team/KIT.yaml": TEAM.replace("skills:\n  - lint\n", "").replace("instructions: |\n  Use ref() for every model.\n", "") });
    write(dir, ".opencode/kits/team/PACK.yaml", readFileSync(join(dir, ".opencode/kits/team/KIT.yaml"), "utf8"));
    activate(dir, "team", ".opencode/kits/team");
    rmSync(join(dir, ".opencode/kits/team/PACK.yaml"));
    writeFileSync(join(dir, ".opencode/active-kits"), readFileSync(join(dir, ".opencode/active-packs")));
    rmSync(join(dir, ".opencode/active-packs"));
    const out = await run(dir);
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.activeFile).toBe(".opencode/active-kits");
    expect(out.imported).toMatchObject([{ key: "team", source: "./.opencode/kits/team", manifest: ".opencode/kits/team/KIT.yaml", adopted: 3, excluded: [] }]);
    expect(await planIsEmpty(dir)).toBe(true);
  });

  it("a pack nothing of which can be adopted stays out of packs.yaml; with nothing left, nothing is written", async () => {
    const dir = project({ ".opencode/packs/words/PACK.yaml": "name: words\ndescription: Words\ninstructions: |\n  Be kind.\n" });
    activate(dir, "words");
    const before = agentTree(dir);
    const out = await run(dir);
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.imported).toEqual([]);
    expect(out.skipped).toEqual([{ name: "words", reason: "nothing it installed can be adopted (see the warnings)" }]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["import/left-out"]);
    expect(existsSync(join(dir, "packs.yaml"))).toBe(false);
    expect(agentTree(dir)).toEqual(before);
  });

  it("a second import finds everything in packs.yaml and writes nothing", async () => {
    const dir = teamProject();
    expect((await run(dir)).ok).toBe(true);
    const yaml = readFileSync(join(dir, "packs.yaml"), "utf8");
    const out = await run(dir);
    expect(out.ok && [out.imported, out.packsYaml, out.skipped.map((s) => s.name)]).toEqual([[], "unchanged", ["team"]]);
    expect(readFileSync(join(dir, "packs.yaml"), "utf8")).toBe(yaml);
  });

  it("when the apply fails, packs.yaml stays as it was", async () => {
    const dir = teamProject();
    const out = await importAltimate(ctx(dir), async () => ({ ok: false, diagnostics: [{ code: "apply/locked", severity: "error", summary: "locked" }] }));
    expect(!out.ok && out.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["apply/locked"]);
    expect(existsSync(join(dir, "packs.yaml"))).toBe(false);
  });
});

describe("packs.yaml for the import", () => {
  it("withExclude adds one line to the entry, inline while it fits, else a block list, and keeps every other byte", () => {
    const text = "version: 1\npacks:\n  a:\n    source: ./a   # mine\n  b:\n      source: ./b\n# end\n";
    expect(withExclude(text, "a", ["instructions"])).toBe("version: 1\npacks:\n  a:\n    source: ./a   # mine\n    exclude: [instructions]\n  b:\n      source: ./b\n# end\n");
    const long = Array.from({ length: 8 }, (_, i) => `skills/a-rather-long-skill-name-${i}`);
    expect(withExclude(text, "b", long)).toBe(`version: 1\npacks:\n  a:\n    source: ./a   # mine\n  b:\n      source: ./b\n      exclude:\n${long.map((l) => `        - ${l}\n`).join("")}# end\n`);
    expect(withExclude("packs:\n  a:\n    source: ./a", "a", ["mcp/x"])).toBe("packs:\n  a:\n    source: ./a\n    exclude: [mcp/x]\n");
    expect(withExclude(text, "c", ["instructions"])).toBeUndefined();
    expect(withExclude("packs:\n  a: {source: ./a}\n", "a", ["instructions"])).toBeUndefined();
  });

  it("packsYamlWith starts from packs init's file, and quotes what YAML would misread", () => {
    const out = packsYamlWith(undefined, [{ key: "team", source: "./.opencode/packs/team", exclude: ["plugins/@acme/audit", "instructions"] }]);
    expect(out.diagnostics).toEqual([]);
    expect(out.text).toContain("agents: [opencode]\n");
    expect(parse(out.text!).packs).toEqual({ team: { source: "./.opencode/packs/team", exclude: ["plugins/@acme/audit", "instructions"] } });
  });

  it("packsYamlWith refuses a flow packs: map with the error packs add gives", () => {
    const out = packsYamlWith("version: 1\npacks: {a: {source: ./a}}\n", [{ key: "team", source: "./t" }]);
    expect(out.text).toBeUndefined();
    expect(out.diagnostics.map((d) => d.code)).toEqual(["add/unsupported-layout"]);
  });
});
