/** What loadPack builds from a valid pack: defaults, empty keys, every skill form, groups, MCP, plugins. */
import { describe, expect, test } from "vitest";
import { loadPack } from "../../src/packs/load-pack.js";
import { brief, packInput, skillMd } from "./pack-input.js";

const HEAD = "name: demo\ndescription: A demo pack\n";

function load(files: Record<string, string | Uint8Array>, symlinks?: string[]) {
  const result = loadPack(packInput(files, symlinks));
  return { ...result, shown: result.diagnostics.map(brief) };
}

describe("defaults and empty keys", () => {
  test("a minimal manifest gets the documented defaults", () => {
    const { pack, shown } = load({ "PACK.yaml": HEAD });
    expect(shown).toEqual([]);
    expect(pack).toEqual({
      name: "demo", description: "A demo pack", version: "1.0.0", tier: "community", manifest: "PACK.yaml",
      skills: [], skillGroups: [], mcp: [], plugins: [], detect: [],
      files: [expect.objectContaining({ path: "PACK.yaml" })],
    });
  });

  test("keys with only comments under them (the scaffold altimate-code writes) mean empty", () => {
    const scaffold = [
      "name: my-first-pack", "description: TODO — describe what this pack configures", "version: 1.0.0", "",
      "skills:", '  # - source: "owner/repo"', '  #   select: ["skill-a", "skill-b"]', "",
      "skill_groups:", "  # core:", "",
      "mcp:", "  # my-server:", '  #   command: ["uvx", "my-mcp-server"]', "",
      "plugins:", "detect:", '  # - files: ["config.yaml"]', "author:", "instructions: |", "  TODO — add project-specific instructions here.", "",
    ].join("\n");
    const { pack, shown } = load({ "PACK.yaml": scaffold });
    expect(shown).toEqual([]);
    expect(pack).toMatchObject({ skills: [], skillGroups: [], mcp: [], plugins: [], detect: [], instructions: "TODO — add project-specific instructions here.\n" });
    expect(pack).not.toHaveProperty("author");
  });

  test("empty values inside entries mean empty too", () => {
    const { pack, shown } = load({
      "PACK.yaml": `${HEAD}mcp:\n  dbt:\n    command: [uvx, dbt-mcp]\n    args:\n    env:\n    env_keys:\nskill_groups:\n  core:\n    skills:\n    detect:\n`,
    });
    expect(shown).toEqual([]);
    expect(pack!.mcp).toEqual([{ name: "dbt", transport: "stdio", command: ["uvx", "dbt-mcp"] }]);
    expect(pack!.skillGroups).toEqual([{ name: "core", activation: "always", detect: [], skills: [] }]);
  });

  test("CRLF line endings and a BOM read like LF", () => {
    const text = `\uFEFF${HEAD}version: "2.1.0"\ntier: verified\n`.replace(/\n/g, "\r\n");
    const { pack, shown } = load({ "PACK.yaml": text });
    expect(shown).toEqual([]);
    expect(pack).toMatchObject({ name: "demo", version: "2.1.0", tier: "verified" });
  });

  test("unknown keys are warnings: the pack still loads", () => {
    const { pack, shown } = load({ "PACK.yaml": `${HEAD}homepage: https://x\n` });
    expect(shown).toEqual(["pack/unknown-key @ packs/demo/PACK.yaml:3:1"]);
    expect(pack?.name).toBe("demo");
  });
});

test("unknown keys suggest the key probably meant, at every level", () => {
  const { diagnostics } = load({
    "PACK.yaml": `${HEAD}verison: 1.0.0\nskills:\n  - source: ./v\n    selct: [alpha]\nskill_groups:\n  g:\n    activaton: manual\nmcp:\n  x:\n    command: [x]\n    Env: {}\n    colour: red\ndetect:\n  - files: [x]\n    mesage: m\n`,
    "v/alpha/SKILL.md": skillMd("alpha"),
  });
  expect(diagnostics.map((d) => d.hint)).toEqual([
    'Did you mean "version"? Otherwise remove the key.',
    'Did you mean "select"? Otherwise remove the key.',
    'Did you mean "activation"? Otherwise remove the key.',
    'Did you mean "env"? Otherwise remove the key.',
    "Check the spelling against the reference, or remove the key.",
    'Did you mean "message"? Otherwise remove the key.',
  ]);
});

