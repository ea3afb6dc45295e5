/** The name, path and npm-spec rules, as tables, plus properties of the path check. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isKeyName, isNpmSpec, isSlug } from "../../src/packs/names.js";
import { safeRelativePath } from "../../src/packs/pack-paths.js";

describe("isSlug", () => {
  test.each([
    ["dbt-snowflake", true], ["ab", true], ["a1-b2", true], ["a".repeat(64), true],
    ["a", false], ["a".repeat(65), false], ["Dbt", false], ["1abc", false], ["a--b", false], ["a-", false], ["a_b", false], ["", false],
  ])("%s → %s", (name, ok) => expect(isSlug(name)).toBe(ok));
});

describe("isKeyName", () => {
  test.each([
    ["dbt", true], ["GitHub.v2_x-y", true], ["0x", true],
    ["a/b", false], ["a..b", false], [".hidden", false], ["-x", false], ["", false], ["a b", false],
  ])("%s → %s", (name, ok) => expect(isKeyName(name)).toBe(ok));
});

describe("isNpmSpec", () => {
  test.each([
    ["left-pad", true], ["@scope/pkg", true], ["@scope/pkg@^1.2.0", true], ["pkg@latest", true], ["pkg@>=1 <2", true],
    ["file:../local", true], ["file:///Users/me/p", true], ["git+https://github.com/o/r.git#v1", true], ["git+ssh://git@github.com/o/r.git", true],
    ["superpowers@git+https://github.com/obra/superpowers.git#v5.0.3", true],
    ["", false], ["Bad", false], ["has space", false], [" pkg", false], ["pkg@", false], ["@scope", false], ["@/x", false], ["file:", false], ["git+nope", false], [".hidden", false],
  ])("%s → %s", (spec, ok) => expect(isNpmSpec(spec)).toBe(ok));
});

describe("safeRelativePath", () => {
  test.each([
    ["skills/a", "skills/a"], ["./skills/a/", "skills/a"], ["a//b/./c", "a/b/c"], [".", ""], ["foo..bar", "foo..bar"],
  ])("%s → %s", (raw, path) => expect(safeRelativePath(raw)).toEqual({ ok: true, path }));

  test.each([
    ["/etc", "is absolute"], ["C:/x", "is absolute"], ["../x", "contains `..`"], ["a/../../b", "contains `..`"], ["a\\b", "contains a backslash"], ["~/x", "starts at the home directory"],
  ])("%s is refused: %s", (raw, reason) => expect(safeRelativePath(raw)).toEqual({ ok: false, reason }));

  test("whatever it accepts stays inside: relative, no `..`, no empty or `.` segment", () => {
    const segment = fc.constantFrom("a", "b", ".", "..", "", "x.y", "~", "C:", "\\");
    fc.assert(fc.property(fc.array(segment, { maxLength: 6 }), fc.boolean(), (segs, lead) => {
      const result = safeRelativePath((lead ? "/" : "") + segs.join("/"));
      if (!result.ok) return;
      expect(result.path.startsWith("/")).toBe(false);
      if (result.path !== "") expect(result.path.split("/").every((s) => s !== "" && s !== "." && s !== "..")).toBe(true);
    }));
  });
});
