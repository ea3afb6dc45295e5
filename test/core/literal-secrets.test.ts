import { describe, expect, it } from "vitest";
import { looksLikeLiteralSecret } from "../../src/core/literal-secrets.js";

describe("looksLikeLiteralSecret", () => {
  it.each([
    ["GH_TOKEN", "ghp_0123456789abcdefghijABCDEFGHIJ012345", true],
    ["ANYTHING", "ghp_0123456789abcdefghijABCDEFGHIJ012345", true],
    ["Authorization", "Bearer sk-abcdefghijklmnopqrstuvwx", true],
    ["API_KEY", "hunter2hunter2", true],
    ["DB_PASSWORD", "correct-horse", true],
    ["GH_TOKEN", "${env:GH_TOKEN}", false],
    ["Authorization", "Bearer ${GITHUB_TOKEN}", false],
    ["API_KEY", "short", false],
    ["DBT_PROJECT_DIR", "./", false],
    ["X-Team", "data-platform", false],
  ])("%s=%s → %s", (name, value, want) => {
    expect(looksLikeLiteralSecret(name, value)).toBe(want);
  });
});
