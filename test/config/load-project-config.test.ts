import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "yaml";
import { AGENT_IDS } from "../../src/core/agent-id.js";
import { loadProjectConfig } from "../../src/config/load-project-config.js";
import type { ProjectConfig } from "../../src/config/project-config.js";
import { found, yaml } from "./helpers.js";

const designExample = readFileSync(new URL("./fixtures/design-example.packs.yaml", import.meta.url), "utf8");

describe("loadProjectConfig: valid files", () => {
  it("loads the DESIGN §2 example with no diagnostics", () => {
    const { config, diagnostics } = loadProjectConfig("packs.yaml", designExample);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual<ProjectConfig>({
      file: "packs.yaml",
      version: 1,
      agents: ["opencode", "claude-code"],
      packs: [
        {
          key: "dbt-snowflake",
          source: { kind: "local", path: "./packs/dbt-snowflake" },
          sourceText: "./packs/dbt-snowflake",
          groups: [],
          exclude: [],
          mcp: {},
          location: { file: "packs.yaml", line: 4, col: 3 },
        },
        {
          key: "github-tools",
          source: { kind: "git", url: "https://github.com/acme/agent-packs.git", github: { owner: "acme", repo: "agent-packs" } },
          sourceText: "github:acme/agent-packs",
          ref: "v1.4.0",
          path: "packs/github",
          groups: ["core"],
          exclude: ["skills/legacy-review"],
          mcp: { github: { env: { GITHUB_TOKEN: "${env:GITHUB_TOKEN}" } } },
          location: { file: "packs.yaml", line: 6, col: 3 },
        },
        {
          key: "dbt-cloud",
          source: { kind: "registry", name: "dbt-cloud", range: "^1" },
          sourceText: "registry:dbt-cloud@^1",
          groups: [],
          exclude: [],
          mcp: {},
          agents: ["opencode"],
          location: { file: "packs.yaml", line: 15, col: 3 },
        },
      ],
      registries: { default: "https://example.com/registry.json" },
      policy: { trusted: [], floating: "warn" },
    });
  });

  it("a file with only a version is an empty project, agents left to detection", () => {
    const { config, diagnostics } = loadProjectConfig("packs.yaml", yaml("version: 1"));
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({ file: "packs.yaml", version: 1, packs: [], registries: {}, policy: { trusted: [], floating: "warn" } });
    expect(config).not.toHaveProperty("agents");
  });

  it("ignore: paths normalised, pointers decoded into segments, repeats dropped; omitted when absent", () => {
    const text = yaml(
      "version: 1",
      "ignore:",
      "  ./opencode.jsonc: [/mcp/*/enabled, /a~1b~0c, /mcp/*/enabled]",
      "  opencode.jsonc: [/$schema]",
      "  .cursor//mcp.json: [/mcpServers/*/alwaysAllow, /]",
      "  none.json: []",
    );
    const { config, diagnostics } = loadProjectConfig("packs.yaml", text);
    expect(diagnostics).toEqual([]);
    expect(config?.ignore).toEqual({
      "opencode.jsonc": [["mcp", "*", "enabled"], ["a/b~c"], ["$schema"]],
      ".cursor/mcp.json": [["mcpServers", "*", "alwaysAllow"], [""]],
    });
    expect(loadProjectConfig("packs.yaml", yaml("version: 1", "ignore: {}")).config).not.toHaveProperty("ignore");
  });

  it("accepts every source form", () => {
    const text = yaml(
      "version: 1",
      "packs:",
      "  a: { source: ./a }",
      "  b: { source: ../b }",
      "  c: { source: /abs/c }",
      "  d: { source: packs/d }",
      "  e: { source: github:o/r, ref: main }",
      "  f: { source: git+https://git.example/r.git, ref: 3f2e9c1, path: p }",
      "  g: { source: 'git+ssh://git@git.example/r.git' }",
      "  h: { source: 'git+file:///srv/r' }",
      "  i: { source: registry:i }",
      "  j: { source: 'registry:j@^1' }",
      "  k: { source: npm:k }",
      "  l: { source: 'npm:@s/l@^2' }",
      "  m: { source: ./m-1.0.0.tgz }",
    );
    const { config, diagnostics } = loadProjectConfig("packs.yaml", text);
    expect(diagnostics).toEqual([]);
    expect(config?.packs.map((p) => `${p.key}:${p.source.kind}`)).toEqual([
      "a:local", "b:local", "c:local", "d:local", "e:git", "f:git", "g:git", "h:git",
      "i:registry", "j:registry", "k:npm", "l:npm", "m:tarball",
    ]);
  });

  it("keeps packs in file order, numeric-looking keys included", () => {
    const text = yaml("version: 1", "packs:", "  zeta: { source: ./z }", "  10: { source: ./t }", "  alpha: { source: ./a }", "  2: { source: ./b }");
    expect(loadProjectConfig("packs.yaml", text).config?.packs.map((p) => p.key)).toEqual(["zeta", "10", "alpha", "2"]);
  });

  it("removes duplicate agents (with a warning) and keeps the config", () => {
    const text = yaml("version: 1", "agents: [codex, opencode, codex]", "packs:", "  a:", "    source: ./a", "    agents: [codex, codex]");
    const { config, diagnostics } = loadProjectConfig("packs.yaml", text);
    expect(diagnostics.map((d) => d.code)).toEqual(["packs-yaml/duplicate-agent", "packs-yaml/duplicate-agent"]);
    expect(config?.agents).toEqual(["codex", "opencode"]);
    expect(config?.packs[0]?.agents).toEqual(["codex"]);
  });

  it("returns the config with unknown keys dropped and warned about", () => {
    const text = yaml("version: 1", "colour: blue", "packs:", "  a:", "    source: ./a", "    extra: 1", "    mcp:", "      s: { enabled: false, typo: 1 }");
    const { config, diagnostics } = loadProjectConfig("packs.yaml", text);
    expect(diagnostics.map((d) => [d.severity, d.code, d.location?.line, d.location?.col])).toEqual([
      ["warning", "packs-yaml/unknown-key", 2, 1],
      ["warning", "packs-yaml/unknown-key", 6, 5],
      ["warning", "packs-yaml/unknown-key", 8, 28],
    ]);
    expect(diagnostics[0]?.summary).toContain('"colour"');
    expect(config?.packs[0]).toMatchObject({ key: "a", mcp: { s: { enabled: false } } });
    expect(config?.packs[0]).not.toHaveProperty("extra");
    expect(config?.packs[0]?.mcp.s).not.toHaveProperty("typo");
  });

  it.each([
    ["top level", ["version: 1", "agent: [codex]"], "agents"],
    ["a pack entry", ["version: 1", "packs:", "  a:", "    sourc: ./a", "    source: ./a"], "source"],
    ["a pack's MCP override", ["version: 1", "packs:", "  a:", "    source: ./a", "    mcp:", "      s: { env: {}, enable: false }"], "enabled"],
    ["policy", ["version: 1", "policy:", "  Trusted: []"], "trusted"],
  ])("suggests the key meant by a typo at %s", (_, lines, meant) => {
    const [d] = loadProjectConfig("packs.yaml", yaml(...lines)).diagnostics;
    expect(d?.code).toBe("packs-yaml/unknown-key");
    expect(d?.hint).toBe(`Did you mean "${meant}"? Otherwise remove the key.`);
  });

  it("suggests nothing for a key close to no known one", () => {
    const far = loadProjectConfig("packs.yaml", yaml("version: 1", "colour: blue")).diagnostics[0];
    expect(far?.hint).toBe("Check the spelling against the reference, or remove the key.");
  });
});