describe("manifest precedence", () => {
  test.each<{ files: Record<string, string>; name: string; manifest: string; shown: string[] }>([
    { files: { "PACK.yaml": "name: from-pack\ndescription: d\n" }, name: "from-pack", manifest: "PACK.yaml", shown: [] },
    { files: { "KIT.yaml": "name: from-kit\ndescription: d\n" }, name: "from-kit", manifest: "KIT.yaml", shown: ["pack/legacy-manifest @ packs/demo/KIT.yaml"] },
    {
      files: { "KIT.yaml": "name: from-kit\ndescription: d\n", "PACK.yaml": "name: from-pack\ndescription: d\n" },
      name: "from-pack", manifest: "PACK.yaml", shown: ["pack/both-manifests @ packs/demo/KIT.yaml"],
    },
  ])("$manifest wins with $shown", ({ files, name, manifest, shown }) => {
    const result = load(files);
    expect(result.shown).toEqual(shown);
    expect(result.pack).toMatchObject({ name, manifest });
  });

  test("the legacy manifest is an info, with a rename hint", () => {
    const { diagnostics } = load({ "KIT.yaml": HEAD });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "info", hint: expect.stringContaining("Rename KIT.yaml to PACK.yaml") })]);
  });
});

describe("skills", () => {
  const files = {
    "skills/alpha/SKILL.md": skillMd("alpha"),
    "skills/alpha/scripts/run.sh": "echo hi\n",
    "skills/cat/beta/SKILL.md": "---\nname: beta\ndescription: |\n  Beta.\n  Two lines.\nlicense: MIT\nallowed-tools: [Read]\nmetadata: {a: 1}\n---\n",
    "skills/cat/beta/templates/SKILL.md": "not a skill of its own\n",
    "vendor/gamma/SKILL.md": skillMd("gamma"),
    "vendor/deep/er/delta/SKILL.md": skillMd("delta"),
    "extra/epsilon/SKILL.md": skillMd("epsilon"),
    "unused/zeta/SKILL.md": skillMd("zeta"),
  };

  test("bundled, by name, by path and from a local source (with and without select)", () => {
    const { pack, shown } = load({
      ...files,
      "PACK.yaml": `${HEAD}skills:\n  - alpha\n  - path: ./extra/epsilon/\n  - source: ./vendor\n    select: [gamma]\n  - source: ./vendor/deep\n`,
    });
    expect(shown).toEqual([]);
    expect(pack!.skills.map((s) => [s.name, s.dir])).toEqual([
      ["alpha", "skills/alpha"],
      ["beta", "skills/cat/beta"],
      ["delta", "vendor/deep/er/delta"],
      ["epsilon", "extra/epsilon"],
      ["gamma", "vendor/gamma"],
    ]);
    const [alpha, beta] = pack!.skills;
    expect(alpha!.files.map((f) => f.path)).toEqual(["SKILL.md", "scripts/run.sh"]);
    expect(beta!.files.map((f) => f.path)).toEqual(["SKILL.md", "templates/SKILL.md"]);
    expect(beta!.description).toBe("Beta.\nTwo lines.");
    expect(alpha!.files[1]!.hash).toBe(pack!.files.find((f) => f.path === "skills/alpha/scripts/run.sh")!.hash);
    expect(pack!.files.map((f) => f.path)).toEqual([...Object.keys(files), "PACK.yaml"].sort());
  });

  test("a skill listed twice, or bundled and listed, appears once", () => {
    const { pack, shown } = load({ ...files, "PACK.yaml": `${HEAD}skills:\n  - alpha\n  - alpha\n  - path: skills/alpha\n  - source: ./skills\n` });
    expect(shown).toEqual([]);
    expect(pack!.skills.map((s) => s.name)).toEqual(["alpha", "beta"]);
  });

  test("skill groups: activation, detect rules, every entry form", () => {
    const { pack, shown } = load({
      ...files,
      "PACK.yaml": [
        HEAD + "skill_groups:",
        "  core:", '    description: "Essentials"', "    skills: [beta, alpha]",
        "  advanced:", "    activation: detect", '    detect:\n      - files: ["**/advanced/**"]', "    skills:\n      - source: ./vendor\n        select: [gamma]",
        "  special:", "    activation: manual", "    skills:\n      - path: extra/epsilon\n      - gamma",
        "",
      ].join("\n"),
    });
    expect(shown).toEqual([]);
    expect(pack!.skillGroups).toEqual([
      { name: "advanced", activation: "detect", detect: [{ files: ["**/advanced/**"] }], skills: ["gamma"] },
      { name: "core", description: "Essentials", activation: "always", detect: [], skills: ["alpha", "beta"] },
      { name: "special", activation: "manual", detect: [], skills: ["epsilon", "gamma"] },
    ]);
    expect(pack!.skills.map((s) => s.name)).toEqual(["alpha", "beta", "epsilon", "gamma"]);
  });
});

