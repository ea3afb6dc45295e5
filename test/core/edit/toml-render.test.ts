import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseToml } from "../../../src/core/edit/toml-parse.js";
import { renderInline, renderKey, renderNumber, renderString, renderToml, tableLines } from "../../../src/core/edit/toml-render.js";
import type { JsonObject, JsonValue } from "../../../src/core/json.js";
import { lf } from "./lines.js";

describe("renderToml", () => {
  test("top-level keys first, then tables; nested objects become subtables after a blank line", () => {
    const value: JsonObject = {
      mcp_servers: { dbt: { command: "uvx", env: { DBT_PROFILES_DIR: "~/.dbt" }, args: ["dbt-mcp", "--x"], enabled: true } },
      model: "o3",
    };
    expect(renderToml(value)).toBe(
      lf(
        'model = "o3"',
        "",
        "[mcp_servers.dbt]",
        'command = "uvx"',
        'args = ["dbt-mcp", "--x"]',
        "enabled = true",
        "",
        "[mcp_servers.dbt.env]",
        'DBT_PROFILES_DIR = "~/.dbt"',
      ),
    );
  });

  test("keys that need quoting are quoted, in headers and in key/value lines", () => {
    expect(renderToml({ mcp_servers: { "my.server": { "@scope/x": 1, "a b": "", "": 2, "é": 3, "q\"": 4, "A-z_0": 5 } } })).toBe(
      lf('[mcp_servers."my.server"]', '"@scope/x" = 1', '"a b" = ""', '"" = 2', '"é" = 3', '"q\\"" = 4', "A-z_0 = 5"),
    );
  });

  test("an empty table keeps its header; a table of tables only gets none", () => {
    expect(renderToml({ a: {}, b: { c: { d: 1 }, e: {} } })).toBe(lf("[a]", "", "[b.c]", "d = 1", "", "[b.e]"));
    expect(renderToml({})).toBe("");
  });

  test("objects inside arrays are inline tables", () => {
    expect(renderToml({ t: { list: [{ a: 1, b: [{}] }, []] } })).toBe(lf("[t]", "list = [{ a = 1, b = [{}] }, []]"));
  });

  test("null and lone surrogates are the caller's bug", () => {
    expect(() => renderToml({ a: null })).toThrow(/^bug: TOML has no null/);
    expect(() => renderToml({ a: "\ud800" })).toThrow(/^bug: TOML cannot hold a lone surrogate/);
    expect(() => tableLines([], {})).toThrow(/^bug:/);
  });
});

describe("scalars", () => {
  test.each([
    ["plain", "abc", '"abc"'],
    ["quote and backslash", 'a"b\\c', '"a\\"b\\\\c"'],
    ["short escapes", "\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'],
    ["other control characters and DEL", "\u0000\u001f\u007f", '"\\u0000\\u001F\\u007F"'],
    ["non-ASCII stays as it is", "é 😀 \u2028", '"é 😀 \u2028"'],
  ])("string: %s", (_name, s, text) => {
    expect(renderString(s)).toBe(text);
  });

  test.each([
    [0, "0"],
    [-0, "-0.0"],
    [42, "42"],
    [-7, "-7"],
    [0.5, "0.5"],
    [-1.5e-7, "-1.5e-7"],
    [1e21, "1e+21"],
    [2 ** 60, "1.152921504606847e+18"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
    [NaN, "nan"],
  ])("number %d is %s", (n, text) => {
    expect(renderNumber(n)).toBe(text);
  });

  test.each([
    ["bare", "mcp_servers", "mcp_servers"],
    ["dot", "my.server", '"my.server"'],
    ["scoped", "@scope/x", '"@scope/x"'],
    ["empty", "", '""'],
  ])("key: %s", (_name, key, text) => {
    expect(renderKey(key)).toBe(text);
  });

  test("inline values", () => {
    expect(renderInline({ a: [1, "x", false], "b.c": {} })).toBe('{ a = [1, "x", false], "b.c" = {} }');
  });
});

const keyArb = fc.oneof(fc.constantFrom("a", "mcp_servers", "my.server", "@scope/x", "", "with space", "q\"", "__proto__"), fc.string({ unit: "binary", maxLength: 4 }));
const scalarArb: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
);
const valueArb: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarArb,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(keyArb, tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

test("every rendered document parses back to its value", () => {
  fc.assert(
    fc.property(fc.dictionary(keyArb, valueArb, { maxKeys: 4, noNullPrototype: true }), (value) => {
      const parsed = parseToml(renderToml(value));
      expect(parsed.errors).toEqual([]);
      expect(parsed.value).toEqual(value);
    }),
    { numRuns: Number(process.env.TOML_PROPERTY_RUNS ?? 400) },
  );
});
