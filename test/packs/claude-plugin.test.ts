/**
 * A Claude Code plugin folder (.claude-plugin/plugin.json) read as a pack, built in memory around
 * the real manifests of ../shared/fixtures/real: obra/superpowers' plugin.json, an entry of
 * AltimateAI/data-engineering-skills' marketplace.json, modelcontextprotocol/servers' .mcp.json,
 * and the real SKILL.md files.
 */
import { describe, expect, test } from "vitest";
import type { McpServer } from "../../src/core/pack-model.js";
import { loadPack } from "../../src/packs/load-pack.js";
import { readReal } from "../real-fixtures.js";
import { brief, packInput, skillMd } from "./pack-input.js";

const SUPERPOWERS = readReal("superpowers/.claude-plugin/plugin.json");
const ALTIMATE_SKILL = readReal("data-engineering-skills/skills/altimate-code/SKILL.md");
const DBT_MODELS_SKILL = readReal("data-engineering-skills/skills/dbt/creating-dbt-models/SKILL.md");
const MARKETPLACE = JSON.parse(readReal("data-engineering-skills/.claude-plugin/marketplace.json")) as { plugins: Record<string, unknown>[] };
const MCP_SERVERS_REPO = readReal("modelcontextprotocol-servers/.mcp.json");

const M = "packs/demo/.claude-plugin/plugin.json";
const HEAD = '{\n  "name": "demo",\n  "version": "1.0.0"';

/** plugin.json of a plugin "demo" 1.0.0: `manifestTail` (more members) starts on line 4. */
function plugin(manifestTail: string, files: Record<string, string> = {}): Record<string, string> {
  return { ".claude-plugin/plugin.json": `${HEAD}${manifestTail ? `,\n${manifestTail}` : "\n"}}\n`, ...files };
}

/** A marketplace entry as a plugin.json: the fields a marketplace adds (source, strict) dropped. */
function entryManifest(name: string): string {
  const { source: _source, strict: _strict, ...entry } = MARKETPLACE.plugins.find((p) => p["name"] === name)!;
  return `${JSON.stringify(entry, null, 2)}\n`;
}

describe("the real superpowers plugin.json", () => {
  test("loads as a community pack with the skills under skills/<name>/", () => {
    const { pack, diagnostics } = loadPack(packInput({
      ".claude-plugin/plugin.json": SUPERPOWERS,
      "skills/altimate-code/SKILL.md": ALTIMATE_SKILL,
      "skills/creating-dbt-models/SKILL.md": DBT_MODELS_SKILL,
      "skills/creating-dbt-models/scripts/check.sh": "#!/bin/sh\n",
      "README.md": "# superpowers\n",
    }));
    expect(diagnostics.map(brief)).toEqual([]);
    expect(pack).toMatchObject({
      name: "superpowers",
      version: "6.2.0",
      description: "Core skills library for Claude Code: TDD, debugging, collaboration patterns, and proven techniques",
      author: "Jesse Vincent",
      tier: "community",
      manifest: ".claude-plugin/plugin.json",
      skillGroups: [],
      mcp: [],
      plugins: [],
      detect: [],
    });
    expect(pack!.instructions).toBeUndefined();
    expect(pack!.skills.map((s) => [s.name, s.dir, s.files.map((f) => f.path)])).toEqual([
      ["altimate-code", "skills/altimate-code", ["SKILL.md"]],
      ["creating-dbt-models", "skills/creating-dbt-models", ["SKILL.md", "scripts/check.sh"]],
    ]);
    expect(pack!.skills[1]!.description).toMatch(/^Creates dbt models following project conventions\./);
    expect(pack!.files.map((f) => f.path)).toEqual([
      ".claude-plugin/plugin.json",
      "README.md",
      "skills/altimate-code/SKILL.md",
      "skills/creating-dbt-models/SKILL.md",
      "skills/creating-dbt-models/scripts/check.sh",
    ]);
  });

  test("a skill nested deeper than skills/<name>/ is reported, not installed", () => {
    const { pack, diagnostics } = loadPack(packInput({
      ".claude-plugin/plugin.json": SUPERPOWERS,
      "skills/altimate-code/SKILL.md": ALTIMATE_SKILL,
      "skills/dbt/creating-dbt-models/SKILL.md": DBT_MODELS_SKILL,
    }));
    expect(diagnostics.map(brief)).toEqual(["pack/plugin-file-ignored @ packs/demo/skills/dbt/creating-dbt-models/SKILL.md"]);
    expect(diagnostics[0]!.hint).toContain('"skills": ["./skills/dbt/creating-dbt-models"]');
    expect(pack!.skills.map((s) => s.name)).toEqual(["altimate-code"]);
  });
});

