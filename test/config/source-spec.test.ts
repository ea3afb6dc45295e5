import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isSourceSpecError, parseSourceSpec, SOURCE_FORMS_HINT } from "../../src/config/source-spec.js";
import type { SourceSpec } from "../../src/config/project-config.js";

describe("parseSourceSpec: accepted forms", () => {
  const cases: Array<[string, SourceSpec]> = [
    ["./packs/x", { kind: "local", path: "./packs/x" }],
    ["../x", { kind: "local", path: "../x" }],
    ["/abs/x", { kind: "local", path: "/abs/x" }],
    ["packs/x", { kind: "local", path: "packs/x" }],
    ["x", { kind: "local", path: "x" }],
    ["git+not a url", { kind: "local", path: "git+not a url" }], // no scheme: a local folder
    ["packs/a:b", { kind: "local", path: "packs/a:b" }],
    ["C:\\packs\\x", { kind: "local", path: "C:\\packs\\x" }],
    ["./dist/x-1.0.0.tgz", { kind: "tarball", path: "./dist/x-1.0.0.tgz" }],
    ["x.tgz", { kind: "tarball", path: "x.tgz" }],
    ["github:acme/agent-packs", { kind: "git", url: "https://github.com/acme/agent-packs.git", github: { owner: "acme", repo: "agent-packs" } }],
    ["github:acme/agent-packs.git", { kind: "git", url: "https://github.com/acme/agent-packs.git", github: { owner: "acme", repo: "agent-packs" } }],
    ["github:A-1/r.e_p", { kind: "git", url: "https://github.com/A-1/r.e_p.git", github: { owner: "A-1", repo: "r.e_p" } }],
    ["git+https://github.com/acme/x.git", { kind: "git", url: "https://github.com/acme/x.git", github: { owner: "acme", repo: "x" } }],
    ["git+https://gitlab.com/acme/x.git", { kind: "git", url: "https://gitlab.com/acme/x.git" }],
    ["git+ssh://git@github.com/acme/x.git", { kind: "git", url: "ssh://git@github.com/acme/x.git" }],
    ["git+file:///tmp/repo", { kind: "git", url: "file:///tmp/repo" }],
    ["git+http://localhost:8080/r.git", { kind: "git", url: "http://localhost:8080/r.git" }],
    ["registry:dbt-cloud", { kind: "registry", name: "dbt-cloud" }],
    ["registry:dbt-cloud@^1", { kind: "registry", name: "dbt-cloud", range: "^1" }],
    ["registry:x@>=1 <2", { kind: "registry", name: "x", range: ">=1 <2" }],
    ["npm:pkg", { kind: "npm", name: "pkg" }],
    ["npm:pkg@1.2.3", { kind: "npm", name: "pkg", range: "1.2.3" }],
    ["npm:@scope/pkg", { kind: "npm", name: "@scope/pkg" }],
    ["npm:@scope/pkg@^1", { kind: "npm", name: "@scope/pkg", range: "^1" }],
    ["npm:pkg@latest", { kind: "npm", name: "pkg", range: "latest" }],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(parseSourceSpec(text)).toEqual(expected);
  });
});

describe("parseSourceSpec: rejected forms", () => {
  const cases: Array<[text: string, error: RegExp, hint: RegExp | "forms"]> = [
    ["", /empty/, "forms"],
    ["   ", /empty/, "forms"],
    [" ./x", /spaces/, /Remove the spaces/],
    ["foo:bar", /unknown source scheme "foo:"/, "forms"],
    ["GitLab:acme/x", /unknown source scheme "gitlab:"/, "forms"],
    ["github:", /not github:owner\/repo/, /github:owner\/repo/],
    ["github:acme", /not github:owner\/repo/, /github:owner\/repo/],
    ["github:acme/", /not github:owner\/repo/, /github:owner\/repo/],
    ["github:/repo", /not github:owner\/repo/, /github:owner\/repo/],
    ["github:acme/..", /not github:owner\/repo/, /github:owner\/repo/],
    ["github:acme/x/packs/y", /has a folder/, /path:/],
    ["github:acme/x#v1", /has a ref/, /ref:/],
    ["github:acme/x@v1", /has a ref/, /ref:/],
    ["git+https://github.com/acme/x.git#v1", /#fragment/, /ref:/],
    ["git+https://exa mple.com/x", /not a valid URL/, /git\+https:/],
    ["git+ssh://git@github.com:acme/x.git", /not a valid URL/, /git\+ssh:\/\/git@host\/owner\/repo.git/],
    ["git+ftp://host/x.git", /ftp:/, /git\+https:/],
    ["git+file:///", /names no repository/, /git\+file:/],
    ["https://github.com/acme/x.git", /without "git\+"/, /git\+https:\/\/github.com\/acme\/x.git/],
    ["ssh://git@host/x.git", /without "git\+"/, /git\+ssh:/],
    ["git@github.com:acme/x.git", /scp-style/, /git\+ssh:\/\//],
    ["registry:", /does not name a pack/, /registry:name/],
    ["registry:@^1", /does not name a pack/, /registry:name/],
    ["registry:x@", /no version range/, /range/],
    ["npm:", /package name is empty/, /npm:pkg/],
    ["npm:Bad_Name", /not a valid npm package name/, /npm:pkg/],
    ["npm:pkg@", /no version range/, /npm:pkg/],
  ];
  it.each(cases)("%j", (text, error, hint) => {
    const r = parseSourceSpec(text);
    if (!isSourceSpecError(r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
    expect(r.error).toMatch(error);
    if (hint === "forms") expect(r.hint).toBe(SOURCE_FORMS_HINT);
    else expect(r.hint).toMatch(hint);
  });

  it("the generic hint names every accepted form", () => {
    for (const form of ["./packs/x", "github:owner/repo", "git+https://", "git+ssh://", "git+file://", "registry:name", "npm:pkg", ".tgz"]) {
      expect(SOURCE_FORMS_HINT).toContain(form);
    }
  });
});

describe("parseSourceSpec: properties", () => {
  it("never throws and always returns a spec or an error with a hint", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = parseSourceSpec(text);
        if (isSourceSpecError(r)) return r.error.length > 0 && r.hint.length > 0;
        return ["local", "git", "registry", "npm", "tarball"].includes(r.kind);
      }),
    );
  });

  it("github:owner/repo always maps to the GitHub https remote", () => {
    const owner = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,10}$/);
    const repo = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,10}$/).filter((r) => !r.endsWith(".git"));
    fc.assert(
      fc.property(owner, repo, (o, r) => {
        expect(parseSourceSpec(`github:${o}/${r}`)).toEqual({ kind: "git", url: `https://github.com/${o}/${r}.git`, github: { owner: o, repo: r } });
      }),
    );
  });
});
