/**
 * Every packs.yaml rule, with its exact code and line:col. Lines are written one per argument
 * of yaml(), so line N is argument N.
 */
import { describe, expect, it } from "vitest";
import { PACKS_YAML_CODES } from "../../src/config/diagnostic-codes.js";
import { loadProjectConfig } from "../../src/config/load-project-config.js";
import { found, yaml } from "./helpers.js";

const pack = (...body: string[]) => yaml("version: 1", "packs:", "  a:", ...body);

interface Case {
  name: string;
  text: string;
  expected: string[];
}

const cases: Case[] = [
  // pack keys
  { name: "uppercase pack key", text: yaml("version: 1", "packs:", "  Dbt:", "    source: ./x"), expected: ["packs-yaml/bad-pack-key 3:3"] },
  { name: "pack key with ..", text: yaml("version: 1", "packs:", "  a..b:", "    source: ./x"), expected: ["packs-yaml/bad-pack-key 3:3"] },
  { name: "pack key starting with .", text: yaml("version: 1", "packs:", "  .hidden:", "    source: ./x"), expected: ["packs-yaml/bad-pack-key 3:3"] },
  { name: "pack key with a slash", text: yaml("version: 1", "packs:", "  a/b:", "    source: ./x"), expected: ["packs-yaml/bad-pack-key 3:3"] },
  { name: "pack key of 65 characters", text: yaml("version: 1", "packs:", `  ${"k".repeat(65)}:`, "    source: ./x"), expected: ["packs-yaml/bad-pack-key 3:3"] },
  // sources
  { name: "empty source", text: pack('    source: ""'), expected: ["packs-yaml/bad-source 4:13"] },
  { name: "unknown scheme", text: pack("    source: foo:bar"), expected: ["packs-yaml/bad-source 4:13"] },
  { name: "github: without owner/repo", text: pack("    source: 'github:'"), expected: ["packs-yaml/bad-source 4:13"] },
  { name: "github:owner only", text: pack("    source: github:acme"), expected: ["packs-yaml/bad-source 4:13"] },
  { name: "missing source", text: pack("    ref: v1"), expected: ["packs-yaml/missing-key 3:3"] },
  { name: "source not a string", text: pack("    source: [a]"), expected: ["packs-yaml/wrong-type 4:13"] },
  // git-only fields
  { name: "ref on a local source", text: pack("    source: ./x", "    ref: v1"), expected: ["warning packs-yaml/ignored-field 5:5"] },
  { name: "path on a registry source", text: pack("    source: registry:x", "    path: sub"), expected: ["warning packs-yaml/ignored-field 5:5"] },
  { name: "ref and path on an npm source", text: pack("    source: npm:x", "    ref: v1", "    path: sub"), expected: ["warning packs-yaml/ignored-field 5:5", "warning packs-yaml/ignored-field 6:5"] },
  { name: "ref on a git source", text: pack("    source: github:acme/x", "    ref: v1", "    path: packs/a"), expected: [] },
  { name: "absolute path", text: pack("    source: github:acme/x", "    path: /etc"), expected: ["packs-yaml/unsafe-path 5:11"] },
  { name: "path with ..", text: pack("    source: git+https://h.example/r.git", "    path: a/../../b"), expected: ["packs-yaml/unsafe-path 5:11"] },
  { name: "path with .. on a bad source", text: pack("    source: foo:bar", "    path: .."), expected: ["packs-yaml/bad-source 4:13", "packs-yaml/unsafe-path 5:11"] },
  { name: "empty ref", text: pack("    source: github:acme/x", '    ref: ""'), expected: ["packs-yaml/invalid-value 5:10"] },
  // exclude
  { name: "bad exclude in a flow list", text: pack("    source: ./x", "    exclude: [skills/x, nope]"), expected: ["packs-yaml/bad-exclude 5:25"] },
  { name: "bad exclude in a block list", text: pack("    source: ./x", "    exclude:", "      - instructions", "      - mcp/"), expected: ["packs-yaml/bad-exclude 7:9"] },
  { name: "good excludes", text: pack("    source: ./x", "    exclude: [skills/a, mcp/b, plugins/@s/p@^1, instructions]"), expected: [] },
  { name: "exclude not a list", text: pack("    source: ./x", "    exclude: skills/a"), expected: ["packs-yaml/wrong-type 5:14"] },
  // agents
  { name: "top-level agents as a string", text: yaml("version: 1", "agents: opencode"), expected: ["packs-yaml/wrong-type 2:9"] },
  { name: "unknown agent id", text: yaml("version: 1", "agents: [opencode, claude]"), expected: ["packs-yaml/invalid-value 2:20"] },
  { name: "duplicate top-level agent", text: yaml("version: 1", "agents: [opencode, opencode]"), expected: ["warning packs-yaml/duplicate-agent 2:20"] },
  { name: "empty top-level agents", text: yaml("version: 1", "agents: []"), expected: ["warning packs-yaml/empty-agents 2:1"] },
  {
    name: "duplicate per-pack agent",
    text: pack("    source: ./x", "    agents:", "      - gemini", "      - gemini"),
    expected: ["warning packs-yaml/duplicate-agent 7:9"],
  },
  {
    name: "per-pack agent not selected",
    text: yaml("version: 1", "agents: [opencode]", "packs:", "  a:", "    source: ./x", "    agents: [opencode, gemini]"),
    expected: ["packs-yaml/agent-not-selected 6:24"],
  },
  {
    name: "per-pack agent with no top-level agents",
    text: pack("    source: ./x", "    agents: [gemini]"),
    expected: [],
  },
  { name: "empty per-pack agents", text: pack("    source: ./x", "    agents: []"), expected: ["warning packs-yaml/empty-agents 5:5"] },
  // MCP overrides and env references
  {
    name: "malformed env references",
    text: pack("    source: ./x", "    mcp:", "      gh:", "        env:", '          A: "${env:}"', '          B: "${env:B"', '          C: "ok ${C} ${env:D}"'),
    expected: ["packs-yaml/bad-env-ref 8:14", "packs-yaml/bad-env-ref 9:14"],
  },
  {
    name: "malformed header reference in a flow map",
    text: pack("    source: ./x", "    mcp:", "      gh:", '        headers: { Authorization: "Bearer ${1X}" }'),
    expected: ["packs-yaml/bad-env-ref 7:35"],
  },
  { name: "env value not a string", text: pack("    source: ./x", "    mcp:", "      gh:", "        env: { PORT: 8080 }"), expected: ["packs-yaml/wrong-type 7:22"] },
  { name: "enabled as a string", text: pack("    source: ./x", "    mcp:", "      gh:", '        enabled: "false"'), expected: ["packs-yaml/wrong-type 7:18"] },
  { name: "unknown key in an MCP override", text: pack("    source: ./x", "    mcp:", "      gh:", "        envs: {}"), expected: ["warning packs-yaml/unknown-key 7:9"] },
  // version
  { name: "version as a string", text: yaml('version: "1"'), expected: ["packs-yaml/bad-version 1:10"] },
  { name: "version 2", text: yaml("version: 2"), expected: ["packs-yaml/bad-version 1:10"] },
  { name: "missing version", text: yaml("# packs", "packs: {}"), expected: ["packs-yaml/missing-key 2:1"] },
  // shape
  { name: "unknown top-level key", text: yaml("version: 1", "agent: [opencode]"), expected: ["warning packs-yaml/unknown-key 2:1"] },
  { name: "unknown pack key", text: pack("    source: ./x", "    group: [core]"), expected: ["warning packs-yaml/unknown-key 5:5"] },
  { name: "pack entry as a string", text: yaml("version: 1", "packs:", "  a: ./x"), expected: ["packs-yaml/wrong-type 3:6"] },
  { name: "pack entry empty", text: yaml("version: 1", "packs:", "  a:"), expected: ["packs-yaml/wrong-type 3:5"] },
  { name: "packs as a list", text: yaml("version: 1", "packs:", "  - ./x"), expected: ["packs-yaml/wrong-type 3:3"] },
  { name: "groups as a string", text: pack("    source: ./x", "    groups: core"), expected: ["packs-yaml/wrong-type 5:13"] },
  // registries
  { name: "registry URL with an unreadable scheme", text: yaml("version: 1", "registries:", "  corp: ftp://h/r.json"), expected: ["packs-yaml/bad-registry-url 3:9"] },
  { name: "registry as a path or URL", text: yaml("version: 1", "registries:", "  a: ./r.json", "  b: https://h/r.json", "  c: file:///r.json", "  d: C:\\r.json"), expected: [] },
  // ignore
  { name: "ignore pointer without a leading /", text: yaml("version: 1", "ignore:", "  opencode.jsonc: [mcp/x]"), expected: ["packs-yaml/bad-ignore-pointer 3:20"] },
  { name: "ignore pointer with a bad ~ escape", text: yaml("version: 1", "ignore:", "  opencode.jsonc:", "    - /mcp/a~2b"), expected: ["packs-yaml/bad-ignore-pointer 4:7"] },
  { name: "ignore pointer naming the whole file", text: yaml("version: 1", "ignore:", '  opencode.jsonc: [""]'), expected: ["packs-yaml/bad-ignore-pointer 3:20"] },
  { name: "ignore file outside the project (..)", text: yaml("version: 1", "ignore:", "  ../x/opencode.jsonc: [/a]"), expected: ["packs-yaml/unsafe-path 3:3"] },
  { name: "ignore file as an absolute path", text: yaml("version: 1", "ignore:", "  /etc/opencode.jsonc: [/a]"), expected: ["packs-yaml/unsafe-path 3:3"] },
  { name: "ignore file in the home folder", text: yaml("version: 1", "ignore:", "  ~/.cursor/mcp.json: [/a]"), expected: ["packs-yaml/unsafe-path 3:3"] },
  { name: "ignore file that names no file", text: yaml("version: 1", "ignore:", "  ./: [/a]"), expected: ["packs-yaml/unsafe-path 3:3"] },
  { name: "ignore on a Markdown file", text: yaml("version: 1", "ignore:", "  AGENTS.md: [/a]"), expected: ["warning packs-yaml/ignore-not-applicable 3:3"] },
  { name: "ignore pointers as a string", text: yaml("version: 1", "ignore:", "  opencode.jsonc: /a"), expected: ["packs-yaml/wrong-type 3:19"] },
  { name: "ignore pointer as a number", text: yaml("version: 1", "ignore:", "  opencode.jsonc: [1]"), expected: ["packs-yaml/wrong-type 3:20"] },
  { name: "ignore: good pointers in JSON, JSONC and TOML files", text: yaml("version: 1", "ignore:", "  opencode.jsonc: [/mcp/*/enabled, /$schema, /a~1b~0c, /]", "  .cursor/mcp.json: [/mcpServers/*/alwaysAllow]", "  .codex/config.toml: [/mcp_servers/*/tool_timeout_sec]", "  empty.json:"), expected: [] },
  // YAML itself
  { name: "YAML syntax error", text: yaml("version: 1", "agents: [opencode", "packs: {}"), expected: ["packs-yaml/yaml-syntax 3:1"] },
  { name: "bad indentation", text: pack("    source: ./x", "   ref: v1"), expected: ["packs-yaml/yaml-syntax 5:1"] },
  { name: "duplicate top-level key", text: yaml("version: 1", "version: 1"), expected: ["packs-yaml/duplicate-key 2:1"] },
  { name: "duplicate pack key", text: yaml("version: 1", "packs:", "  a:", "    source: ./x", "  a:", "    source: ./y"), expected: ["packs-yaml/duplicate-key 5:3"] },
  { name: "empty file", text: "", expected: ["packs-yaml/empty-file 1:1"] },
  { name: "comments only", text: yaml("# nothing yet"), expected: ["packs-yaml/empty-file 1:1"] },
  { name: "top level is a list", text: yaml("# x", "- version: 1"), expected: ["packs-yaml/not-a-map 2:1"] },
  { name: "top level is a scalar", text: yaml("packs"), expected: ["packs-yaml/not-a-map 1:1"] },
];

