import fc from "fast-check";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../src/core/json.js";
import { fastParseYaml, fastYaml } from "../../src/lockfile/lock-yaml.js";

const lib = (v: unknown) => stringify(v, { lineWidth: 0, sortMapEntries: false });

// Strings from the characters locks hold, and the ones YAML treats specially.
const tricky = fc.constantFrom("", "a", "-", ".", "#", ":", " ", "@", "~", "=", "+", "/", "0", "1", "x", "\n", "'", '"', "*", "&", "!", "[", "{", ",", "?", "|", ">", "%", "`", "e", "true", "null", "yes", "on", ".inf", "1.0", "1.0.0", "0x1", "1e3", "sha256-");
// …and strings from the safe ones only, so that the fast path is taken often.
const safe = fc.constantFrom("a", "x", "pack-a", ".claude/x", "1.0.0", "sha256-ab+/=", "a#b", "e", "a~b", "@s", "_", ":", "#packs:x", "://");
const str = fc.oneof(fc.array(tricky, { maxLength: 6 }), fc.array(safe, { minLength: 1, maxLength: 3 })).map((parts) => parts.join(""));
const scalar = fc.oneof(str, str, str, fc.boolean(), fc.integer({ min: -5, max: 1e6 }), fc.constant(null), fc.double({ noNaN: true }));
const value: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
  v: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(str, tie("v"), { maxKeys: 4 })),
})).v;
const top = fc.dictionary(str, value, { minKeys: 1, maxKeys: 5 });

describe("fastYaml", () => {
  it("writes exactly what the yaml library writes, or nothing", () => {
    let taken = 0;
    fc.assert(fc.property(top, (v) => {
      const fast = fastYaml(v);
      if (fast !== undefined) taken++;
      if (fast !== undefined) expect(fast).toBe(lib(v));
    }), { numRuns: 3000 });
    expect(taken).toBeGreaterThan(30);
  });

  it("writes a lock-shaped value (most values are not refused)", () => {
    const lock = {
      lockfile_version: 1,
      inputs: "sha256-2haaf1TINeXlshP4j3wFs9ErCpAIcwIIsS0xQ6I/wc0=",
      packs: { "pack-a": { components: { "skills/x": "sha256-uA6+/=", "mcp/m": "sha256-Y=" }, floating: true, integrity: "sha256-c=", kind: "git", registry: { name: "r", url: "https/x", version: "1.2.3-beta.1" }, version: "1.0.0" } },
      items: [{ address: ".cursor/mcp.json#/mcpServers/pack-0000-mcp", section: "AGENTS.md#packs:pack-0000", agent: "cursor", hash: "sha256-a=", owners: ["pack-a", "pack-b"] }],
      empty: { map: {}, list: [] },
    };
    expect(fastYaml(lock)).toBe(lib(lock));
  });
});

describe("fastParseYaml", () => {
  it("reads back what the library wrote, as the library reads it, or refuses", () => {
    fc.assert(fc.property(top, (v) => {
      const text = lib(v);
      const fast = fastParseYaml(text);
      if (fast !== undefined) expect(fast).toEqual(parse(text));
      if (fastYaml(v) !== undefined) expect(fast).toEqual(v);
    }), { numRuns: 3000 });
  });

  it("refuses text packs did not write that way", () => {
    expect(fastParseYaml("a: 1 # comment\n")).toBeUndefined();
    expect(fastParseYaml("a: 'x'\n")).toBeUndefined();
    expect(fastParseYaml("a:   x\n")).toBeUndefined();
    expect(fastParseYaml("a:\n    - x\n")).toBeUndefined();
    expect(fastParseYaml("a: x")).toBeUndefined();
    expect(fastParseYaml("a: x\nb: &y z\n")).toBeUndefined();
    expect(fastParseYaml("a: x\nb:\n  - c: 1\n    d: 2\n")).toEqual({ a: "x", b: [{ c: 1, d: 2 }] });
  });
});