describe("a data-engineering-skills marketplace entry as plugin.json", () => {
  test("altimate-code: the listed skill folder is read once; no version means 0.0.0", () => {
    const { pack, diagnostics } = loadPack(packInput({
      ".claude-plugin/plugin.json": entryManifest("altimate-code"),
      "skills/altimate-code/SKILL.md": ALTIMATE_SKILL,
    }));
    expect(diagnostics.map((d) => `${d.severity} ${brief(d)}`)).toEqual([`info pack/version-missing @ ${M}`]);
    expect(pack).toMatchObject({ name: "altimate-code", version: "0.0.0", tier: "community" });
    expect(pack!.skills.map((s) => s.dir)).toEqual(["skills/altimate-code"]);
  });

  test("dbt-skills: a nested listed folder is a skill; each listed folder that is missing is an error at its line", () => {
    const { pack, diagnostics } = loadPack(packInput({
      ".claude-plugin/plugin.json": entryManifest("dbt-skills"),
      "skills/dbt/creating-dbt-models/SKILL.md": DBT_MODELS_SKILL,
    }));
    expect(pack).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity === "error").map(brief)).toEqual([6, 7, 8, 9, 10, 11].map((line) => `pack/skill-not-found @ ${M}:${line}:5`));
    expect(diagnostics.find((d) => d.code === "pack/skill-not-found")!.summary).toBe("there is no folder skills/dbt/debugging-dbt-errors in the plugin");
  });

  test("dbt-skills with only the one skill it has listed: loads that nested skill", () => {
    const manifest = entryManifest("dbt-skills").replace(/"skills": \[[^\]]*\]/, '"skills": ["./skills/dbt/creating-dbt-models"]');
    const { pack, diagnostics } = loadPack(packInput({
      ".claude-plugin/plugin.json": manifest,
      "skills/dbt/creating-dbt-models/SKILL.md": DBT_MODELS_SKILL,
    }));
    expect(diagnostics.filter((d) => d.severity !== "info").map(brief)).toEqual([]);
    expect(pack!.skills.map((s) => s.dir)).toEqual(["skills/dbt/creating-dbt-models"]);
  });
});

describe("skills listed in plugin.json", () => {
  test.each([
    { name: "a folder of skill folders adds to skills/", skills: '"./custom/skills/"', expected: ["alpha", "beta", "gamma"] },
    { name: "one skill folder", skills: '["./custom/skills/beta"]', expected: ["alpha", "beta"] },
    { name: "several, overlapping the default", skills: '["./skills/alpha", "custom/skills/gamma"]', expected: ["alpha", "gamma"] },
  ])("$name", ({ skills, expected }) => {
    const { pack, diagnostics } = loadPack(packInput(plugin(`  "skills": ${skills}\n`, {
      "skills/alpha/SKILL.md": skillMd("alpha"),
      "custom/skills/beta/SKILL.md": skillMd("beta"),
      "custom/skills/gamma/SKILL.md": skillMd("gamma"),
    })));
    expect(diagnostics.map(brief)).toEqual([]);
    expect(pack!.skills.map((s) => s.name)).toEqual(expected);
  });
});

