import { REAL_FIXTURES } from "../real-fixtures.js";
/**
 * The only published pack manifest (AltimateAI/data-engineering-skills kits/dbt-snowflake/KIT.yaml)
 * and the two real SKILL.md files, read through the real read-tree + hash path.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readTree } from "../../src/io/read-tree.js";
import { loadPack } from "../../src/packs/load-pack.js";
import { brief, treeInput } from "./pack-input.js";

const REAL = join(REAL_FIXTURES, "data-engineering-skills");
const KIT_DIR = join(REAL, "kits/dbt-snowflake");
const kitText = readFileSync(join(KIT_DIR, "KIT.yaml"), "utf8");
const creatingModels = readFileSync(join(REAL, "skills/dbt/creating-dbt-models/SKILL.md"), "utf8");
const altimateCode = readFileSync(join(REAL, "skills/altimate-code/SKILL.md"), "utf8");

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function writePack(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "packs-real-"));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe("the real dbt-snowflake KIT.yaml", () => {
  test("refuses only its remote skill source, at the source's line:col", async () => {
    const { pack, diagnostics } = loadPack(treeInput(await readTree(KIT_DIR), "kits/dbt-snowflake"));
    expect(pack).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity !== "info").map(brief)).toEqual([
      "pack/remote-skill-source @ kits/dbt-snowflake/KIT.yaml:8:13",
    ]);
    expect(diagnostics.filter((d) => d.severity === "info").map(brief)).toEqual(["pack/legacy-manifest @ kits/dbt-snowflake/KIT.yaml"]);
    const remote = diagnostics.find((d) => d.code === "pack/remote-skill-source")!;
    expect(remote.summary).toContain("AltimateAI/data-engineering-skills");
    expect(remote.hint).toContain("skills/");
  });
});

describe("the dbt-snowflake pack, ported: the real SKILL.md files vendored under skills/", () => {
  // Same manifest, with the remote `source` block replaced by the names of the vendored skills.
  const skillsBlock = /^skills:\n(?:  .*\n)+/m;
  const ported = kitText.replace(skillsBlock, "skills:\n  - creating-dbt-models\n  - altimate-code\n");

  test.each([
    { manifest: "PACK.yaml", infos: [] as string[] },
    { manifest: "KIT.yaml", infos: ["pack/legacy-manifest @ ported/KIT.yaml"] },
  ])("loads cleanly from $manifest", async ({ manifest, infos }) => {
    expect(ported).not.toBe(kitText);
    const root = await writePack({
      [manifest]: ported,
      "skills/dbt/creating-dbt-models/SKILL.md": creatingModels,
      "skills/altimate-code/SKILL.md": altimateCode,
    });
    const { pack, diagnostics } = loadPack(treeInput(await readTree(root), "ported"));
    expect(diagnostics.map(brief)).toEqual(infos);
    expect(pack).toBeDefined();
    const p = pack!;
    expect(p).toMatchObject({
      name: "dbt-snowflake",
      version: "1.0.0",
      author: "Altimate AI",
      tier: "built-in",
      manifest,
      plugins: [],
      skillGroups: [],
    });
    expect(p.description).toBe("Complete dbt + Snowflake development setup — installs skills, configures MCP server, and adds best-practice instructions");
    expect(p.skills.map((s) => [s.name, s.dir, s.files.map((f) => f.path)])).toEqual([
      ["altimate-code", "skills/altimate-code", ["SKILL.md"]],
      ["creating-dbt-models", "skills/dbt/creating-dbt-models", ["SKILL.md"]],
    ]);
    expect(p.skills[1]!.description).toMatch(/^Creates dbt models following project conventions\./);
    expect(p.skills[1]!.files[0]!.content).toEqual({ encoding: "utf8", text: creatingModels });
    expect(p.mcp).toEqual([{
      name: "dbt",
      transport: "stdio",
      command: ["uvx", "dbt-mcp"],
      env: { DBT_PROJECT_DIR: "./", DBT_PROFILES_DIR: "~/.dbt" },
      envKeys: ["DBT_PROJECT_DIR", "DBT_PROFILES_DIR"],
      description: "dbt MCP server — SQL execution, semantic layer, discovery API",
    }]);
    expect(p.instructions).toMatch(/^This project uses dbt with Snowflake as the warehouse\.\n\nKey conventions:\n- Use `ref\(\)`/);
    expect(p.instructions!.endsWith("- Run `dbt build` (not just `dbt compile`) to verify changes\n")).toBe(true);
    expect(p.detect).toEqual([
      { files: ["dbt_project.yml", "dbt_project.yaml"], message: "Detected dbt project — activate dbt-snowflake kit for AI-assisted development?" },
      { files: ["profiles.yml"], message: "Detected dbt profiles — activate dbt-snowflake kit?" },
    ]);
    expect(p.files.map((f) => f.path)).toEqual([manifest, "skills/altimate-code/SKILL.md", "skills/dbt/creating-dbt-models/SKILL.md"]);
    expect(p.files.every((f) => /^sha256-[A-Za-z0-9+/]{43}=$/.test(f.hash))).toBe(true);
  });

  test("the vendored skills are found without being listed", async () => {
    const unlisted = kitText.replace(skillsBlock, "skills:\n  # bundled under skills/\n");
    const root = await writePack({
      "PACK.yaml": unlisted,
      "skills/dbt/creating-dbt-models/SKILL.md": creatingModels,
      "skills/altimate-code/SKILL.md": altimateCode,
    });
    const { pack, diagnostics } = loadPack(treeInput(await readTree(root), "ported"));
    expect(diagnostics).toEqual([]);
    expect(pack!.skills.map((s) => s.name)).toEqual(["altimate-code", "creating-dbt-models"]);
  });
});
