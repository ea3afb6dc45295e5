/**
 * The packs.yaml editor behind `packs add`, `packs remove` and `packs init`: text in, text out.
 * Every byte outside the lines added or removed must survive; every result must load.
 */
import { describe, expect, it } from "vitest";
import { addPackEntry, defaultPackName, initReplaceable, manifestName, packKeyFrom, parseAgentsOption, removePackEntry, type NewPackEntry } from "../../src/config/edit-packs-yaml.js";
import { initialPacksYaml } from "../../src/config/packs-yaml-template.js";
import { loadProjectConfig } from "../../src/config/load-project-config.js";
import { parseSourceSpec } from "../../src/config/source-spec.js";
import type { SourceSpec } from "../../src/config/project-config.js";

const F = "packs.yaml";

/** A file as a user writes it: aligned comments, flow lists, a `- x` list at the key's column, blank lines, a block scalar. */
const COMMENTED = `# yaml-language-server: $schema=./node_modules/packs/schema/packs.schema.json
# Our agent setup. Review with \`packs plan\`.
version: 1          # always 1
agents: [opencode,   claude-code]   # both
packs:
  # the data pack, owned by the data team
  acme-data:
    source: ./packs/acme-data        # a folder
    groups: [costs]
    exclude:
    - skills/reviewing-sql
    # mcp:
    #   dbt: {}

  # tools from GitHub, pinned
  tools:
    source: "github:acme/agent-packs"
    ref: 'v1.4.0'
    path: packs/tools
    # exclude: [instructions]
  # later: the docs pack
  #   docs:
  #     source: npm:@acme/docs

# Which sources we accept.
policy:
  floating: warn   # for now
`;