describe("MCP servers", () => {
  const server = (files: Record<string, string>, manifestTail = "") => {
    const { pack, diagnostics } = loadPack(packInput(plugin(manifestTail, files)));
    return { mcp: pack?.mcp, shown: diagnostics.map(brief), diagnostics };
  };

  test("the real modelcontextprotocol/servers .mcp.json: an http server and a stdio server without type", () => {
    const { mcp, shown } = server({ ".mcp.json": MCP_SERVERS_REPO });
    expect(shown).toEqual([]);
    expect(mcp).toEqual<McpServer[]>([
      { name: "mcp-docs", transport: "http", url: "https://modelcontextprotocol.io/mcp" },
      {
        name: "sequential-thinking",
        transport: "stdio",
        command: ["docker", "run", "-i", "--rm", "-e", "MAX_THOUGHT_LENGTH=5000", "-e", "MAX_HISTORY_SIZE=100", "-e", "ENABLE_METRICS=true", "-e", "ENABLE_HEALTH_CHECKS=true", "mcp/sequential-thinking"],
      },
    ]);
  });

  test("${VAR} references become ${env:VAR} in command, args, env, url and headers", () => {
    const { mcp, shown } = server({
      ".mcp.json": JSON.stringify({
        mcpServers: {
          local: { type: "stdio", command: "${TOOLS}/bin/x", args: ["--token", "${API_TOKEN}", "$HOME"], env: { DB_URL: "${DB_URL}", MIXED: "a-${A}-${env:B}" } },
          remote: { type: "sse", url: "https://${HOST}/sse", headers: { Authorization: "Bearer ${GH_TOKEN}" } },
        },
      }),
    });
    expect(shown).toEqual([]);
    expect(mcp).toEqual<McpServer[]>([
      { name: "local", transport: "stdio", command: ["${env:TOOLS}/bin/x", "--token", "${env:API_TOKEN}", "$HOME"], env: { DB_URL: "${env:DB_URL}", MIXED: "a-${env:A}-${env:B}" } },
      { name: "remote", transport: "sse", url: "https://${env:HOST}/sse", headers: { Authorization: "Bearer ${env:GH_TOKEN}" } },
    ]);
  });

  test("servers that refer to ${CLAUDE_PLUGIN_ROOT} are skipped with a warning each; the others stay", () => {
    // The example of the Claude Code plugins reference ("MCP servers"), plus a server that works anywhere.
    const text = `{
  "mcpServers": {
    "plugin-database": {
      "command": "\${CLAUDE_PLUGIN_ROOT}/servers/db-server",
      "args": ["--config", "\${CLAUDE_PLUGIN_ROOT}/config.json"],
      "env": { "DB_PATH": "\${CLAUDE_PLUGIN_ROOT}/data" }
    },
    "plugin-api-client": {
      "command": "npx",
      "args": ["@company/mcp-server", "--plugin-mode"],
      "cwd": "\${CLAUDE_PLUGIN_ROOT}"
    },
    "state": { "command": "uvx", "args": ["state-mcp", "--dir", "\${CLAUDE_PLUGIN_DATA}"] },
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" }
  }
}
`;
    const { mcp, shown, diagnostics } = server({ ".mcp.json": text });
    expect(shown).toEqual([
      "pack/plugin-root-reference @ packs/demo/.mcp.json:4:18",
      "pack/plugin-root-reference @ packs/demo/.mcp.json:11:14",
      "pack/plugin-root-reference @ packs/demo/.mcp.json:13:65",
    ]);
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
    const root = diagnostics.find((d) => d.code === "pack/plugin-root-reference")!;
    expect(root.summary).toBe('MCP server "plugin-database" is skipped: it refers to ${CLAUDE_PLUGIN_ROOT}');
    expect(root.hint).toContain("where Claude Code installed the plugin");
    expect(diagnostics[2]!.summary).toBe('MCP server "state" is skipped: it refers to ${CLAUDE_PLUGIN_DATA}');
    expect(mcp!.map((s) => s.name)).toEqual(["github"]);
  });

  test.each([
    { name: "user_config", value: "${user_config.api_key}" },
    { name: "a default", value: "${API_KEY:-none}" },
    { name: "CLAUDE_PROJECT_DIR", value: "${CLAUDE_PROJECT_DIR}/db" },
  ])("a server using Claude-only substitution ($name) is skipped", ({ value }) => {
    const { mcp, shown, diagnostics } = server({}, `  "mcpServers": {\n    "api": { "command": "api-mcp", "env": { "KEY": "${value}" } },\n    "ok": { "command": "ok-mcp" }\n  }\n`);
    expect(shown).toEqual([`pack/plugin-variable @ ${M}:5:52`]);
    expect(diagnostics[0]!.summary).toContain(value.slice(0, value.indexOf("}") + 1));
    expect(mcp!.map((s) => s.name)).toEqual(["ok"]);
  });

  test("inline mcpServers in plugin.json; .mcp.json beside it is not read, and says so", () => {
    const { mcp, shown } = server({ ".mcp.json": MCP_SERVERS_REPO }, '  "mcpServers": { "dbt": { "command": "uvx", "args": ["dbt-mcp"] } }\n');
    expect(shown).toEqual(["pack/plugin-file-ignored @ packs/demo/.mcp.json"]);
    expect(mcp).toEqual<McpServer[]>([{ name: "dbt", transport: "stdio", command: ["uvx", "dbt-mcp"] }]);
  });

  test("mcpServers as a list of files: with and without the mcpServers wrapper, merged, the default file ignored", () => {
    const { mcp, shown } = server({
      "config/a.json": '{"mcpServers": {"a": {"command": "a-mcp"}}}',
      "config/b.json": '{"b": {"type": "http", "url": "https://b.example/mcp"}}',
      ".mcp.json": '{"mcpServers": {}}',
    }, '  "mcpServers": ["./config/a.json", "./config/b.json"]\n');
    expect(shown).toEqual(["pack/plugin-file-ignored @ packs/demo/.mcp.json"]);
    expect(mcp!.map((s) => [s.name, s.transport])).toEqual([["a", "stdio"], ["b", "http"]]);
  });

  test("mcpServers as one path, including the default file by name: nothing is ignored", () => {
    const { mcp, shown } = server({ ".mcp.json": MCP_SERVERS_REPO }, '  "mcpServers": "./.mcp.json"\n');
    expect(shown).toEqual([]);
    expect(mcp!.map((s) => s.name)).toEqual(["mcp-docs", "sequential-thinking"]);
  });
});

