/**
 * Every diagnostic code, each with its exact location. Manifests start with HEAD (lines 1-2),
 * so the lines below count from 3.
 */
import { describe, expect, test } from "vitest";
import { loadPack } from "../../src/packs/load-pack.js";
import { PACK_DIAGNOSTIC_CODES } from "../../src/packs/pack-diagnostics.js";
import { brief, packInput, skillMd } from "./pack-input.js";

const HEAD = "name: demo\ndescription: A demo pack\n";
const M = "packs/demo/PACK.yaml";

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  symlinks?: string[];
  /** `code @ location` of every error and warning, in the order reported. */
  expected: string[];
  /** Fragments the first expected diagnostic's summary / hint must contain. */
  summary?: string;
  hint?: string;
}

const cases: Case[] = [
  { name: "no manifest", files: { "README.md": "# hi\n" }, expected: ["pack/no-manifest @ packs/demo"], hint: "PACK.yaml" },
  {
    name: "manifest only as a symlink",
    files: { "README.md": "# hi\n" },
    symlinks: ["PACK.yaml"],
    expected: ["pack/no-manifest @ packs/demo", "pack/symlink-ignored @ packs/demo/PACK.yaml"],
  },
  { name: "both manifests", files: { "PACK.yaml": HEAD, "KIT.yaml": "name: other\n" }, expected: ["pack/both-manifests @ packs/demo/KIT.yaml"] },
  { name: "manifest not UTF-8", files: { "PACK.yaml": new Uint8Array([0x6e, 0xff, 0xfe]) }, expected: [`pack/not-utf8 @ ${M}`] },
  { name: "YAML syntax", files: { "PACK.yaml": `${HEAD}skills: [a, b\n` }, expected: [`pack/yaml-syntax @ ${M}:4:1`] },
  { name: "duplicate key", files: { "PACK.yaml": `${HEAD}name: again\n` }, expected: [`pack/duplicate-key @ ${M}:3:1`] },
  {
    name: "version 1.0 is a number",
    files: { "PACK.yaml": `${HEAD}version: 1.0\n` },
    expected: [`pack/wrong-type @ ${M}:3:10`],
    summary: "1.0 is read as a number",
    hint: 'version: "1.0"',
  },
  {
    name: "command as a string",
    files: { "PACK.yaml": `${HEAD}mcp:\n  dbt:\n    command: "uvx dbt-mcp"\n` },
    expected: [`pack/wrong-type @ ${M}:5:14`],
    hint: 'command: ["uvx", "dbt-mcp"]',
  },
  { name: "plugins as a string", files: { "PACK.yaml": `${HEAD}plugins: foo\n` }, expected: [`pack/wrong-type @ ${M}:3:10`], hint: 'plugins: ["foo"]' },
  { name: "env as a list", files: { "PACK.yaml": `${HEAD}mcp:\n  x:\n    command: [x]\n    env: [A]\n` }, expected: [`pack/wrong-type @ ${M}:6:10`], hint: "mapping" },
  { name: "env value a number", files: { "PACK.yaml": `${HEAD}mcp:\n  x:\n    command: [x]\n    env: {PORT: 8080}\n` }, expected: [`pack/wrong-type @ ${M}:6:17`], hint: 'PORT: "8080"' },
  { name: "enabled not a boolean", files: { "PACK.yaml": `${HEAD}mcp:\n  x:\n    command: [x]\n    enabled: yes\n` }, expected: [`pack/wrong-type @ ${M}:6:14`], hint: "true or false" },
  { name: "skills entry a number", files: { "PACK.yaml": `${HEAD}skills:\n  - 42\n` }, expected: [`pack/wrong-type @ ${M}:4:5`], summary: "skills[0] must be a skill name" },
  { name: "document is a list", files: { "PACK.yaml": "- a\n- b\n" }, expected: [`pack/wrong-type @ ${M}:1:1`] },
  { name: "name missing", files: { "PACK.yaml": "description: d\n" }, expected: [`pack/missing-field @ ${M}:1:1`], summary: "name is missing" },
  { name: "description empty", files: { "PACK.yaml": "name: demo\ndescription:\n" }, expected: [`pack/missing-field @ ${M}:2:1`], summary: "description is empty" },
  { name: "description blank", files: { "PACK.yaml": 'name: demo\ndescription: "  "\n' }, expected: [`pack/missing-field @ ${M}:2:14`] },
  { name: "empty manifest", files: { "PACK.yaml": "# nothing yet\n" }, expected: [`pack/missing-field @ ${M}`, `pack/missing-field @ ${M}`] },
  { name: "detect rule without files", files: { "PACK.yaml": `${HEAD}detect:\n  - message: hi\n` }, expected: [`pack/missing-field @ ${M}:4:5`], hint: "files:" },
  { name: "tier not allowed", files: { "PACK.yaml": `${HEAD}tier: gold\n` }, expected: [`pack/invalid-value @ ${M}:3:7`], hint: "built-in, verified, community, archived" },
  {
    name: "activation not allowed",
    files: { "PACK.yaml": `${HEAD}skill_groups:\n  core:\n    activation: sometimes\n` },
    expected: [`pack/invalid-value @ ${M}:5:17`],
  },
  { name: "mcp type not allowed", files: { "PACK.yaml": `${HEAD}mcp:\n  x:\n    type: websocket\n` }, expected: [`pack/invalid-value @ ${M}:5:11`] },
  {
    name: "unknown keys, top level and nested",
    files: { "PACK.yaml": `${HEAD}verison: 1.0.0\nmcp:\n  x:\n    commnd: [x]\n` },
    expected: [`pack/unknown-key @ ${M}:3:1`, `pack/mcp-missing-command @ ${M}:5:3`, `pack/unknown-key @ ${M}:6:5`],
    hint: 'Did you mean "version"?',
  },
  {
    name: "unknown keys in skill entries, groups and detect rules",
    files: { "PACK.yaml": `${HEAD}skills:\n  - source: ./v\n    selct: [a]\nskill_groups:\n  g:\n    activaton: manual\ndetect:\n  - files: [x]\n    mesage: m\n`, "v/alpha/SKILL.md": skillMd("alpha") },
    expected: [`pack/unknown-key @ ${M}:5:5`, `pack/unknown-key @ ${M}:8:5`, `pack/unknown-key @ ${M}:11:5`],
    hint: 'Did you mean "select"?',
  },
  { name: "pack name not a slug", files: { "PACK.yaml": "name: Demo_Pack\ndescription: d\n" }, expected: [`pack/invalid-name @ ${M}:1:7`], hint: '"demo-pack"' },
  { name: "pack name too short", files: { "PACK.yaml": "name: d\ndescription: d\n" }, expected: [`pack/invalid-name @ ${M}:1:7`] },
  { name: "pack name too long", files: { "PACK.yaml": `name: ${"a".repeat(65)}\ndescription: d\n` }, expected: [`pack/invalid-name @ ${M}:1:7`] },
  { name: "MCP server name with a slash", files: { "PACK.yaml": `${HEAD}mcp:\n  a/b:\n    command: [x]\n` }, expected: [`pack/invalid-name @ ${M}:4:3`] },
  { name: "MCP server name with ..", files: { "PACK.yaml": `${HEAD}mcp:\n  a..b:\n    command: [x]\n` }, expected: [`pack/invalid-name @ ${M}:4:3`] },
  { name: "skill group name", files: { "PACK.yaml": `${HEAD}skill_groups:\n  "../core":\n    activation: manual\n` }, expected: [`pack/invalid-name @ ${M}:4:3`] },
  {
    name: "unsafe paths",
    files: { "PACK.yaml": `${HEAD}skills:\n  - path: /etc/skills\n  - path: ../other/x\n  - path: 'skills\\x'\n  - source: ./a/../../b\n  - source: C:/skills\n` },
    expected: [`pack/unsafe-path @ ${M}:4:11`, `pack/unsafe-path @ ${M}:5:11`, `pack/unsafe-path @ ${M}:6:11`, `pack/unsafe-path @ ${M}:7:13`, `pack/unsafe-path @ ${M}:8:13`],
    summary: "is absolute",
  },
  { name: "unsafe file path in the input", files: { "PACK.yaml": HEAD, "../evil.md": "x" }, expected: ["pack/unsafe-path @ packs/demo"] },
  { name: "symlink", files: { "PACK.yaml": HEAD }, symlinks: ["skills/linked"], expected: ["pack/symlink-ignored @ packs/demo/skills/linked"] },
  {
    name: "remote skill sources",
    files: { "PACK.yaml": `${HEAD}skills:\n  - source: owner/repo\n  - source: https://github.com/o/r\n  - source: "github:o/r"\n    select: [x]\n` },
    expected: [`pack/remote-skill-source @ ${M}:4:13`, `pack/remote-skill-source @ ${M}:5:13`, `pack/remote-skill-source @ ${M}:6:13`],
    hint: "skills/",
  },
  {
    name: "invalid skill entries",
    files: { "PACK.yaml": `${HEAD}skills:\n  - path: skills/alpha\n    source: ./skills\n  - select: [alpha]\n  - path: skills/alpha\n    select: [alpha]\n`, "skills/alpha/SKILL.md": skillMd("alpha") },
    expected: [`pack/invalid-skill-entry @ ${M}:4:5`, `pack/invalid-skill-entry @ ${M}:6:5`, `pack/invalid-skill-entry @ ${M}:7:5`],
  },
  {
    name: "skill not found",
    files: {
      "PACK.yaml": `${HEAD}skills:\n  - path: docs\n  - path: nowhere\n  - source: ./docs\n  - path: skills/outer/inner\n  - path: .\n`,
      "docs/README.md": "x",
      "skills/outer/SKILL.md": skillMd("outer"),
      "skills/outer/inner/SKILL.md": skillMd("inner"),
    },
    expected: [`pack/skill-not-found @ ${M}:4:11`, `pack/skill-not-found @ ${M}:5:11`, `pack/skill-not-found @ ${M}:6:13`, `pack/skill-not-found @ ${M}:7:11`, `pack/skill-not-found @ ${M}:8:11`],
  },
  {
    name: "unknown skills, by name and in a select",
    files: { "PACK.yaml": `${HEAD}skills:\n  - nope\n  - source: ./vendor\n    select:\n      - aa\n      - missing\n`, "vendor/aa/SKILL.md": skillMd("aa") },
    expected: [`pack/unknown-skill @ ${M}:4:5`, `pack/unknown-skill @ ${M}:8:9`],
    summary: 'no skill "nope" in this pack',
  },
  {
    name: "duplicate skill",
    files: { "PACK.yaml": HEAD, "skills/a/xray/SKILL.md": skillMd("xray"), "skills/b/xray/SKILL.md": skillMd("xray") },
    expected: ["pack/duplicate-skill @ packs/demo/skills/b/xray/SKILL.md:2:7"],
    summary: "skills/a/xray and skills/b/xray",
  },
  {
    name: "duplicate skill from a local source",
    files: { "PACK.yaml": `${HEAD}skills:\n  - source: ./vendor\n`, "skills/xray/SKILL.md": skillMd("xray"), "vendor/xray/SKILL.md": skillMd("xray") },
    expected: ["pack/duplicate-skill @ packs/demo/vendor/xray/SKILL.md:2:7"],
  },
  { name: "skill name differs from folder", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": skillMd("bar") }, expected: ["pack/skill-name-mismatch @ packs/demo/skills/foo/SKILL.md:2:7"] },
  { name: "skill name not a slug", files: { "PACK.yaml": HEAD, "skills/Foo/SKILL.md": skillMd("Foo") }, expected: ["pack/skill-name-mismatch @ packs/demo/skills/Foo/SKILL.md:2:7"] },
  { name: "skill without name", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": "---\ndescription: d\n---\n" }, expected: ["pack/skill-name-mismatch @ packs/demo/skills/foo/SKILL.md:2:1"] },
  { name: "skill without description", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": "---\nname: foo\n---\n" }, expected: ["pack/skill-no-description @ packs/demo/skills/foo/SKILL.md:2:1"] },
  { name: "skill with empty description", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": '---\nname: foo\ndescription: ""\n---\n' }, expected: ["pack/skill-no-description @ packs/demo/skills/foo/SKILL.md:3:14"] },
  { name: "skill without frontmatter", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": "# foo\n" }, expected: ["pack/skill-no-frontmatter @ packs/demo/skills/foo/SKILL.md:1:1"] },
  { name: "skill frontmatter not closed", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": "---\nname: foo\n# foo\n" }, expected: ["pack/skill-no-frontmatter @ packs/demo/skills/foo/SKILL.md:1:1"] },
  { name: "skill frontmatter YAML syntax", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": "---\nname: foo\ndescription: [a\n---\n" }, expected: ["pack/yaml-syntax @ packs/demo/skills/foo/SKILL.md:3:16"] },
  { name: "skill frontmatter a list", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": "---\n- a\n---\n" }, expected: ["pack/wrong-type @ packs/demo/skills/foo/SKILL.md:2:1"] },
  { name: "SKILL.md not UTF-8", files: { "PACK.yaml": HEAD, "skills/foo/SKILL.md": new Uint8Array([0xff, 0x00]) }, expected: ["pack/not-utf8 @ packs/demo/skills/foo/SKILL.md"] },
  {
    name: "detect group without rules",
    files: { "PACK.yaml": `${HEAD}skill_groups:\n  adv:\n    activation: detect\n    skills: [foo]\n`, "skills/foo/SKILL.md": skillMd("foo") },
    expected: [`pack/group-detect-without-rules @ ${M}:5:17`],
  },
  {
    name: "detect rules on an always group",
    files: { "PACK.yaml": `${HEAD}skill_groups:\n  core:\n    detect:\n      - files: [a]\n` },
    expected: [`pack/group-detect-unused @ ${M}:5:5`],
  },
  { name: "grouped skill unknown", files: { "PACK.yaml": `${HEAD}skill_groups:\n  core:\n    skills:\n      - ghost\n` }, expected: [`pack/unknown-skill @ ${M}:6:9`] },
  { name: "stdio server without command", files: { "PACK.yaml": `${HEAD}mcp:\n  dbt:\n    args: [--x]\n` }, expected: [`pack/mcp-missing-command @ ${M}:4:3`] },
  { name: "empty server", files: { "PACK.yaml": `${HEAD}mcp:\n  dbt:\n` }, expected: [`pack/mcp-missing-command @ ${M}:4:3`] },
  { name: "http server without url", files: { "PACK.yaml": `${HEAD}mcp:\n  gh:\n    type: remote\n` }, expected: [`pack/mcp-missing-url @ ${M}:4:3`] },
  {
    name: "malformed env references",
    files: { "PACK.yaml": `${HEAD}mcp:\n  dbt:\n    command: [uvx, "\${env:}"]\n    env:\n      A: "\${env:OK"\n      B: "fine \${env:GOOD}"\n` },
    expected: [`pack/bad-env-ref @ ${M}:5:20`, `pack/bad-env-ref @ ${M}:7:10`],
  },
  { name: "url not http(s)", files: { "PACK.yaml": `${HEAD}mcp:\n  gh:\n    type: sse\n    url: ftp://x\n` }, expected: [`pack/mcp-invalid-url @ ${M}:6:10`] },
  {
    name: "fields the transport ignores",
    files: { "PACK.yaml": `${HEAD}mcp:\n  a:\n    command: [x]\n    url: https://x\n  b:\n    type: http\n    url: https://x\n    args: [y]\n` },
    expected: [`pack/mcp-unused-field @ ${M}:6:5`, `pack/mcp-unused-field @ ${M}:10:5`],
  },
  {
    name: "plugin specs",
    files: { "PACK.yaml": `${HEAD}plugins:\n  - "Bad Name"\n  - "@scope/ok@^1"\n  - ""\n  - "git+nope"\n` },
    expected: [`pack/invalid-plugin-spec @ ${M}:4:5`, `pack/invalid-plugin-spec @ ${M}:6:5`, `pack/invalid-plugin-spec @ ${M}:7:5`],
  },
];

describe("loadPack diagnostics", () => {
  test.each(cases)("$name", ({ files, symlinks, expected, summary, hint }) => {
    const { pack, diagnostics } = loadPack(packInput(files, symlinks));
    const shown = diagnostics.filter((d) => d.severity !== "info");
    expect(shown.map(brief)).toEqual(expected);
    expect(pack === undefined).toBe(shown.some((d) => d.severity === "error"));
    if (summary) expect(shown[0]!.summary).toContain(summary);
    if (hint) expect(shown[0]!.hint).toContain(hint);
    for (const d of diagnostics) {
      expect(d.summary).not.toContain("\n");
      expect(d.hint, d.code).toBeTruthy();
      expect(Object.keys(PACK_DIAGNOSTIC_CODES)).toContain(d.code);
    }
  });

  test("every documented code is exercised by a case above (or the legacy-manifest test)", () => {
    const seen = new Set(cases.flatMap((c) => loadPack(packInput(c.files, c.symlinks)).diagnostics.map((d) => d.code)));
    seen.add("pack/legacy-manifest");
    const unexercised = Object.keys(PACK_DIAGNOSTIC_CODES).filter((c) => !seen.has(c) && c !== "pack/yaml-aliases");
    expect(unexercised).toEqual([]);
  });
});
