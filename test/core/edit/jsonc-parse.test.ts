import { describe, expect, test } from "vitest";
import { parseJsonc, valueAt } from "../../../src/core/edit/jsonc-parse.js";
import type { JsonValue } from "../../../src/core/json.js";
import { crlf, lf } from "./lines.js";

describe("parseJsonc", () => {
  test("comments and trailing commas are allowed", () => {
    const text = lf(
      "// header",
      "{",
      '  "a": [1, 2,], /* inline */',
      "  /* block",
      "     comment */",
      '  "b": { "c": "// not a comment", },',
      "}",
    );
    expect(parseJsonc(text)).toEqual({ value: { a: [1, 2], b: { c: "// not a comment" } }, errors: [] });
  });

  test("duplicate keys: the last one wins, as in JSON.parse", () => {
    expect(parseJsonc('{"a": 1, "a": 2}').value).toEqual({ a: 2 });
  });

  test('"__proto__" is data, not a prototype', () => {
    const value = parseJsonc('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  test.each([
    ["missing comma", lf("{", '  "a": 1', '  "b": 2', "}"), "missing comma", 3, 3],
    ["unexpected end", lf("{", '  "a": [1, 2'), "unexpected end of file: missing ']'", 3, 1],
    ["unclosed object", '{ "a": 1', "unexpected end of file: missing '}'", 1, 9],
    ["empty text", "", "empty document: expected a JSON value", 1, 1],
    ["white space only", "  \n  ", "empty document: expected a JSON value", 2, 3],
    ["comments only", lf("// nothing here"), "empty document: expected a JSON value", 2, 1],
    ["unquoted key", "{ a: 1 }", "unexpected character", 1, 3],
    ["missing colon, CRLF lines", crlf("{", '  "a": 1,', '  "b" 2', "}"), "missing colon", 3, 7],
    ["unterminated string", lf("{", '  "a": "x', "}"), "unterminated string", 2, 8],
    ["unterminated block comment", lf("{", "  /* open", "}"), "unterminated block comment", 2, 3],
    ["content after the end", '{"a": 1}}', "unexpected content after the end of the document", 1, 9],
    ["a byte order mark does not count as a column", '\ufeff{ "a" 1 }', "missing colon", 1, 7],
  ])("%s: first error with 1-based line and col", (_name, text, message, line, col) => {
    const result = parseJsonc(text);
    expect(result.value).toBeUndefined();
    expect(result.errors[0]).toMatchObject({ message, line, col });
  });

  test("error offsets point into the text as given", () => {
    expect(parseJsonc('\ufeff{ "a" 1 }').errors[0]?.offset).toBe(7);
    expect(parseJsonc('{ "a" 1 }').errors[0]?.offset).toBe(6);
  });

  test("errors come sorted by offset", () => {
    const { errors } = parseJsonc('{"a": [1, 2');
    expect(errors.map((e) => e.offset)).toEqual([...errors.map((e) => e.offset)].sort((a, b) => a - b));
    expect(errors.length).toBeGreaterThan(1);
  });
});

describe("valueAt", () => {
  const root: JsonValue = { a: { "b/c": [10, { d: null }] }, "": 1, "x.y": 2 };
  test.each<[string[], JsonValue | undefined]>([
    [[], root],
    [["a", "b/c", "0"], 10],
    [["a", "b/c", "1", "d"], null],
    [[""], 1],
    [["x.y"], 2],
    [["a", "b/c", "2"], undefined],
    [["a", "b/c", "01"], undefined],
    [["a", "b/c", "-1"], undefined],
    [["a", "b/c", "length"], undefined],
    [["a", "missing", "x"], undefined],
    [["x.y", "z"], undefined],
    [["toString"], undefined],
    [["__proto__"], undefined],
  ])("%j", (path, expected) => {
    expect(valueAt(root, path)).toEqual(expected);
  });

  test("an undefined root has nothing", () => {
    expect(valueAt(undefined, [])).toBeUndefined();
  });
});
