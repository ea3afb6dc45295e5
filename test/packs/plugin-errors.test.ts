/**
 * Every diagnostic of the plugin formats, each with its exact location. Manifests that start with
 * HEAD have their own members from line 2 on.
 */
import { describe, expect, test } from "vitest";
import { loadPack } from "../../src/packs/load-pack.js";
import { PACK_DIAGNOSTIC_CODES } from "../../src/packs/pack-diagnostics.js";
import { PLUGIN_DIAGNOSTIC_CODES } from "../../src/packs/plugin-diagnostics.js";
import { brief, packInput, skillMd } from "./pack-input.js";

const CLAUDE = ".claude-plugin/plugin.json";
const M = `packs/demo/${CLAUDE}`;
const J = "packs/demo/.mcp.json";
/** A manifest whose next members start on line 2. */
const HEAD = '{"name": "demo", "version": "1.0.0",\n';
const claude = (rest: string, files: Record<string, string | Uint8Array> = {}) => ({ [CLAUDE]: `${HEAD}${rest}\n}\n`, ...files });
const mcpFile = (text: string) => claude('"description": "d"', { ".mcp.json": text });
const apm = (files: Record<string, string | Uint8Array>) => ({ "plugin.json": '{"name": "demo", "version": "1.0.0"}', ...files });

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
  // plugin.json as JSON
  { name: "trailing comma", files: { [CLAUDE]: '{"name": "demo",}' }, expected: [`pack/json-syntax @ ${M}:1:17`], summary: "invalid JSON" },
  { name: "a comment", files: { [CLAUDE]: '// the manifest\n{"name": "demo"}' }, expected: [`pack/json-syntax @ ${M}:1:1`], hint: "no comments" },
  { name: "unclosed object", files: { [CLAUDE]: '{\n  "name": "demo"\n' }, expected: [`pack/json-syntax @ ${M}:3:1`], summary: "unexpected end of file" },
  { name: "empty file", files: { [CLAUDE]: "" }, expected: [`pack/json-syntax @ ${M}:1:1`] },
  { name: "not UTF-8", files: { [CLAUDE]: new Uint8Array([0x7b, 0xff, 0x7d]) }, expected: [`pack/not-utf8 @ ${M}`] },
  { name: "duplicate key", files: { [CLAUDE]: '{"name": "demo",\n "version": "1", "name": "again"}' }, expected: [`pack/duplicate-key @ ${M}:2:18`] },
  { name: "a list", files: { [CLAUDE]: "[]" }, expected: [`pack/wrong-type @ ${M}:1:1`], summary: "must be a JSON object, but it is a list" },
  { name: "unsafe file path in the input", files: claude('"description": "d"', { "../evil.md": "x" }), expected: ["pack/unsafe-path @ packs/demo"] },
  { name: "only a symlink", files: { "README.md": "x" }, symlinks: [CLAUDE], expected: ["pack/no-manifest @ packs/demo", `pack/symlink-ignored @ ${M}`], hint: "is a symlink" },

  // metadata
  { name: "name missing", files: { [CLAUDE]: '{"version": "1.0.0"}' }, expected: [`pack/missing-field @ ${M}:1:1`], summary: "no name" },
  { name: "name a number", files: { [CLAUDE]: '{"name": 7}' }, expected: [`pack/wrong-type @ ${M}:1:10`], summary: "name must be a string, but it is the number 7" },
  { name: "name not a slug", files: { [CLAUDE]: '{"name": "Demo Plugin"}' }, expected: [`pack/invalid-name @ ${M}:1:10`] },
  { name: "version a number", files: claude('"version2": 1, "description": 1.5'), expected: [`pack/unknown-key @ ${M}:2:1`, `pack/wrong-type @ ${M}:2:31`], hint: 'Did you mean "version"?' },
  { name: "version 1.0", files: { [CLAUDE]: '{"name": "demo",\n "version": 1.0}' }, expected: [`pack/wrong-type @ ${M}:2:13`], hint: '"version": "1"' },
  { name: "author without a name", files: claude('"author": {"email": "a@b.c"}'), expected: [`pack/missing-field @ ${M}:2:11`] },
  { name: "author a number", files: claude('"author": 3'), expected: [`pack/wrong-type @ ${M}:2:11`] },
  { name: "author name a list", files: claude('"author": {"name": []}'), expected: [`pack/wrong-type @ ${M}:2:20`] },
  { name: "keywords", files: claude('"keywords": "a",\n"homepage": ["x"]'), expected: [`pack/wrong-type @ ${M}:2:13`, `pack/wrong-type @ ${M}:3:13`] },
  { name: "a keyword", files: claude('"keywords": ["a", 2]'), expected: [`pack/wrong-type @ ${M}:2:19`] },

  // paths
  {
    name: "unsafe skill paths",
    files: claude('"skills": ["../other", "/etc/skills", "C:/skills", "a\\\\b", "~/skills"]'),
    expected: [`pack/unsafe-path @ ${M}:2:12`, `pack/unsafe-path @ ${M}:2:24`, `pack/unsafe-path @ ${M}:2:39`, `pack/unsafe-path @ ${M}:2:52`, `pack/unsafe-path @ ${M}:2:60`],
    summary: 'path "../other" contains `..`',
  },
  { name: "skills a number", files: claude('"skills": 1'), expected: [`pack/wrong-type @ ${M}:2:11`], hint: '"skills": ["./a", "./b"]' },
  { name: "a skills entry a number", files: claude('"skills": [1]'), expected: [`pack/wrong-type @ ${M}:2:12`] },
  {
    name: "skills not found",
    files: claude('"skills": ["./docs", "./nowhere", "./skills/outer/inner"]', { "docs/README.md": "x", "skills/outer/SKILL.md": skillMd("outer"), "skills/outer/inner/SKILL.md": skillMd("inner") }),
    expected: [`pack/skill-not-found @ ${M}:2:12`, `pack/skill-not-found @ ${M}:2:22`, `pack/skill-not-found @ ${M}:2:35`],
    summary: "docs has no SKILL.md, and no subfolder of it has one",
  },
  { name: "unsafe path of a skipped component", files: claude('"commands": "../shared/commands"'), expected: [`pack/component-skipped @ ${M}:2:1`, `pack/unsafe-path @ ${M}:2:13`] },
  { name: "unsafe MCP config path", files: claude('"mcpServers": ["./ok.json", "/etc/mcp.json"]', { "ok.json": "{}" }), expected: [`pack/unsafe-path @ ${M}:2:29`] },
  { name: "MCP config file missing", files: claude('"mcpServers": "./config/mcp.json"'), expected: [`pack/plugin-file-not-found @ ${M}:2:15`] },
  { name: "mcpServers a number", files: claude('"mcpServers": 5'), expected: [`pack/wrong-type @ ${M}:2:15`] },

  // skills
  { name: "duplicate skill", files: claude('"skills": "./custom"', { "skills/xray/SKILL.md": skillMd("xray"), "custom/xray/SKILL.md": skillMd("xray") }), expected: ["pack/duplicate-skill @ packs/demo/skills/xray/SKILL.md:2:7"] },
  { name: "skill name mismatch", files: claude('"description": "d"', { "skills/foo/SKILL.md": skillMd("bar") }), expected: ["pack/skill-name-mismatch @ packs/demo/skills/foo/SKILL.md:2:7"] },
  { name: "SKILL.md not UTF-8", files: claude('"description": "d"', { "skills/foo/SKILL.md": new Uint8Array([0xff]) }), expected: ["pack/not-utf8 @ packs/demo/skills/foo/SKILL.md"] },
  { name: "a single-skill plugin", files: claude('"description": "d"', { "SKILL.md": skillMd("demo") }), expected: ["pack/plugin-file-ignored @ packs/demo/SKILL.md"], hint: "skills/<name>/SKILL.md" },
  { name: "unknown top-level key", files: claude('"descripton": "d"'), expected: [`pack/unknown-key @ ${M}:2:1`], hint: 'Did you mean "description"?' },

  // MCP config files
  { name: ".mcp.json syntax", files: mcpFile('{\n  "mcpServers": {\n    "a": {"command": "x"},\n  }\n}'), expected: [`pack/json-syntax @ ${J}:4:3`] },
  { name: ".mcp.json not UTF-8", files: mcpFile(new Uint8Array([0xff]) as unknown as string), expected: [`pack/not-utf8 @ ${J}`] },
  { name: ".mcp.json a list", files: mcpFile("[]"), expected: [`pack/wrong-type @ ${J}:1:1`] },
  { name: "mcpServers a list, and another key", files: mcpFile('{"$schema": "x", "mcpServers": []}'), expected: [`pack/unknown-key @ ${J}:1:2`, `pack/wrong-type @ ${J}:1:32`] },
  { name: "server name", files: mcpFile('{"mcpServers": {"a/b": {"command": "x"}}}'), expected: [`pack/invalid-name @ ${J}:1:17`] },
  { name: "server not an object", files: mcpFile('{"mcpServers": {"a": "npx a"}}'), expected: [`pack/wrong-type @ ${J}:1:22`] },
  { name: "server key packs does not read", files: mcpFile('{"mcpServers": {"a": {"command": "x", "timeout": 5}}}'), expected: [`pack/unknown-key @ ${J}:1:39`] },
  { name: "type not allowed", files: mcpFile('{"mcpServers": {"a": {"type": "ws", "url": "wss://x"}}}'), expected: [`pack/invalid-value @ ${J}:1:31`] },
  { name: "type named like an object property", files: mcpFile('{"mcpServers": {"a": {"type": "toString"}}}'), expected: [`pack/invalid-value @ ${J}:1:31`] },
  { name: "type not a string", files: mcpFile('{"mcpServers": {"a": {"type": 1}}}'), expected: [`pack/wrong-type @ ${J}:1:31`] },
  { name: "no command", files: mcpFile('{"mcpServers": {"a": {"args": ["x"]}, "b": {"command": ""}}}'), expected: [`pack/mcp-missing-command @ ${J}:1:17`, `pack/mcp-missing-command @ ${J}:1:39`] },
  { name: "no url", files: mcpFile('{"mcpServers": {"a": {"type": "http"}}}'), expected: [`pack/mcp-missing-url @ ${J}:1:17`] },
  { name: "url not http", files: mcpFile('{"mcpServers": {"a": {"type": "sse", "url": "ftp://x"}}}'), expected: [`pack/mcp-invalid-url @ ${J}:1:45`] },
  {
    name: "wrong shapes inside a server",
    files: mcpFile('{"mcpServers": {"a": {"command": ["npx", "a"], "args": "--x", "env": {"PORT": 8080}}, "b": {"type": "http", "url": "https://x", "headers": ["h"]}}}'),
    expected: [`pack/wrong-type @ ${J}:1:34`, `pack/wrong-type @ ${J}:1:56`, `pack/wrong-type @ ${J}:1:79`, `pack/wrong-type @ ${J}:1:140`],
    summary: "mcpServers.a.command must be a string, but it is a list",
  },
  {
    name: "fields the transport ignores",
    files: mcpFile('{"mcpServers": {"a": {"command": "x", "url": "https://x"}, "b": {"type": "http", "url": "https://x", "args": ["y"]}}}'),
    expected: [`pack/mcp-unused-field @ ${J}:1:39`, `pack/mcp-unused-field @ ${J}:1:102`],
  },
  { name: "cwd", files: mcpFile('{"mcpServers": {"a": {"command": "x", "cwd": "tools"}}}'), expected: [`pack/mcp-unused-field @ ${J}:1:39`], summary: "cwd is not supported" },
  {
    name: "malformed env references",
    files: mcpFile('{"mcpServers": {"a": {"command": "x", "args": ["${A B}"], "env": {"K": "${OPEN"}}}}'),
    expected: [`pack/bad-env-ref @ ${J}:1:48`, `pack/bad-env-ref @ ${J}:1:72`],
  },
  {
    name: "the same server in two files",
    files: claude('"mcpServers": ["./a.json", "./b.json"]', { "a.json": '{"x": {"command": "x"}}', "b.json": '{"mcpServers": {"x": {"command": "y"}}}' }),
    expected: ["pack/duplicate-key @ packs/demo/b.json:1:17"],
  },
  { name: "CLAUDE_PLUGIN_ROOT", files: mcpFile('{"mcpServers": {"a": {"command": "${CLAUDE_PLUGIN_ROOT}/bin/a"}}}'), expected: [`pack/plugin-root-reference @ ${J}:1:34`], hint: "npx or uvx" },
  { name: "user_config", files: mcpFile('{"mcpServers": {"a": {"type": "http", "url": "https://x", "headers": {"K": "${user_config.key}"}}}}'), expected: [`pack/plugin-variable @ ${J}:1:76`] },
  { name: ".mcp.json beside inline servers", files: claude('"mcpServers": {}', { ".mcp.json": "{}" }), expected: [`pack/plugin-file-ignored @ ${J}`] },

  // skipped components
  { name: "hooks", files: claude('"hooks": "./config/hooks.json"'), expected: [`pack/component-skipped @ ${M}:2:1`], summary: "hooks are not installed: ./config/hooks.json" },

  // APM bundles
  { name: "APM: no version", files: { "plugin.json": '{"name": "demo"}' }, expected: [] },
  { name: "APM: instruction frontmatter YAML", files: apm({ "instructions/a.instructions.md": "---\napplyTo: [a\n---\nx\n" }), expected: ["pack/yaml-syntax @ packs/demo/instructions/a.instructions.md:2:12"] },
  { name: "APM: instruction frontmatter a list", files: apm({ "instructions/a.instructions.md": "---\n- a\n---\nx\n" }), expected: ["pack/wrong-type @ packs/demo/instructions/a.instructions.md:2:1"] },
  { name: "APM: applyTo a number", files: apm({ "instructions/a.instructions.md": "---\napplyTo: 3\n---\nx\n" }), expected: ["pack/wrong-type @ packs/demo/instructions/a.instructions.md:2:10"] },
  { name: "APM: instruction not UTF-8", files: apm({ "instructions/a.instructions.md": new Uint8Array([0xff]) }), expected: ["pack/not-utf8 @ packs/demo/instructions/a.instructions.md"] },
  { name: "APM: a scoped instruction", files: apm({ "instructions/a.instructions.md": '---\napplyTo: "src/**"\n---\nx\n' }), expected: [] },
  { name: "APM: canvas extensions", files: apm({ "extensions/canvas/index.html": "<p>\n" }), expected: ["pack/component-skipped @ packs/demo/extensions/canvas/index.html"], hint: "apm install" },
];

