import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { duplicateKeyOffsets } from "../../src/config/yaml-duplicate-keys.js";

/** The library's own check, the rule this one must match. */
function libraryOffsets(text: string): number[] {
  return parseDocument(text, { uniqueKeys: true }).errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => e.pos[0]);
}
const ours = (text: string) => duplicateKeyOffsets(parseDocument(text, { uniqueKeys: false }));

describe("duplicateKeyOffsets", () => {
  it.each([
    ["a repeated key", "a: 1\nb: 2\na: 3\n"],
    ["a repeated nested key", "packs:\n  x:\n    source: a\n  x:\n    source: b\n"],
    ["1 and \"1\" differ", "1: a\n\"1\": b\n"],
    ["1 and 1.0 are the same number", "1: a\n1.0: b\n"],
    ["quoted and plain text are the same string", "a: 1\n'a': 2\n\"a\": 3\n"],
    ["null keys repeat", "~: 1\nnull: 2\n"],
    [".nan never repeats", ".nan: 1\n.nan: 2\n"],
    ["flow maps", "x: {a: 1, b: 2, a: 3}\n"],
    ["keys in different maps", "a: {k: 1}\nb: {k: 2}\n"],
    ["true and \"true\" differ", "true: 1\n\"true\": 2\n"],
  ])("%s: as the library finds them", (_, text) => {
    expect(ours(text)).toEqual(libraryOffsets(text));
  });

  it("finds what the library finds in any block or flow map", () => {
    const key = fc.constantFrom("a", "b", "'a'", '"b"', "1", "'1'", "1.0", "0x1", "~", "null", "true", "True", "'true'", ".nan", "-0", "0");
    const scalar = fc.constantFrom("1", "x", "~", "[]", "{}");
    const flow = fc.array(fc.tuple(key, scalar), { maxLength: 5 }).map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(", ")}}`);
    const block = fc.array(fc.tuple(key, fc.oneof(scalar, flow)), { minLength: 1, maxLength: 8 }).map((ps) => ps.map(([k, v]) => `${k}: ${v}\n`).join(""));
    const nested = fc.array(fc.tuple(key, block), { minLength: 1, maxLength: 4 }).map((ps) => ps.map(([k, b]) => `${k}:\n${b.replace(/^/gm, "  ")}`).join(""));
    fc.assert(fc.property(fc.oneof(block, nested), (text) => {
      const found = ours(text);
      const library = libraryOffsets(text);
      expect(found).toHaveLength(library.length);
      // The library sometimes reports a key from the line break before it (where its "props"
      // begin); ours is the key itself. Nothing but blank space may lie between the two.
      found.forEach((at, i) => expect(text.slice(library[i], at)).toMatch(/^\s*$/));
    }), { seed: 11, numRuns: 400 });
  });
});
