import { describe, expect, it } from "vitest";
import { groupBy } from "../../src/core/group-by.js";

describe("groupBy", () => {
  it("keeps the order of first appearance, of keys and of values", () => {
    const g = groupBy(["b1", "a1", "b2", "c1", "a2"], (s) => s[0]);
    expect([...g]).toEqual([["b", ["b1", "b2"]], ["a", ["a1", "a2"]], ["c", ["c1"]]]);
  });

  it("adds to the groups of a map it is given, after what they hold", () => {
    const into = new Map([["x", ["x0"]], ["y", []]]);
    const g = groupBy(["y1", "x1", "z1"], (s) => s[0]!, into);
    expect(g).toBe(into);
    expect([...g]).toEqual([["x", ["x0", "x1"]], ["y", ["y1"]], ["z", ["z1"]]]);
  });
});
