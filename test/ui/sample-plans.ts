/** Plans for the view tests: every kind of line a plan can hold, built by hand. */
import type { Plan, PlanItem } from "../../src/core/plan-model.js";

export const SHA_FROM = "3f2e9c1a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
export const SHA_TO = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";

export function item(over: Partial<PlanItem> & Pick<PlanItem, "address" | "action" | "owners" | "description" | "reason">): PlanItem {
  return { target: { kind: "file", path: over.address }, blocked: false, agent: "opencode", serves: ["opencode"], hashes: {}, ...over };
}

export const base: Plan = {
  format_version: "1",
  packs_version: "0.1.0",
  project: ".",
  agents: ["opencode", "claude-code"],
  agents_reason: "from packs.yaml",
  notes: ["planned between commits: the project as committed at origin/main (3f2e9c1), with packs.yaml, packs.lock.yaml and local packs as of HEAD (9a8b7c6)"],
  packs: [],
  items: [],
  files: { mkdir: [], writes: [], rmdir: [] },
  state: [],
  diagnostics: [],
  summary: { add: 0, change: 0, remove: 0, blocked: 0, ownership: 0, unchanged: 0 },
  empty: true,
  blocked: false,
};

export const full: Plan = {
  ...base,
  packs: [
    { name: "dbt-tools", version: "1.2.0", source: "./packs/dbt-tools", resolved: "./packs/dbt-tools", tier: "community", notes: ["skill group core: always"] },
    { name: "github-tools", version: "v1.4.0", source: "github:acme/agent-packs", resolved: SHA_TO, tier: "verified", pin: { from: SHA_FROM, to: SHA_TO }, notes: [] },
    { name: "nightly", version: "0.0.1", source: "npm:@acme/nightly@^0", resolved: "@acme/nightly@0.0.1", tier: "community", floating: true, pin: { to: "@acme/nightly@0.0.1" }, notes: ["Hostile text: <img src=x onerror=alert(1)> [click](https://evil.example) | pipe *bold* @octocat ping, mail a@b.example, `code | span`"] },
  ],
  items: [
    item({ address: "opencode.jsonc#/mcp/dbt", target: { kind: "entry", path: "opencode.jsonc", pointer: ["mcp", "dbt"] }, action: "create", owners: ["dbt-tools"], description: "MCP server (local: uvx dbt-mcp==1.4.0)", reason: "not present yet" }),
    item({ address: ".mcp.json#/mcpServers/dbt", target: { kind: "entry", path: ".mcp.json", pointer: ["mcpServers", "dbt"] }, action: "create", owners: ["dbt-tools"], agent: "claude-code", serves: ["claude-code"], description: "MCP server (uvx dbt-mcp==1.4.0)", reason: "not present yet" }),
    item({ address: ".agents/skills/dbt-model/SKILL.md", action: "create", owners: ["dbt-tools"], serves: ["codex", "opencode"], group: ".agents/skills/dbt-model/", description: "skill dbt-model", reason: "not present yet" }),
    item({ address: ".agents/skills/dbt-model/scripts/run.sh", action: "create", owners: ["dbt-tools"], serves: ["codex", "opencode"], group: ".agents/skills/dbt-model/", description: "skill dbt-model", reason: "not present yet" }),
    item({ address: ".claude/skills/dbt-test/SKILL.md", action: "update", owners: ["dbt-tools"], agent: "claude-code", serves: ["claude-code"], description: "skill dbt-test", reason: "the pack's value changed", lines: { added: 3, removed: 1 } }),
    item({ address: "opencode.jsonc#/mcp/unchanged", action: "noop", owners: ["dbt-tools"], description: "MCP server", reason: "up to date" }),
    item({
      address: "opencode.jsonc#/mcp/github", target: { kind: "entry", path: "opencode.jsonc", pointer: ["mcp", "github"] }, action: "drift", blocked: true, owners: ["github-tools"], description: "MCP server (remote http: https://api.example/mcp)",
      reason: "changed by hand since the last apply. Keep yours: packs apply --adopt · overwrite: packs apply --force",
      values: { recorded: { type: "remote", url: "https://api.example/mcp" }, live: { type: "remote", url: "https://api.example/mcp?debug=`1`" }, desired: { type: "remote", url: "https://api.example/mcp/v2" } },
    }),
    item({ address: "opencode.jsonc#/plugin/@acme/nightly", target: { kind: "element", path: "opencode.jsonc", array: ["plugin"], key: "@acme/nightly", match: "npm-name" }, action: "adopt", owners: ["nightly"], description: "npm plugin @acme/nightly@^0", reason: "already there with the value the pack wants; packs records it as its own" }),
    item({ address: ".claude/skills/gh-legacy/SKILL.md", action: "delete", owners: ["old-pack"], agent: "claude-code", serves: ["claude-code"], group: ".claude/skills/gh-legacy/", description: "skill gh-legacy", reason: "no longer in packs.yaml (owned, unchanged)" }),
  ],
  diagnostics: [
    { code: "policy/unversioned-mcp", severity: "warning", summary: 'pack "dbt-tools": MCP server "dbt" runs `uvx dbt-mcp` without a version', location: { file: "packs.yaml", line: 5, col: 3 }, hint: "Ask the pack to pin the version (e.g. pkg==1.2.3)." },
    { code: "source/floating", severity: "info", summary: 'pack "nightly" follows a range' },
  ],
  summary: { add: 3, change: 1, remove: 1, blocked: 1, ownership: 1, unchanged: 1 },
  empty: false,
  blocked: true,
};


