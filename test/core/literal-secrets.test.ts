import { describe, expect, it } from "vitest";
import { holdsLiteralSecret, looksLikeLiteralSecret, looksRandom } from "../../src/core/literal-secrets.js";

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

describe("looksRandom: high-entropy strings", () => {
  it.each([
    ["q8Zr4LmN2xVb7TyP1wKs9JdH3fGc6", true],
    ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", true],
    ["123e4567-e89b-12d3-a456-426614174000", false],
    ["MyVeryLongVariableName", false],
    ["@modelcontextprotocol/server-github", false],
    ["https://example.com/mcp", false],
    ["short1Aa", false],
  ])("%s → %s", (value, want) => {
    expect(looksRandom(value)).toBe(want);
  });

  it("makes any name's value a literal secret", () => {
    expect(looksLikeLiteralSecret("CONFIG", "q8Zr4LmN2xVb7TyP1wKs9JdH3fGc6")).toBe(true);
  });
});

describe("holdsLiteralSecret: anywhere inside an MCP entry", () => {
  it("finds a secret in env, headers or args, and nothing in a clean entry", () => {
    expect(holdsLiteralSecret({ command: "npx", env: { GH_TOKEN: "ghp_0123456789abcdefghijABCDEFGHIJ012345" } })).toBe(true);
    expect(holdsLiteralSecret({ url: "https://x", headers: { Authorization: "Bearer sk-abcdefghijklmnopqrstuvwx" } })).toBe(true);
    expect(holdsLiteralSecret({ command: ["npx", "tool", "--key", "AKIAABCDEFGHIJKLMNOP"] })).toBe(true);
    expect(holdsLiteralSecret({ command: ["npx", "-y", "@eslint/mcp@1.0.0"], env: { GH_TOKEN: "${env:GH_TOKEN}" } })).toBe(false);
  });

  it("an env reference in any agent's syntax is not a secret", () => {
    expect(holdsLiteralSecret({ headers: { Authorization: "Bearer {env:GITHUB_TOKEN}" }, environment: { GH_TOKEN: "{env:TOKEN}" } })).toBe(false);
    expect(holdsLiteralSecret({ env: { GH_TOKEN: "${GH_TOKEN}", API_KEY: "${env:API_KEY}" } })).toBe(false);
    expect(holdsLiteralSecret({ url: "https://x", bearer_token_env_var: "GITHUB_TOKEN", env_vars: ["API_TOKEN_SECRET"] })).toBe(false);
  });
});
