/**
 * A realistic Codex config.toml written by a person: comments everywhere, profiles, a server of
 * their own with an env subtable. packs' edits must change only its own tables' lines.
 */
import { describe, expect, test } from "vitest";
import { applyTomlEdits, tableForm } from "../../../src/core/edit/toml-edit.js";
import { parseToml } from "../../../src/core/edit/toml-parse.js";
import { lf } from "./lines.js";

const USER = lf(
  "# ~/.codex/config.toml",
  "# Personal defaults; see https://github.com/openai/codex/blob/main/docs/config.md",
  "",
  'model = "gpt-5-codex"          # the default model',
  'approval_policy = "on-request"',
  'sandbox_mode    = "workspace-write"',
  "",
  "[sandbox_workspace_write]",
  "network_access = false # keep it offline",
  "",
  "# Profiles: codex --profile fast",
  "[profiles.fast]",
  'model = "gpt-5-mini"',
  'model_reasoning_effort = "low"',
  "",
  "[profiles.deep]",
  'model = "gpt-5"',
  "",
  "# My own MCP server, hands off",
  "[mcp_servers.mine]",
  'command = "npx"',
  'args = ["-y", "@acme/mcp-server", "--root", "."] # pinned',
  "startup_timeout_sec = 20",
  "",
  "[mcp_servers.mine.env]",
  'ACME_TOKEN = "${ACME_TOKEN}"',
  "",
  "# [mcp_servers.old]",
  '# command = "old-server"',
);

const dbtValue = { command: "uvx", args: ["dbt-mcp"], env: { DBT_PROJECT_DIR: "." } };
const DBT_LINES = ["[mcp_servers.dbt]", 'command = "uvx"', 'args = ["dbt-mcp"]', "", "[mcp_servers.dbt.env]", 'DBT_PROJECT_DIR = "."'];
const set = (name: string, value: object) => ({ op: "set-table" as const, path: ["mcp_servers", name], value: value as never });
const remove = (name: string) => ({ op: "remove-table" as const, path: ["mcp_servers", name] });

describe("a realistic user file", () => {
  test("it parses to what the user meant", () => {
    const { value, errors } = parseToml(USER);
    expect(errors).toEqual([]);
    expect(value?.mcp_servers).toEqual({
      mine: { command: "npx", args: ["-y", "@acme/mcp-server", "--root", "."], startup_timeout_sec: 20, env: { ACME_TOKEN: "${ACME_TOKEN}" } },
    });
    expect(tableForm(USER, ["mcp_servers", "mine"])).toBe("header");
    expect(tableForm(USER, ["mcp_servers", "dbt"])).toBe("absent");
  });

  test("adding a server appends it after the user's last line, and removing it gives the file back", () => {
    const added = applyTomlEdits(USER, [set("dbt", dbtValue)]);
    expect(added).toBe(USER + lf("", ...DBT_LINES));
    expect(applyTomlEdits(added, [remove("dbt")])).toBe(USER);
  });

  test("replacing packs' server leaves every other line alone", () => {
    const added = applyTomlEdits(USER, [set("dbt", dbtValue), set("my.server", { url: "https://example.com/mcp" })]);
    const replaced = applyTomlEdits(added, [set("dbt", { command: "uvx", args: ["dbt-mcp@1.2"] })]);
    expect(replaced).toBe(
      USER + lf("", "[mcp_servers.dbt]", 'command = "uvx"', 'args = ["dbt-mcp@1.2"]', "", '[mcp_servers."my.server"]', 'url = "https://example.com/mcp"'),
    );
    expect(applyTomlEdits(replaced, [remove("dbt")])).toBe(USER + lf("", '[mcp_servers."my.server"]', 'url = "https://example.com/mcp"'));
    expect(applyTomlEdits(replaced, [remove("my.server"), remove("dbt")])).toBe(USER);
  });

  test("taking over the user's own server replaces it in place, its subtable too; the comments around stay", () => {
    const out = applyTomlEdits(USER, [set("mine", { command: "uvx", args: ["mine"] })]);
    expect(out).toBe(
      USER.replace(
        lf(
          "[mcp_servers.mine]",
          'command = "npx"',
          'args = ["-y", "@acme/mcp-server", "--root", "."] # pinned',
          "startup_timeout_sec = 20",
          "",
          "[mcp_servers.mine.env]",
          'ACME_TOKEN = "${ACME_TOKEN}"',
        ),
        lf("[mcp_servers.mine]", 'command = "uvx"', 'args = ["mine"]'),
      ),
    );
  });

  test("removing a user's table in the middle keeps the comment above it and the file's other lines", () => {
    const out = applyTomlEdits(USER, [{ op: "remove-table", path: ["profiles", "fast"] }]);
    expect(out).toBe(USER.replace(lf("", "# Profiles: codex --profile fast", "[profiles.fast]", 'model = "gpt-5-mini"', 'model_reasoning_effort = "low"', ""), lf("", "# Profiles: codex --profile fast", "")));
  });

  test("the same in CRLF", () => {
    const user = USER.replace(/\n/g, "\r\n");
    const added = applyTomlEdits(user, [set("dbt", dbtValue)]);
    expect(added).toBe(user + ["", ...DBT_LINES, ""].join("\r\n"));
    expect(applyTomlEdits(added, [remove("dbt")])).toBe(user);
  });
});
