/**
 * Reading TOML (Codex's .codex/config.toml) into plain JSON values. Syntax errors are data for
 * the caller to report, never exceptions. The reader accepts TOML 1.1, a superset of 1.0, so a
 * newer form in a user's file is not refused; everything packs writes is valid TOML 1.0.
 */
import { parseTOML, ParseError, type AST } from "toml-eslint-parser";
import type { JsonObject } from "../json.js";
import { stripBom } from "./jsonc-parse.js";
import { jsonOfProgram } from "./toml-value.js";

export interface TomlSyntaxError {
  message: string;
  /** 1-based; a leading byte order mark is not counted in `col`, which counts UTF-16 units. */
  line: number;
  col: number;
}

export interface TomlParse {
  /**
   * The document's value; undefined whenever `errors` is not empty. Datetimes are ISO 8601
   * strings as written (see toml-value.ts); integers and floats are numbers (integers beyond
   * 2^53 lose precision; inf and nan become Infinity and NaN).
   */
  value: JsonObject | undefined;
  /** At most one error: the first one, which is the one to show. */
  errors: TomlSyntaxError[];
}

/** The syntax tree types, for the other toml-*.ts files: this file is the parser's only importer. */
export type { AST } from "toml-eslint-parser";

const OPTIONS = { tomlVersion: "1.1" } as const;

export function parseToml(text: string): TomlParse {
  const { body } = stripBom(text);
  try {
    return { value: jsonOfProgram(parseTOML(body, OPTIONS)), errors: [] };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { value: undefined, errors: [{ message: lowerFirst(error.message), line: error.lineNumber, col: error.column + 1 }] };
  }
}

/**
 * The syntax tree of `body` (a text without byte order mark) that must be valid TOML: the edit
 * functions take valid text only, so a syntax error here is the caller's bug.
 */
export function parseTomlTree(body: string): AST.TOMLProgram {
  try {
    return parseTOML(body, OPTIONS);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    throw new Error(`bug: TOML edit on invalid text (line ${error.lineNumber}: ${error.message}); check with parseToml first`);
  }
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
