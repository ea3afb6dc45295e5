import { describe, expect, it } from "vitest";
import { globMatches, shownTier, sourceAllowed, unversionedLaunch } from "../../src/core/policy.js";

describe("policy", () => {
  it.each([
    ["github:acme/*", "github:acme/tools", true],
    ["github:acme/*", "github:evil/tools", false],
    ["github:acme/*", "github:acme/tools/x", false],
    ["git+https://git.acme.com/**", "git+https://git.acme.com/team/packs.git", true],
    ["./packs/*", "./packs/dbt", true],
    ["./packs/*", "../packs/dbt", false],
    ["registry:*", "registry:dbt@^1", true],
    ["npm:@acme/*", "npm:@acme/pack@^2", true],
    ["npm:@acme/*", "npm:@acmex/pack", false],
    ["a.b", "axb", false],
  ])("glob %s vs %s → %s", (glob, text, want) => {
    expect(globMatches(glob, text)).toBe(want);
  });

  it("allows every source without allow_sources, and only matches with it", () => {
    expect(sourceAllowed("github:x/y", undefined)).toBe(true);
    expect(sourceAllowed("github:x/y", [])).toBe(false);
    expect(sourceAllowed("github:x/y", ["github:x/*"])).toBe(true);
  });

  it.each([
    ["verified", [], "community"],
    ["built-in", ["dbt"], "built-in"],
    ["verified", ["github:acme/*"], "verified"],
    ["verified", ["github:other/*"], "community"],
    ["archived", [], "archived"],
    ["community", ["dbt"], "community"],
  ] as const)("a %s claim with trusted %j shows as %s", (claimed, trusted, shown) => {
    expect(shownTier("dbt", "github:acme/packs", claimed, trusted)).toBe(shown);
  });

  it.each([
    [["npx", "-y", "@modelcontextprotocol/server-github"], "npx @modelcontextprotocol/server-github"],
    [["npx", "-y", "@modelcontextprotocol/server-github@2025.4.8"], undefined],
    [["npx", "-y", "some-mcp@latest"], "npx some-mcp@latest"],
    [["uvx", "dbt-mcp"], "uvx dbt-mcp"],
    [["uvx", "dbt-mcp==0.5.1"], undefined],
    [["uvx", "dbt-mcp@0.5.1"], undefined],
    [["uvx", "--from", "git+https://x/y", "tool"], "uvx git+https://x/y"],
    [["pipx", "run", "mcp-server"], "pipx run mcp-server"],
    [["pipx", "run", "mcp-server==1.0"], undefined],
    [["docker", "run", "-i", "--rm", "-e", "TOKEN", "ghcr.io/github/github-mcp-server"], "docker run ghcr.io/github/github-mcp-server"],
    [["docker", "run", "-i", "ghcr.io/github/github-mcp-server:v1.2"], undefined],
    [["docker", "run", "-i", "img@sha256:abc"], undefined],
    [["pnpm", "dlx", "x-mcp"], "pnpm dlx x-mcp"],
    [["node", "server.js"], undefined],
    [["/usr/local/bin/npx", "tool"], "npx tool"],
  ])("%j launches unversioned: %s", (command, want) => {
    expect(unversionedLaunch(command)).toBe(want);
  });
});