const ALL_CODES = { ...PACK_DIAGNOSTIC_CODES, ...PLUGIN_DIAGNOSTIC_CODES };

describe("plugin diagnostics", () => {
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
      expect(Object.keys(ALL_CODES)).toContain(d.code);
    }
  });

  test("every plugin code is exercised by a case above", () => {
    const seen = new Set(cases.flatMap((c) => loadPack(packInput(c.files, c.symlinks)).diagnostics.map((d) => d.code)));
    expect(Object.keys(PLUGIN_DIAGNOSTIC_CODES).filter((c) => !seen.has(c))).toEqual([]);
  });

  test("the info diagnostics: a missing version, a scoped instruction", () => {
    const infos = (files: Record<string, string>) => loadPack(packInput(files)).diagnostics.filter((d) => d.severity === "info").map(brief);
    expect(infos({ "plugin.json": '{"name": "demo"}' })).toEqual(["pack/version-missing @ packs/demo/plugin.json"]);
    expect(infos(apm({ "instructions/a.instructions.md": '---\napplyTo: "src/**"\n---\nx\n' }))).toEqual(["pack/instruction-scope @ packs/demo/instructions/a.instructions.md:2:10"]);
  });

  test("plugin codes do not shadow the PACK.yaml codes", () => {
    expect(Object.keys(PLUGIN_DIAGNOSTIC_CODES).filter((c) => c in PACK_DIAGNOSTIC_CODES)).toEqual([]);
  });
});