/** `full` with what the terminal view shows under lines: fields of new entries, field changes, diffs. */
export const detailed: Plan = {
  ...full,
  context: { opencode: { added: 420, removed: 0 }, "claude-code": { added: 120, removed: 300 } },
  items: [
    ...full.items.map((i) => {
      if (i.address === "opencode.jsonc#/mcp/dbt") return { ...i, patch: [{ op: "add" as const, path: "/mcp/dbt", value: { type: "local", command: ["uvx", "dbt-mcp==1.4.0"], environment: { DBT_PROFILES_DIR: "~/.dbt" } } }] };
      if (i.address === ".claude/skills/dbt-test/SKILL.md") return { ...i, diff: "@@ -1,4 +1,6 @@\n ---\n name: dbt-test\n-description: Run dbt tests.\n+description: Run dbt tests and explain failures.\n+tools: [bash]\n ---\n+Run `dbt test --select` first.\n" };
      return i;
    }),
    item({
      address: ".mcp.json#/mcpServers/github", target: { kind: "entry", path: ".mcp.json", pointer: ["mcpServers", "github"] }, action: "update", owners: ["github-tools"], agent: "claude-code", serves: ["claude-code"], description: "MCP server (remote http: https://api.example/mcp/v2)", reason: "the pack's value changed",
      values: { recorded: { type: "http", url: "https://api.example/mcp", headers: { "X-Debug": "1" } }, live: { type: "http", url: "https://api.example/mcp", headers: { "X-Debug": "1" } }, desired: { type: "http", url: "https://api.example/mcp/v2", timeout: 30 } },
      patch: [
        { op: "remove", path: "/mcpServers/github/headers" },
        { op: "add", path: "/mcpServers/github/timeout", value: 30 },
        { op: "replace", path: "/mcpServers/github/url", value: "https://api.example/mcp/v2" },
      ],
    }),
    item({
      address: "CLAUDE.md#packs:github-tools", target: { kind: "section", path: "CLAUDE.md", id: "github-tools" }, action: "update", owners: ["github-tools"], agent: "claude-code", serves: ["claude-code"], description: "instructions of github-tools", reason: "the pack's value changed",
      diff: "@@ -1,2 +1,2 @@\n Open pull requests with `gh pr create`.\n-Label them `needs-review`.\n+Label them `review`.\n",
    }),
  ],
  summary: { add: 3, change: 3, remove: 1, blocked: 1, ownership: 1, unchanged: 1 },
};