describe("packs.yaml rules: code and line:col", () => {
  it.each(cases)("$name", ({ text, expected }) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("packs.yaml diagnostics: content", () => {
  it("every diagnostic has a summary, a location with line and col, and a hint", () => {
    for (const { text } of cases) {
      for (const d of loadProjectConfig("packs.yaml", text).diagnostics) {
        expect(Object.values(PACKS_YAML_CODES)).toContain(d.code);
        expect(d.summary.length).toBeGreaterThan(0);
        expect(d.summary).not.toContain("\n");
        expect(d.location?.file).toBe("packs.yaml");
        expect(d.location?.line).toBeTypeOf("number");
        expect(d.location?.col).toBeTypeOf("number");
        expect(d.hint?.length).toBeGreaterThan(0);
      }
    }
  });

  it("agents: opencode says it expected an array and how to write it", () => {
    const [d] = loadProjectConfig("packs.yaml", yaml("version: 1", "agents: opencode")).diagnostics;
    expect(d?.summary).toBe('agents: expected array (a list), got string "opencode"');
    expect(d?.hint).toContain("agents: [opencode]");
  });

  it('version: "1" says to drop the quotes; version: 2 says which version is read', () => {
    expect(loadProjectConfig("f", yaml('version: "1"')).diagnostics[0]?.hint).toMatch(/without quotes/);
    expect(loadProjectConfig("f", yaml("version: 2")).diagnostics[0]?.hint).toMatch(/only version 1/);
  });

  it("a bad source lists the accepted forms", () => {
    const [d] = loadProjectConfig("packs.yaml", pack("    source: foo:bar")).diagnostics;
    expect(d?.summary).toContain('"foo:"');
    expect(d?.hint).toMatch(/github:owner\/repo.*git\+https:.*registry:name.*npm:pkg.*\.tgz/);
  });

  it("a pack written as a string gets the source: fix", () => {
    const [d] = loadProjectConfig("packs.yaml", yaml("version: 1", "packs:", "  a: ./x")).diagnostics;
    expect(d?.hint).toContain('"source: ./x"');
  });

  it("agent-not-selected names the project's agents", () => {
    const text = yaml("version: 1", "agents: [opencode, codex]", "packs:", "  a:", "    source: ./x", "    agents: [gemini]");
    const [d] = loadProjectConfig("packs.yaml", text).diagnostics;
    expect(d?.summary).toContain('"gemini"');
    expect(d?.hint).toContain("opencode, codex");
  });

  it("an empty ref says to write a value or remove the key", () => {
    const [d] = loadProjectConfig("packs.yaml", pack("    source: github:acme/x", '    ref: ""')).diagnostics;
    expect(d?.summary).toBe("packs.a.ref: must not be empty");
    expect(d?.hint).toBe('Write a value, or remove "ref:".');
  });

  it("the file name given is the file name reported", () => {
    const [d] = loadProjectConfig("sub/packs.yaml", yaml("version: 2")).diagnostics;
    expect(d?.location).toEqual({ file: "sub/packs.yaml", line: 1, col: 10 });
  });
});