describe("MCP servers", () => {
  test.each([
    { yaml: "    command: [npx, srv]\n    args: [--port, \"8080\"]", server: { transport: "stdio", command: ["npx", "srv", "--port", "8080"] } },
    { yaml: "    type: local\n    command: [srv]\n    enabled: false", server: { transport: "stdio", command: ["srv"], enabled: false } },
    { yaml: "    type: http\n    url: https://api.example.com/mcp\n    headers: {Authorization: \"Bearer ${env:TOKEN}\"}", server: { transport: "http", url: "https://api.example.com/mcp", headers: { Authorization: "Bearer ${env:TOKEN}" } } },
    { yaml: "    type: streamable-http\n    url: http://localhost:3000/mcp", server: { transport: "http", url: "http://localhost:3000/mcp" } },
    { yaml: "    type: remote\n    url: https://x.dev/mcp\n    description: Remote", server: { transport: "http", url: "https://x.dev/mcp", description: "Remote" } },
    { yaml: "    type: sse\n    url: https://x.dev/sse\n    env_keys: [KEY]", server: { transport: "sse", url: "https://x.dev/sse", envKeys: ["KEY"] } },
  ])("$server.transport from\n$yaml", ({ yaml, server }) => {
    const { pack, shown } = load({ "PACK.yaml": `${HEAD}mcp:\n  srv.v2_x:\n${yaml}\n` });
    expect(shown).toEqual([]);
    expect(pack!.mcp).toEqual([{ name: "srv.v2_x", ...server }]);
  });

  test("servers are sorted by name", () => {
    const { pack } = load({ "PACK.yaml": `${HEAD}mcp:\n  zed:\n    command: [z]\n  Alpha:\n    command: [a]\n` });
    expect(pack!.mcp.map((s) => s.name)).toEqual(["Alpha", "zed"]);
  });
});

describe("plugins", () => {
  test("npm specs from the format doc and the real superpowers plugin are accepted, as written", () => {
    const specs = [
      "@dagster/altimate-plugin@^1.0", "@atlan/governance-plugin@latest", "file:///Users/me/local-plugin",
      "superpowers@git+https://github.com/obra/superpowers.git#v5.0.3", "git+https://github.com/o/r.git#main", "left-pad", "opencode-foo@>=1 <2",
    ];
    const { pack, shown } = load({ "PACK.yaml": `${HEAD}plugins:\n${specs.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}\n` });
    expect(shown).toEqual([]);
    expect(pack!.plugins).toEqual(specs);
  });
});

describe("one pass", () => {
  test("every problem of the manifest and its skills is reported at once, with no duplicates", () => {
    const { pack, shown } = load({
      "PACK.yaml": [
        "name: Demo Pack",        // 1 invalid-name
        "version: 1.0",           // 2 wrong-type
        "tier: gold",             // 3 invalid-value
        "skills:",                // 4
        "  - ghost",              // 5 unknown-skill
        "  - source: acme/skills",// 6 remote-skill-source
        "  - path: ../outside",   // 7 unsafe-path
        "mcp:",                   // 8
        "  dbt:",                 // 9
        "    command: uvx dbt-mcp", // 10 wrong-type (and no "missing command")
        "  web:",                 // 11 mcp-missing-url
        "    type: http",         // 12
        "plugins: [\"Not Valid\"]", // 13 invalid-plugin-spec
        "colour: blue",           // 14 unknown-key
        "",                       // description missing → reported at the document start
      ].join("\n"),
      "skills/broken/SKILL.md": "---\nname: other\n---\n",
    }, ["skills/link"]);
    expect(pack).toBeUndefined();
    // Sorted by file, then line and column.
    expect(shown).toEqual([
      "pack/missing-field @ packs/demo/PACK.yaml:1:1",
      "pack/invalid-name @ packs/demo/PACK.yaml:1:7",
      "pack/wrong-type @ packs/demo/PACK.yaml:2:10",
      "pack/invalid-value @ packs/demo/PACK.yaml:3:7",
      "pack/unknown-skill @ packs/demo/PACK.yaml:5:5",
      "pack/remote-skill-source @ packs/demo/PACK.yaml:6:13",
      "pack/unsafe-path @ packs/demo/PACK.yaml:7:11",
      "pack/wrong-type @ packs/demo/PACK.yaml:10:14",
      "pack/mcp-missing-url @ packs/demo/PACK.yaml:11:3",
      "pack/invalid-plugin-spec @ packs/demo/PACK.yaml:13:11",
      "pack/unknown-key @ packs/demo/PACK.yaml:14:1",
      "pack/skill-no-description @ packs/demo/skills/broken/SKILL.md:2:1",
      "pack/skill-name-mismatch @ packs/demo/skills/broken/SKILL.md:2:7",
      "pack/symlink-ignored @ packs/demo/skills/link",
    ]);
  });
});