describe("loadProjectConfig: empty keys", () => {
  it("an empty key (only comments under it) is an empty list or map", () => {
    const text = yaml(
      "version: 1",
      "packs:",
      "  a:",
      "    source: ./a",
      "    groups:",
      "      # - core",
      "    exclude:",
      "    mcp:",
      "      github:",
      "        env:",
      "        headers:",
      "registries:",
      "  # default: https://example.com/registry.json",
    );
    const { config, diagnostics } = loadProjectConfig("packs.yaml", text);
    expect(diagnostics).toEqual([]);
    expect(config?.packs[0]).toMatchObject({ groups: [], exclude: [], mcp: { github: { env: {}, headers: {} } } });
    expect(config?.registries).toEqual({});
  });

  it("an empty packs: is no packs; a missing packs: too", () => {
    expect(loadProjectConfig("p", yaml("version: 1", "packs:", "  # none yet")).config?.packs).toEqual([]);
    expect(loadProjectConfig("p", yaml("version: 1", "packs: {}")).config?.packs).toEqual([]);
    expect(loadProjectConfig("p", yaml("version: 1")).config?.packs).toEqual([]);
  });

  it("an empty agents: selects no agent, with a warning", () => {
    const { config, diagnostics } = loadProjectConfig("p", yaml("version: 1", "agents:", "  # - opencode"));
    expect(config?.agents).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(["packs-yaml/empty-agents"]);
  });
});