/** The lines of `after` that replaced lines of `before`: common prefix and suffix removed. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[]; at: number } {
  const a = before.split("\n");
  const b = after.split("\n");
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { removed: a.slice(p, a.length - s), added: b.slice(p, b.length - s), at: p + 1 };
}

function added(text: string, entry: NewPackEntry): string {
  const r = addPackEntry(F, text, entry);
  expect(r.diagnostics.filter((d) => d.severity === "error"), JSON.stringify(r.diagnostics, null, 2)).toEqual([]);
  expect(r.text).toBeDefined();
  expect(loadProjectConfig(F, r.text!).config, "the result loads").toBeDefined();
  return r.text!;
}

function removed(text: string, key: string): string {
  const r = removePackEntry(F, text, key);
  expect(r.diagnostics.filter((d) => d.severity === "error"), JSON.stringify(r.diagnostics, null, 2)).toEqual([]);
  expect(r.text).toBeDefined();
  expect(loadProjectConfig(F, r.text!).config, "the result loads").toBeDefined();
  return r.text!;
}

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe("addPackEntry", () => {
  it("adds exactly the entry's lines to a file full of comments; every other byte stays", () => {
    const after = added(COMMENTED, { key: "docs", source: "npm:@acme/docs@^2" });
    const d = lineDiff(COMMENTED, after);
    expect(d.removed).toEqual([]);
    // After the last entry and its deeper comment, before the column-2 comment: separated by a
    // blank line like the entries before it.
    expect(d.added).toEqual(["", "  docs:", "    source: npm:@acme/docs@^2"]);
    expect(after.split("\n")[d.at - 2]).toBe("    # exclude: [instructions]");
    expect(after).toBe(COMMENTED.replace("    # exclude: [instructions]\n", "    # exclude: [instructions]\n\n  docs:\n    source: npm:@acme/docs@^2\n"));
    expect(loadProjectConfig(F, after).config!.packs.map((p) => p.key)).toEqual(["acme-data", "tools", "docs"]);
  });

  it.each<[string, string, NewPackEntry, string]>([
    [
      "entries without blank lines between them: none before the new one",
      "version: 1\npacks:\n  a:\n    source: ./a\n  b:\n    source: ./b\n",
      { key: "c", source: "./c" },
      "version: 1\npacks:\n  a:\n    source: ./a\n  b:\n    source: ./b\n  c:\n    source: ./c\n",
    ],
    [
      "four-space indentation is kept for the key and its fields",
      "version: 1\npacks:\n    a:\n        source: ./a\n",
      { key: "b", source: "github:acme/tools", ref: "v1", path: "packs/b" },
      "version: 1\npacks:\n    a:\n        source: ./a\n    b:\n        source: github:acme/tools\n        ref: v1\n        path: packs/b\n",
    ],
    [
      "packs: {} becomes a block (the one changed line), the entry right under it",
      "version: 1\n\n# examples\npacks: {}\n\n# policy:\n",
      { key: "a", source: "./a" },
      "version: 1\n\n# examples\npacks:\n  a:\n    source: ./a\n\n# policy:\n",
    ],
    [
      "a comment on the packs: {} line stays on it",
      "version: 1\npacks: {}   # none yet\n",
      { key: "a", source: "./a" },
      "version: 1\npacks:   # none yet\n  a:\n    source: ./a\n",
    ],
    [
      "packs: with nothing under it but comments",
      "version: 1\npacks:\n  # to do\npolicy:\n  floating: warn\n",
      { key: "a", source: "./a" },
      "version: 1\npacks:\n  a:\n    source: ./a\n  # to do\npolicy:\n  floating: warn\n",
    ],
    [
      "packs: ~",
      "version: 1\npacks: ~\n",
      { key: "a", source: "./a" },
      "version: 1\npacks:\n  a:\n    source: ./a\n",
    ],
    [
      "no packs: at all: appended at the end",
      "# mine\nversion: 1\nagents: [codex]\n",
      { key: "a", source: "./a" },
      "# mine\nversion: 1\nagents: [codex]\npacks:\n  a:\n    source: ./a\n",
    ],
    [
      "no final line break: one is added before the entry",
      "version: 1\npacks:\n  a:\n    source: ./a",
      { key: "b", source: "./b" },
      "version: 1\npacks:\n  a:\n    source: ./a\n  b:\n    source: ./b\n",
    ],
    [
      "a trailing comment on the last entry's last line stays with it",
      "version: 1\npacks:\n  a:\n    source: ./a   # here\n# end\n",
      { key: "b", source: "./b" },
      "version: 1\npacks:\n  a:\n    source: ./a   # here\n  b:\n    source: ./b\n# end\n",
    ],
    [
      "CRLF files get CRLF lines",
      "version: 1\r\npacks:\r\n  a:\r\n    source: ./a\r\n# end\r\n",
      { key: "b", source: "./b", agents: ["opencode"] },
      "version: 1\r\npacks:\r\n  a:\r\n    source: ./a\r\n  b:\r\n    source: ./b\r\n    agents: [opencode]\r\n# end\r\n",
    ],
    [
      "values are quoted as YAML needs (a ref that looks like a number stays a string); agents as a flow list",
      "version: 1\npacks: {}\n",
      { key: "x", source: "git+https://example.com/o/x.git", ref: "1.0", path: "packs/x", agents: ["codex", "cursor"] },
      'version: 1\npacks:\n  x:\n    source: git+https://example.com/o/x.git\n    ref: "1.0"\n    path: packs/x\n    agents: [codex, cursor]\n',
    ],
  ])("%s", (_, before, entry, want) => {
    const after = added(before, entry);
    expect(after).toBe(want);
    const pack = loadProjectConfig(F, after).config!.packs.find((p) => p.key === entry.key)!;
    expect(pack.sourceText).toBe(entry.source);
    expect(pack.ref).toBe(entry.ref);
    expect(pack.path).toBe(entry.path);
    expect(pack.agents).toEqual(entry.agents);
  });

  it.each<[string, string, NewPackEntry, string[]]>([
    ["a name that is taken", COMMENTED, { key: "tools", source: "./t" }, ["add/exists"]],
    ["a name that is not a safe key", "version: 1\npacks: {}\n", { key: "Tools", source: "./t" }, ["add/bad-name"]],
    ["a source packs.yaml would refuse", "version: 1\npacks: {}\n", { key: "t", source: "https://github.com/o/r" }, ["add/bad-source"]],
    ["a control character in the source", "version: 1\npacks: {}\n", { key: "t", source: "./a\nb" }, ["add/bad-source"]],
    ["--ref on a local folder", "version: 1\npacks: {}\n", { key: "t", source: "./t", ref: "v1" }, ["add/git-only"]],
    ["--path on an npm source", "version: 1\npacks: {}\n", { key: "t", source: "npm:t", path: "x" }, ["add/git-only"]],
    ["packs: as a flow map with entries", "version: 1\npacks: {a: {source: ./a}}\n", { key: "t", source: "./t" }, ["add/unsupported-layout"]],
    ["a file with an error elsewhere", "version: 1\npacks:\n  a:\n    source: https://x.example/r\n", { key: "t", source: "./t" }, ["add/invalid-config", "packs-yaml/bad-source"]],
    ["a file that is not YAML", "version: 1\npacks: [\n", { key: "t", source: "./t" }, ["add/invalid-config", "packs-yaml/yaml-syntax"]],
    ["an empty file (packs init makes one)", "", { key: "t", source: "./t" }, ["add/invalid-config", "packs-yaml/empty-file"]],
    [
      "agents the project does not set up: the edited file would not load",
      "version: 1\nagents: [opencode]\npacks: {}\n",
      { key: "t", source: "./t", agents: ["cursor"] },
      ["add/would-not-load", "packs-yaml/agent-not-selected"],
    ],
    ["a path outside the repository", "version: 1\npacks: {}\n", { key: "t", source: "github:o/r", path: "../x" }, ["add/would-not-load", "packs-yaml/unsafe-path"]],
  ])("refuses %s, returning no text", (_, before, entry, want) => {
    const r = addPackEntry(F, before, entry);
    expect(r.text).toBeUndefined();
    expect(codes(r)).toEqual(want);
  });

  it("says where the existing entry is, and how to add the source anyway", () => {
    const r = addPackEntry(F, COMMENTED, { key: "tools", source: "./t" });
    expect(r.diagnostics[0]).toMatchObject({ code: "add/exists", location: { file: F, line: 16, col: 3 } });
    expect(r.diagnostics[0]!.hint).toContain("--name");
  });

  it("passes on the warnings the new file loads with", () => {
    const r = addPackEntry(F, "version: 1\ncolour: blue\npacks: {}\n", { key: "t", source: "./t" });
    expect(r.text).toBeDefined();
    expect(codes(r)).toEqual(["packs-yaml/unknown-key"]);
  });
});

describe("removePackEntry", () => {
  it("removes the entry and the comment right above it; the comment above the next entry stays", () => {
    const after = removed(COMMENTED, "acme-data");
    const d = lineDiff(COMMENTED, after);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([
      "  # the data pack, owned by the data team",
      "  acme-data:",
      "    source: ./packs/acme-data        # a folder",
      "    groups: [costs]",
      "    exclude:",
      "    - skills/reviewing-sql",
      "    # mcp:",
      "    #   dbt: {}",
      "",
    ]);
    expect(after).toContain("packs:\n  # tools from GitHub, pinned\n  tools:\n");
  });

  it("removing the last entry keeps the comments after it that are not inside it", () => {
    const after = removed(COMMENTED, "tools");
    expect(lineDiff(COMMENTED, after).removed).toEqual([
      "",
      "  # tools from GitHub, pinned",
      "  tools:",
      '    source: "github:acme/agent-packs"',
      "    ref: 'v1.4.0'",
      "    path: packs/tools",
      "    # exclude: [instructions]",
    ]);
    // The blank line that separated it from the entry before goes too.
    expect(after).toContain("    #   dbt: {}\n  # later: the docs pack\n");
  });

  it.each<[string, string, string, string]>([
    [
      "between two entries",
      "version: 1\npacks:\n  a:\n    source: ./a\n  b:\n    source: ./b\n  c:\n    source: ./c\n",
      "b",
      "version: 1\npacks:\n  a:\n    source: ./a\n  c:\n    source: ./c\n",
    ],
    [
      "blank lines around it: one stays",
      "version: 1\npacks:\n  a:\n    source: ./a\n\n  b:\n    source: ./b\n\n  c:\n    source: ./c\n",
      "b",
      "version: 1\npacks:\n  a:\n    source: ./a\n\n  c:\n    source: ./c\n",
    ],
    [
      "the only entry: packs: {} is left, with the comment on its line",
      "version: 1\npacks:   # ours\n  a:\n    source: ./a\n\npolicy:\n  floating: deny\n",
      "a",
      "version: 1\npacks: {}   # ours\n\npolicy:\n  floating: deny\n",
    ],
    [
      "a comment separated from the entry by a blank line is not the entry's",
      "version: 1\npacks:\n  # all ours\n\n  a:\n    source: ./a\n  b:\n    source: ./b\n",
      "a",
      "version: 1\npacks:\n  # all ours\n\n  b:\n    source: ./b\n",
    ],
    [
      "the last line, without a final line break",
      "version: 1\npacks:\n  a:\n    source: ./a\n  b:\n    source: ./b",
      "b",
      "version: 1\npacks:\n  a:\n    source: ./a\n",
    ],
    [
      "an entry written as a flow map on one line",
      "version: 1\npacks:\n  a: {source: ./a}  # short\n  b:\n    source: ./b\n",
      "a",
      "version: 1\npacks:\n  b:\n    source: ./b\n",
    ],
    [
      "an entry whose source is broken: removing it is how the file is fixed",
      "version: 1\npacks:\n  a:\n    source: ./a\n  bad:\n    source: https://x.example/r\n",
      "bad",
      "version: 1\npacks:\n  a:\n    source: ./a\n",
    ],
    [
      "CRLF",
      "version: 1\r\npacks:\r\n  # a\r\n  a:\r\n    source: ./a\r\n  b:\r\n    source: ./b\r\n",
      "a",
      "version: 1\r\npacks:\r\n  b:\r\n    source: ./b\r\n",
    ],
  ])("%s", (_, before, key, want) => {
    expect(removed(before, key)).toBe(want);
  });

  it.each<[string, string, string, string[], string]>([
    ["an unknown name, listing the packs", COMMENTED, "acme", ["remove/unknown-pack"], "Packs in packs.yaml: acme-data, tools."],
    ["an unknown name in a file without packs", "version: 1\npacks: {}\n", "a", ["remove/unknown-pack"], "packs.yaml has no packs."],
    ["a flow map", "version: 1\npacks: {a: {source: ./a}}\n", "a", ["remove/unsupported-layout"], "by hand"],
    ["a file that is not YAML", "version: 1\npacks:\n  a: [\n", "a", ["remove/invalid-config", "packs-yaml/yaml-syntax"], "packs plan"],
    [
      "a file whose other errors stay",
      "version: 1\npacks:\n  a:\n    source: ./a\n  bad:\n    source: https://x.example/r\n",
      "a",
      ["remove/invalid-config", "packs-yaml/bad-source"],
      "packs plan",
    ],
  ])("refuses %s", (_, before, key, want, hint) => {
    const r = removePackEntry(F, before, key);
    expect(r.text).toBeUndefined();
    expect(codes(r)).toEqual(want);
    expect(r.diagnostics[0]!.hint).toContain(hint);
  });

  it.each([
    ["the commented file", COMMENTED],
    ["entries separated by blank lines", "version: 1\npacks:\n  a:\n    source: ./a\n\n  b:\n    source: ./b\n\npolicy:\n  floating: deny\n"],
    ["packs: {}", "version: 1\npacks: {}  # none\n"],
    ["CRLF", "version: 1\r\npacks:\r\n  a:\r\n    source: ./a\r\n"],
  ])("add then remove gives back %s byte for byte", (_, text) => {
    expect(removed(added(text, { key: "new", source: "github:acme/new", ref: "v2" }), "new")).toBe(text);
  });
});

describe("initialPacksYaml", () => {
  const text = initialPacksYaml(["opencode", "claude-code"], "Detected from the project's files: opencode (found opencode.json), claude-code (found CLAUDE.md).");

  it("loads, with the agents and no packs", () => {
    const loaded = loadProjectConfig(F, text);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config).toMatchObject({ agents: ["opencode", "claude-code"], packs: [] });
  });

  it("says why these agents, and shows every source form and a policy, commented", () => {
    expect(text).toContain("# The agents to set up. Detected from the project's files: opencode (found opencode.json),\n# claude-code (found CLAUDE.md).");
    for (const form of ["source: ./packs/", "source: github:", "ref: ", "path: ", "source: registry:", "source: npm:", "# policy:", "#   allow_sources:", "# registries:"]) expect(text).toContain(form);
    expect(text).toMatch(/\npacks: \{\}\n/);
    expect(Math.max(...text.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it("each commented example, uncommented, is a packs.yaml that loads", () => {
    const lines = text.split("\n");
    const packs = lines.slice(lines.findIndex((l) => l.startsWith("#   team-basics:")), lines.indexOf("packs: {}")).map((l) => l.slice(2));
    const loaded = loadProjectConfig(F, `version: 1\npacks:\n${packs.join("\n")}\n`);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config!.packs.map((p) => p.source.kind)).toEqual(["local", "git", "registry", "npm"]);
  });

  it("init, add, remove: back to what init wrote", () => {
    expect(removed(added(text, { key: "a", source: "./a" }), "a")).toBe(text);
    const d = lineDiff(text, added(text, { key: "a", source: "./a" }));
    expect(d).toMatchObject({ removed: ["packs: {}"], added: ["packs:", "  a:", "    source: ./a"] });
  });
});

describe("initReplaceable", () => {
  it.each<[string, string, string[] | undefined]>([
    ["what init writes", initialPacksYaml(["codex"], "Chosen."), undefined],
    ["version and agents only", "version: 1\nagents: [codex]\n", undefined],
    ["packs: with nothing under it", "version: 1\npacks:\n", undefined],
    ["an empty file", "", undefined],
    ["packs", "version: 1\npacks:\n  a:\n    source: ./a\n", ["pack a"]],
    ["a policy and registries", "version: 1\npolicy:\n  floating: deny\nregistries:\n  r: ./r.json\n", ["policy:", "registries:"]],
    ["a key packs does not know", "version: 1\ncolour: blue\n", ["colour:"]],
    ["broken YAML", "version: [\n", ["YAML packs cannot read"]],
  ])("%s", (_, text, holds) => {
    expect(initReplaceable(text)).toEqual(holds ? { ok: false, holds } : { ok: true });
  });
});

describe("names", () => {
  const spec = (s: string) => parseSourceSpec(s) as SourceSpec;

  it.each<[string, Parameters<typeof defaultPackName>[1], string | undefined, string | undefined]>([
    ["./packs/basics", { folderName: "basics", manifestName: "team-basics" }, "team-basics", "manifest"],
    ["./packs/basics", { folderName: "basics" }, "basics", "folder"],
    ["./packs/basics", { folderName: "basics", manifestName: "!!!" }, "basics", "folder"],
    ["./packs/Team Tools/", {}, "team-tools", "folder"],
    ["./dist/acme-data-1.2.0.tgz", {}, "acme-data", "archive"],
    ["./dist/acme-data-1.2.0-rc.1.tgz", {}, "acme-data", "archive"],
    ["github:acme/Agent-Packs", {}, "agent-packs", "repository"],
    ["github:acme/agent-packs", { path: "packs/dbt-tools/" }, "dbt-tools", "path"],
    ["git+ssh://git@host.example/o/tools.git", {}, "tools", "repository"],
    ["git+file:///srv/repos/team", {}, "team", "repository"],
    ["registry:dbt-cloud@^1", {}, "dbt-cloud", "registry"],
    ["npm:@acme/review-pack@^2", {}, "review-pack", "npm"],
    ["npm:plain@latest", {}, "plain", "npm"],
    ["./..", { folderName: "" }, undefined, undefined],
  ])("%s %j → %s", (source, opts, key, from) => {
    const got = defaultPackName(spec(source), opts);
    expect(got?.key).toBe(key);
    expect(got?.from).toBe(from);
  });

  it.each([
    ["Acme Data", "acme-data"],
    ["..hidden..x", "hidden.x"],
    ["_x_", "x"],
    ["a".repeat(80), "a".repeat(64)],
    ["日本", undefined],
  ])("packKeyFrom(%j) = %j", (input, want) => {
    expect(packKeyFrom(input)).toBe(want);
  });

  it("reads name: from a manifest, and nothing from one it cannot read", () => {
    expect(manifestName("name: team-basics\ndescription: x\n")).toBe("team-basics");
    expect(manifestName("name: [\n")).toBeUndefined();
    expect(manifestName("- a\n")).toBeUndefined();
    expect(manifestName("name: 12\n")).toBeUndefined();
  });

  it.each<[string, string[] | undefined, string | undefined]>([
    ["codex", ["codex"], undefined],
    [" opencode , cursor,opencode,", ["opencode", "cursor"], undefined],
    ["", undefined, "names no agent"],
    ["codex,claude", undefined, 'unknown agent "claude"'],
  ])("--agents %j", (text, agents, error) => {
    const r = parseAgentsOption(text, "add");
    expect(r.agents).toEqual(agents);
    if (error) expect(r.diagnostics[0]).toMatchObject({ code: "add/bad-agents", summary: expect.stringContaining(error) });
  });
});
