import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isEnvRefError, splitEnvRefs, translateEnvRefs } from "../../src/core/env-ref.js";
import { parseExcludeSpec } from "../../src/config/exclude-spec.js";
import { packKeyProblem } from "../../src/config/pack-key.js";
import { isUnsafeRelativePath } from "../../src/config/pack-entry-rules.js";

describe("splitEnvRefs", () => {
  it.each([
    ["plain", [{ text: "plain" }]],
    ["", []],
    ["${env:GITHUB_TOKEN}", [{ env: "GITHUB_TOKEN" }]],
    ["${TOKEN}", [{ env: "TOKEN" }]],
    ["Bearer ${env:T} x", [{ text: "Bearer " }, { env: "T" }, { text: " x" }]],
    ["${A}${_b1}", [{ env: "A" }, { env: "_b1" }]],
    ["$HOME and $", [{ text: "$HOME and $" }]],
  ])("%j", (value, parts) => {
    expect(splitEnvRefs(value)).toEqual(parts);
  });

  it.each([
    ["${env:}", 0, /names no variable/],
    ["${}", 0, /names no variable/],
    ["x ${env:A", 2, /no closing/],
    ["${1A}", 0, /invalid variable name "1A"/],
    ["${env:A-B}", 0, /invalid variable name "A-B"/],
    ["${A} ${env: A}", 5, /invalid variable name " A"/],
  ])("%j is malformed", (value, offset, error) => {
    const r = splitEnvRefs(value);
    if (!isEnvRefError(r)) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
    expect(r.offset).toBe(offset);
    expect(r.error).toMatch(error);
  });

  it("joins back to the value (references as ${env:NAME})", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const r = splitEnvRefs(value);
        if (isEnvRefError(r)) return value.includes("${");
        const joined = r.map((p) => ("text" in p ? p.text : `\${env:${p.env}}`)).join("");
        return joined === value.replace(/\$\{(?!env:)/g, "${env:");
      }),
    );
  });

  it("translation rewrites exactly the references and keeps every other character", () => {
    const piece = fc.constantFrom("${env:A}", "${B_1}", "$", "{", "}", "env:", "x", " ", "${", "$$", "_9");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const value = pieces.join("");
        const r = splitEnvRefs(value);
        if (isEnvRefError(r)) {
          expect(() => translateEnvRefs(value, (n) => n)).toThrow(/bug/);
          return;
        }
        const marked = translateEnvRefs(value, (n) => `<${n}>`);
        expect(marked).toBe(r.map((p) => ("env" in p ? `<${p.env}>` : p.text)).join(""));
        expect(translateEnvRefs(value, (n) => `\${env:${n}}`).replace(/\$\{env:/g, "")).toBe(value.replace(/\$\{(env:)?/g, ""));
      }),
    );
  });
});

describe("parseExcludeSpec", () => {
  it.each([
    ["skills/legacy-review", { kind: "skills", name: "legacy-review" }],
    ["mcp/github", { kind: "mcp", name: "github" }],
    ["plugins/@scope/pkg@^1", { kind: "plugins", spec: "@scope/pkg@^1" }],
    ["plugins/pkg", { kind: "plugins", spec: "pkg" }],
    ["instructions", { kind: "instructions" }],
  ])("%s", (text, expected) => {
    expect(parseExcludeSpec(text)).toEqual(expected);
  });

  it.each(["", "skills", "skills/", "skills/a/b", "mcp/", "plugins/", "plugins/Bad", "instructions/x", "agents/x", "legacy-review", "/skills/x"])(
    "%j is rejected",
    (text) => {
      expect(parseExcludeSpec(text)).toHaveProperty("error");
    },
  );
});

describe("packKeyProblem", () => {
  it.each(["a", "dbt-tools", "0", "a.b_c-d", "x".repeat(64)])("%s is a safe key", (key) => {
    expect(packKeyProblem(key)).toBeUndefined();
  });
  it.each(["", "A", "Dbt", "-a", ".a", "_a", "a..b", "a/b", "a b", "ü", "x".repeat(65), "..", "con:x"])("%j is rejected", (key) => {
    expect(packKeyProblem(key)).toBeTypeOf("string");
  });
});

describe("isUnsafeRelativePath", () => {
  it.each([
    ["packs/github", false],
    ["a/b..c", false],
    ["..a", false],
    [".", false],
    ["/etc", true],
    ["\\\\server\\share", true],
    ["C:/x", true],
    ["..", true],
    ["a/../../b", true],
    ["a\\..\\b", true],
  ])("%j → %s", (p, unsafe) => {
    expect(isUnsafeRelativePath(p)).toBe(unsafe);
  });
});
