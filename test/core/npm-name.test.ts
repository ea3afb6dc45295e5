import { describe, expect, it } from "vitest";
import { npmName } from "../../src/core/item.js";

describe("npmName: one identity per plugin", () => {
  it.each([
    ["pkg", "pkg"],
    ["pkg@1.2.3", "pkg"],
    ["pkg@^1", "pkg"],
    ["@scope/pkg", "@scope/pkg"],
    ["@scope/pkg@^1.2", "@scope/pkg"],
    ["npm:@scope/pkg@2", "@scope/pkg"],
    ["superpowers@git+https://github.com/obra/superpowers.git#v5.0.3", "superpowers"],
    ["git+ssh://git@github.com/acme/a.git", "git+ssh://git@github.com/acme/a.git"],
    ["git+https://github.com/acme/a.git#v1", "git+https://github.com/acme/a.git#v1"],
    ["file:///home/me/plugin", "file:///home/me/plugin"],
    ["github:o/r", "github:o/r"],
  ])("%s → %s", (spec, name) => {
    expect(npmName(spec)).toBe(name);
  });
});
