import { describe, expect, it } from "vitest";
import { sha256Sri } from "../../src/io/hash.js";
import { contentUuid, sriDigest } from "../../src/sbom/digest.js";
import { gitPurl, githubRepo, npmPurl, npmRef, publicUrl, redactSource } from "../../src/sbom/purl.js";
import { h512, hex } from "./sbom-fixtures.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

describe("SBOM identifiers", () => {
  it.each([
    ["opencode-foo", { name: "opencode-foo" }],
    ["opencode-foo@1.2.3", { name: "opencode-foo", version: "1.2.3" }],
    ["opencode-foo@v1.2.3-rc.1+b5", { name: "opencode-foo", version: "1.2.3-rc.1+b5" }],
    ["@acme/guard@^2", { name: "@acme/guard", range: "^2" }],
    ["@acme/guard@latest", { name: "@acme/guard", range: "latest" }],
    ["@acme/guard", { name: "@acme/guard" }],
    ["npm:@acme/guard@2.0.0", { name: "@acme/guard", version: "2.0.0" }],
    ["file:../plugin", undefined],
    ["git+https://example.com/p.git", undefined],
    ["github:acme/p", undefined],
    ["Not-Valid@1.0.0", undefined],
    ["pkg@", undefined],
  ])("npmRef(%j)", (spec, want) => {
    expect(npmRef(spec)).toEqual(want);
  });

  it("builds npm purls with the scope encoded", () => {
    expect(npmPurl("@acme/guard", "2.0.0-beta+1")).toBe("pkg:npm/%40acme/guard@2.0.0-beta%2B1");
    expect(npmPurl("left-pad")).toBe("pkg:npm/left-pad");
  });

  it("recognises GitHub remotes, in URL forms", () => {
    expect(githubRepo("https://github.com/Acme/Packs.git")).toEqual({ owner: "Acme", repo: "Packs" });
    expect(githubRepo("ssh://git@github.com/acme/packs")).toEqual({ owner: "acme", repo: "packs" });
    expect(githubRepo("https://github.com/acme/packs/tree/main")).toBeUndefined();
    expect(githubRepo("https://gitlab.com/acme/packs.git")).toBeUndefined();
  });

  it("builds git purls: github, generic with vcs_url, none for file:", () => {
    expect(gitPurl("x", "https://github.com/Acme/Packs.git", SHA, "./packs//one/")).toBe(`pkg:github/acme/packs@${SHA}#packs/one`);
    expect(gitPurl("my pack", "ssh://me@git.example.com:2222/t/p.git", SHA)).toBe(`pkg:generic/my%20pack@${SHA}?vcs_url=git%2Bssh://git.example.com:2222/t/p.git%40${SHA}`);
    expect(gitPurl("x", "file:///srv/repo", SHA)).toBeUndefined();
  });

  it("drops credentials from URLs and leaves other URLs exactly as written", () => {
    expect(publicUrl("https://user:tok@git.example.com/t/p.git")).toBe("https://git.example.com/t/p.git");
    expect(publicUrl("https://GitHub.com/a/b.git")).toBe("https://GitHub.com/a/b.git");
    expect(redactSource("git+ssh://git@host.example/t/p.git")).toBe("git+ssh://host.example/t/p.git");
    expect(redactSource("./packs/x")).toBe("./packs/x");
    expect(redactSource("registry:dbt@^1")).toBe("registry:dbt@^1");
  });

  it("turns SRI hashes into hex", () => {
    const sri = sha256Sri("abc");
    expect(sriDigest(sri)).toEqual({ alg: "sha256", hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" });
    expect(sriDigest(h512("x"))).toEqual({ alg: "sha512", hex: hex(h512("x")) });
    expect(() => sriDigest("md5-abc")).toThrow(/not an SRI hash/);
  });

  it("derives a UUIDv8 from content: stable, and different for different content", () => {
    const a = contentUuid({ a: 1, b: [2] }, sha256Sri);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contentUuid({ b: [2], a: 1 }, sha256Sri)).toBe(a);
    expect(contentUuid({ a: 1, b: [3] }, sha256Sri)).not.toBe(a);
    // The first 128 bits of sha256 of the canonical JSON, version and variant bits set.
    const digest = hex(sha256Sri('{"a":1,"b":[2]}'));
    expect(a.replace(/-/g, "").slice(0, 12)).toBe(digest.slice(0, 12));
  });
});
