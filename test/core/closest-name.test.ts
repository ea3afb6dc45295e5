import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "../../src/core/closest-name.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["sourc", "source", 1],
    ["agnets", "agents", 2],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s → %s is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("closestName", () => {
  it.each([
    ["one near name", "sourc", ["source", "ref", "path"], "source"],
    ["case does not count", "Trusted", ["trusted", "floating"], "trusted"],
    ["nothing within two edits", "colour", ["version", "agents", "packs"], undefined],
    ["two near names are ambiguous", "pat", ["path", "patch"], undefined],
  ])("%s", (_, name, known, expected) => {
    expect(closestName(name, known)).toBe(expected);
  });
});