describe("loadProjectConfig: one pass", () => {
  it("reports every problem of every pack, in file order, and no config", () => {
    const text = yaml(
      'version: "1"', //                                1
      "agents: [opencode, opencode]", //                2
      "packs:", //                                      3
      "  Bad:", //                                      4
      "    source: foo:bar", //                         5
      "    exclude: [nope]", //                         6
      "    groups: core", //                            7
      "  good:", //                                     8
      "    source: ./good", //                          9
      "  local:", //                                    10
      "    source: ./x", //                             11
      "    ref: v1", //                                 12
      "    agents: [gemini]", //                        13
      "  remote:", //                                   14
      "    source: github:acme/x", //                   15
      "    path: ../x", //                              16
      "    mcp:", //                                    17
      '      s: { env: { T: "${env:" } }', //           18
      "registries:", //                                 19
      "  r: ftp://x", //                                20
    );
    const { config, diagnostics } = loadProjectConfig("packs.yaml", text);
    expect(config).toBeUndefined();
    expect(found(text)).toEqual([
      "packs-yaml/bad-version 1:10",
      "warning packs-yaml/duplicate-agent 2:20",
      "packs-yaml/bad-pack-key 4:3",
      "packs-yaml/bad-source 5:13",
      "packs-yaml/bad-exclude 6:15",
      "packs-yaml/wrong-type 7:13",
      "warning packs-yaml/ignored-field 12:5",
      "packs-yaml/agent-not-selected 13:14",
      "packs-yaml/unsafe-path 16:11",
      "packs-yaml/bad-env-ref 18:22",
      "packs-yaml/bad-registry-url 20:6",
    ]);
    expect(diagnostics).toHaveLength(11);
  });

  it("a YAML syntax error stops at the YAML, with its line:col", () => {
    const { config, diagnostics } = loadProjectConfig("packs.yaml", yaml("version: 1", "packs:", "  a: { source: ./a", "  b: 1"));
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.location])).toEqual([["packs-yaml/yaml-syntax", { file: "packs.yaml", line: 4, col: 3 }]]);
  });
});

describe("loadProjectConfig: properties", () => {
  const agent = fc.constantFrom(...AGENT_IDS);
  const name = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
  const sourceText = fc.oneof(
    name.map((n) => `./packs/${n}`),
    fc.tuple(name, name).map(([o, r]) => `github:${o}/${r}`),
    name.map((n) => `registry:${n}@^1`),
    name.map((n) => `npm:@s/${n}`),
    name.map((n) => `git+file:///srv/${n}`),
  );
  const entry = fc.record(
    {
      source: sourceText,
      groups: fc.array(name, { maxLength: 3 }),
      exclude: fc.array(name.map((n) => `skills/${n}`), { maxLength: 3 }),
      mcp: fc.dictionary(name, fc.record({ env: fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), name.map((n) => `\${env:${n.replace(/-/g, "_").replace(/^[0-9]/, "_")}}`), { maxKeys: 2 }) }), { maxKeys: 2 }),
    },
    { requiredKeys: ["source"] },
  );
  const file = fc.record(
    {
      version: fc.constant(1),
      agents: fc.uniqueArray(agent, { minLength: 1 }),
      packs: fc.dictionary(name, entry, { maxKeys: 4 }),
      registries: fc.dictionary(name, name.map((n) => `https://example.com/${n}.json`), { maxKeys: 2 }),
    },
    { requiredKeys: ["version"] },
  );

  it("any well-formed file loads without diagnostics and keeps what was written", () => {
    fc.assert(
      fc.property(file, (value) => {
        const { config, diagnostics } = loadProjectConfig("packs.yaml", stringify(value));
        expect(diagnostics).toEqual([]);
        expect(config?.agents).toEqual(value.agents);
        expect(config?.packs.map((p) => [p.key, p.sourceText, p.groups, p.exclude, p.mcp])).toEqual(
          Object.entries(value.packs ?? {}).map(([k, e]) => [k, e.source, e.groups ?? [], e.exclude ?? [], e.mcp ?? {}]),
        );
        expect(config?.registries).toEqual(value.registries ?? {});
      }),
      { numRuns: 200 },
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { config, diagnostics } = loadProjectConfig("packs.yaml", text);
        return config !== undefined || diagnostics.some((d) => d.severity === "error");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on YAML-shaped noise", () => {
    const token = fc.constantFrom("version: 1\n", "packs:\n", "  a:\n", "    source: ./x\n", "    mcp:\n", "      s:\n", "        env: {A: '${x'}\n", "agents: [", "opencode", "]\n", "- ", "  ", ": ", "null\n", "'", "\"", "{", "}", "&a ", "*a\n", "#c\n");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const r = loadProjectConfig("packs.yaml", tokens.join(""));
        return Array.isArray(r.diagnostics);
      }),
      { numRuns: 500 },
    );
  });
});

describe("loadProjectConfig: policy", () => {
  it("reads allow_sources, trusted and floating", () => {
    const { config, diagnostics } = loadProjectConfig("packs.yaml", "version: 1\npolicy:\n  allow_sources: [\"github:acme/*\", ./packs/*]\n  trusted: [dbt]\n  floating: deny\n");
    expect(diagnostics).toEqual([]);
    expect(config!.policy).toEqual({ allowSources: ["github:acme/*", "./packs/*"], trusted: ["dbt"], floating: "deny" });
  });

  it("refuses an unknown floating mode and an unknown policy key, located", () => {
    const { config, diagnostics } = loadProjectConfig("packs.yaml", "version: 1\npolicy:\n  floating: sometimes\n  allow: []\n");
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.location?.line, d.severity])).toEqual([[3, "error"], [4, "warning"]]);
  });
});
