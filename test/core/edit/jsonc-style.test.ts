import { readReal } from "../../real-fixtures.js";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { detectStyle } from "../../../src/core/edit/jsonc-style.js";
import { crlf, lf } from "./lines.js";

const real = readReal;

describe("detectStyle", () => {
  test.each([
    ["empty text: defaults", "", { indent: "  ", eol: "\n", finalNewline: true }],
    ["no indented lines: default indent", "{}", { indent: "  ", eol: "\n", finalNewline: false }],
    ["two spaces", lf("{", '  "a": {', '    "b": 1', "  }", "}"), { indent: "  ", eol: "\n", finalNewline: true }],
    ["four spaces", lf("{", '    "a": [', "        1", "    ]", "}"), { indent: "    ", eol: "\n", finalNewline: true }],
    ["four spaces from a deep member alone", lf("{", '    "a": {}', "}"), { indent: "    ", eol: "\n", finalNewline: true }],
    ["tabs", lf("{", '\t"a": 1', "}"), { indent: "\t", eol: "\n", finalNewline: true }],
    ["CRLF", crlf("{", '   "a": 1', "}"), { indent: "   ", eol: "\r\n", finalNewline: true }],
    ["CRLF without final newline", '{\r\n  "a": 1\r\n}', { indent: "  ", eol: "\r\n", finalNewline: false }],
    [
      "comments do not vote",
      lf("{", "      // odd comment", "   /* odd", "       block */", '    "a": 1,', '    "b": 2', "}"),
      { indent: "    ", eol: "\n", finalNewline: true },
    ],
    [
      "one odd line does not decide",
      lf("{", '  "a": 1,', '  "b": 2,', '     "c": 3', "}"),
      { indent: "  ", eol: "\n", finalNewline: true },
    ],
    ["byte order mark ignored", '\ufeff{\n\t"a": 1\n}\n', { indent: "\t", eol: "\n", finalNewline: true }],
  ])("%s", (_name, text, style) => {
    expect(detectStyle(text)).toEqual(style);
  });

  test.each([
    ["vscode/.vscode/mcp.json", { indent: "\t", eol: "\n", finalNewline: true }],
    ["altimate-code/.opencode/opencode.jsonc", { indent: "  ", eol: "\n", finalNewline: true }],
    ["modelcontextprotocol-servers/.mcp.json", { indent: "  ", eol: "\n", finalNewline: true }],
  ])("real file %s", (path, style) => {
    expect(detectStyle(real(path))).toEqual(style);
  });
});
