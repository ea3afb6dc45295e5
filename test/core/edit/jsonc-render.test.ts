import { describe, expect, test } from "vitest";
import { renderJson } from "../../../src/core/edit/jsonc-edit.js";
import { parseJsonc } from "../../../src/core/edit/jsonc-parse.js";
import { crlf, lf } from "./lines.js";

const value = { servers: { "@scope/name": { args: ["-y", 1, true, null], env: {} } }, inputs: [] };

describe("renderJson", () => {
  test("defaults: two spaces, LF, final newline", () => {
    expect(renderJson(value)).toBe(
      lf(
        "{",
        '  "servers": {',
        '    "@scope/name": {',
        '      "args": [',
        '        "-y",',
        "        1,",
        "        true,",
        "        null",
        "      ],",
        '      "env": {}',
        "    }",
        "  },",
        '  "inputs": []',
        "}",
      ),
    );
  });

  test("tabs and CRLF", () => {
    expect(renderJson({ a: [1], b: "x" }, { indent: "\t", eol: "\r\n" })).toBe(crlf("{", '\t"a": [', "\t\t1", "\t],", '\t"b": "x"', "}"));
  });

  test("no final newline", () => {
    expect(renderJson({ a: 1 }, { finalNewline: false })).toBe('{\n  "a": 1\n}');
  });

  test.each([
    [{}, "{}\n"],
    [[], "[]\n"],
    ["s\"\n", '"s\\"\\n"\n'],
    [{ "a\"b": 1 }, '{\n  "a\\"b": 1\n}\n'],
  ])("renders %j", (v, text) => {
    expect(renderJson(v)).toBe(text);
    expect(parseJsonc(text).value).toEqual(v);
  });

  test("a deep indent longer than JSON.stringify's 10-character limit", () => {
    expect(renderJson({ a: 1 }, { indent: " ".repeat(12) })).toBe(`{\n${" ".repeat(12)}"a": 1\n}\n`);
  });

  test("a non-finite number is a bug", () => {
    expect(() => renderJson({ a: Number.NaN })).toThrow(/bug/);
  });
});