describe("parts only Claude Code can use", () => {
  test("one warning per kind, naming what is skipped; skills and MCP servers still load", () => {
    const { pack, diagnostics } = loadPack(packInput(plugin(
      '  "agents": ["./custom/reviewer.md", "./custom/tester.md"],\n  "outputStyles": "./styles/",\n  "monitors": [{"name": "log"}],\n  "userConfig": {"api_key": {"description": "key"}},\n  "channels": [],\n  "hooks": {}\n',
      {
        "commands/status.md": "# status\n",
        "commands/logs.md": "# logs\n",
        "agents/ignored-because-replaced.md": "x\n",
        "hooks/hooks.json": '{"hooks": {}}\n',
        "hooks/format.sh": "#!/bin/sh\n",
        ".lsp.json": "{}\n",
        "settings.json": "{}\n",
        "skills/alpha/SKILL.md": skillMd("alpha"),
        ".mcp.json": '{"mcpServers": {"x": {"command": "x-mcp"}}}',
      },
    )));
    expect(diagnostics.map((d) => `${brief(d)} | ${d.summary}`)).toEqual([
      `pack/component-skipped @ ${M}:4:3 | agents (subagents) are not installed: ./custom/reviewer.md, ./custom/tester.md, agents/ignored-because-replaced.md`,
      `pack/component-skipped @ ${M}:5:3 | output styles are not installed: ./styles/`,
      `pack/component-skipped @ ${M}:6:3 | monitors are not installed: monitors entry in plugin.json`,
      `pack/component-skipped @ ${M}:7:3 | user configuration options are not installed: userConfig inline in plugin.json`,
      "pack/component-skipped @ packs/demo/.lsp.json | LSP servers are not installed: .lsp.json",
      "pack/component-skipped @ packs/demo/commands/logs.md | commands (slash commands) are not installed: commands/logs.md, commands/status.md",
      "pack/component-skipped @ packs/demo/hooks/hooks.json | hooks are not installed: hooks/hooks.json",
      "pack/component-skipped @ packs/demo/settings.json | default settings are not installed: settings.json",
    ]);
    expect(diagnostics.every((d) => d.severity === "warning" && d.hint!.includes("/plugin install"))).toBe(true);
    expect(pack!.skills.map((s) => s.name)).toEqual(["alpha"]);
    expect(pack!.mcp.map((s) => s.name)).toEqual(["x"]);
  });
});

describe("which manifest a folder is read by", () => {
  const claude = '{"name": "from-claude", "version": "1.0.0"}';
  const apm = '{"name": "from-apm", "version": "1.0.0"}';
  test.each<{ name: string; files: Record<string, string>; pack: string; manifest: string }>([
    { name: "PACK.yaml wins over a Claude plugin", files: { "PACK.yaml": "name: from-pack\ndescription: d\n", ".claude-plugin/plugin.json": claude, "plugin.json": apm }, pack: "from-pack", manifest: "PACK.yaml" },
    { name: "KIT.yaml wins over a Claude plugin", files: { "KIT.yaml": "name: from-kit\ndescription: d\n", ".claude-plugin/plugin.json": claude }, pack: "from-kit", manifest: "KIT.yaml" },
    { name: "a Claude plugin wins over a root plugin.json", files: { ".claude-plugin/plugin.json": claude, "plugin.json": apm }, pack: "from-claude", manifest: ".claude-plugin/plugin.json" },
    { name: "a root plugin.json is an APM bundle", files: { "plugin.json": apm }, pack: "from-apm", manifest: "plugin.json" },
  ])("$name", ({ files, pack, manifest }) => {
    const result = loadPack(packInput(files));
    expect(result.pack?.name).toBe(pack);
    expect(result.pack?.manifest).toBe(manifest);
  });

  test("a marketplace alone is not a plugin: the hint says where to point", () => {
    const { pack, diagnostics } = loadPack(packInput({ ".claude-plugin/marketplace.json": readReal("data-engineering-skills/.claude-plugin/marketplace.json") }));
    expect(pack).toBeUndefined();
    expect(diagnostics.map(brief)).toEqual(["pack/no-manifest @ packs/demo"]);
    expect(diagnostics[0]!.hint).toContain("marketplace.json lists plugins but is not one");
  });
});
