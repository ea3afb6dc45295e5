/**
 * Human wording and 1-based positions for jsonc-parser's error codes. The codes are matched by
 * name through printParseErrorCode so this file does not depend on const-enum values.
 */
import { printParseErrorCode, type ParseErrorCode } from "jsonc-parser";

const MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "missing colon",
  CommaExpected: "missing comma",
  CloseBraceExpected: "missing '}'",
  CloseBracketExpected: "missing ']'",
  EndOfFileExpected: "unexpected content after the end of the document",
  InvalidCommentToken: "invalid comment",
  UnexpectedEndOfComment: "unterminated block comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "incomplete number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};

export const EMPTY_DOCUMENT = "empty document: expected a JSON value";

/**
 * The message for an error at `offset` of `text`. Errors at the very end of the text read
 * "unexpected end of file", because that is what the user has to fix; a text with no value at
 * all (empty, white space, only comments) reads "empty document".
 */
export function errorMessage(code: ParseErrorCode, text: string, offset: number, hasValue: boolean): string {
  const name = printParseErrorCode(code);
  const base = MESSAGES[name] ?? name;
  if (offset < text.length) return base;
  if (name === "ValueExpected" && !hasValue) return EMPTY_DOCUMENT;
  return `unexpected end of file: ${base}`;
}

/** 1-based line and column of `offset`; "\r\n", "\n" and a lone "\r" each end a line. */
export function lineColOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const ch = text[i];
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}
