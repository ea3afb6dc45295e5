import { describe, expect, it } from "vitest";
import type { Pack, Skill } from "../../src/core/pack-model.js";
import { selectComponents, type PackUse } from "../../src/core/select-components.js";

const skill = (name: string): Skill => ({ name, description: name, dir: `skills/${name}`, files: [] });
const pack: Pack = {
  name: "p",
  version: "1.0.0",
  description: "d",
  tier: "community",
  manifest: "PACK.yaml",
  skills: ["base", "ci", "dbt", "deep", "legacy"].map(skill),
  skillGroups: [
    { name: "core", activation: "always", detect: [], skills: ["base"] },
    { name: "dbt", activation: "detect", detect: [{ files: ["dbt_project.yml"] }], skills: ["dbt"] },
    { name: "ci", activation: "detect", detect: [{ files: [".github/**"] }], skills: ["ci"] },
    { name: "advanced", activation: "manual", detect: [], skills: ["deep"] },
  ],
  mcp: [{ name: "dbt", transport: "stdio", command: ["uvx", "dbt-mcp"], env: { A: "1" } }],
  plugins: ["@acme/audit@^2", "plain"],
  instructions: "Be careful.",
  detect: [],
  files: [],
};
const use = (over: Partial<PackUse> = {}): PackUse => ({ key: "p", groups: [], exclude: [], mcp: {}, location: { file: "packs.yaml", line: 3, col: 3 }, ...over });
const projectFiles = ["dbt_project.yml", "models/a.sql"];
const detected = (globs: readonly string[]) => projectFiles.find((f) => globs.includes(f));

describe("selectComponents", () => {
  it("installs always groups, matched detect groups and ungrouped skills; says why for each group", () => {
    const s = selectComponents(pack, use(), detected);
    expect(s.skills.map((x) => x.name)).toEqual(["base", "dbt", "legacy"]);
    expect(s.notes).toEqual([
      "group core in: activation: always",
      "group dbt in: detected dbt_project.yml",
      "group ci out: no file matches .github/**",
      "group advanced out: activation: manual, not named in packs.yaml groups",
    ]);
  });

  it("installs a manual or undetected group named in packs.yaml", () => {
    const s = selectComponents(pack, use({ groups: ["advanced", "ci"] }), detected);
    expect(s.skills.map((x) => x.name)).toEqual(["base", "ci", "dbt", "deep", "legacy"]);
  });

  it("excludes skills, MCP servers, plugins (by package name or spec) and instructions", () => {
    const s = selectComponents(pack, use({ exclude: ["skills/legacy", "mcp/dbt", "plugins/@acme/audit", "plugins/plain", "instructions"] }), detected);
    expect(s.skills.map((x) => x.name)).toEqual(["base", "dbt"]);
    expect(s.mcp).toEqual([]);
    expect(s.plugins).toEqual([]);
    expect(s.instructions).toBeUndefined();
    expect(s.diagnostics).toEqual([]);
  });

  it("an exclude of a skill whose group is off still counts as used", () => {
    expect(selectComponents(pack, use({ exclude: ["skills/deep"] }), detected).diagnostics).toEqual([]);
  });

  it("warns about an exclude that matches nothing, and errors on unknown groups and overrides, at the pack's line", () => {
    const s = selectComponents(pack, use({ exclude: ["skills/nope"], groups: ["nope"], mcp: { nope: { enabled: false } } }), detected);
    expect(s.diagnostics.map((d) => [d.code, d.severity, d.location?.line])).toEqual([
      ["packs-yaml/unknown-group", "error", 3],
      ["packs-yaml/unknown-mcp-override", "error", 3],
      ["packs-yaml/exclude-matches-nothing", "warning", 3],
    ]);
  });

  it("merges MCP overrides from packs.yaml over the pack's values", () => {
    const s = selectComponents(pack, use({ mcp: { dbt: { env: { B: "${env:B}" }, enabled: false } } }), detected);
    expect(s.mcp[0]).toMatchObject({ env: { A: "1", B: "${env:B}" }, enabled: false });
  });
});
