/**
 * A tiny lexer for the text *between* JSONC values: white space, line breaks, commas and
 * comments. The edit code uses it to find a member's comma and its same-line trailing comment,
 * and to decide whether a member owns its line(s). Anything else is reported as "other", which
 * is where a caller stops looking. Character classes mirror jsonc-parser's scanner.
 */

export type TriviumKind = "ws" | "eol" | "comma" | "line-comment" | "block-comment" | "other" | "eof";

export interface Trivium {
  kind: TriviumKind;
  start: number;
  end: number;
}

/** Horizontal white space as jsonc-parser's scanner sees it (never a line break). */
export function isHorizontalSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && /[ \t\v\f\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/.test(ch);
}

export function isLineBreak(ch: string | undefined): boolean {
  return ch === "\n" || ch === "\r";
}

/** The trivium starting at `pos`. */
export function nextTrivium(text: string, pos: number): Trivium {
  if (pos >= text.length) return { kind: "eof", start: pos, end: pos };
  const ch = text[pos];
  if (isHorizontalSpace(ch)) {
    let end = pos + 1;
    while (isHorizontalSpace(text[end])) end++;
    return { kind: "ws", start: pos, end };
  }
  if (ch === "\r") return { kind: "eol", start: pos, end: text[pos + 1] === "\n" ? pos + 2 : pos + 1 };
  if (ch === "\n") return { kind: "eol", start: pos, end: pos + 1 };
  if (ch === ",") return { kind: "comma", start: pos, end: pos + 1 };
  if (ch === "/" && text[pos + 1] === "/") {
    let end = pos + 2;
    while (end < text.length && !isLineBreak(text[end])) end++;
    return { kind: "line-comment", start: pos, end };
  }
  if (ch === "/" && text[pos + 1] === "*") {
    const close = text.indexOf("*/", pos + 2);
    return { kind: "block-comment", start: pos, end: close < 0 ? text.length : close + 2 };
  }
  return { kind: "other", start: pos, end: pos + 1 };
}

export function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLineBreak(text[i])) return true;
  return false;
}

/** Offset of the first character of the line containing `pos`. */
export function lineStartOf(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isLineBreak(text[i - 1])) i--;
  return i;
}

/** The leading white space of the line containing `pos`. */
export function lineIndentOf(text: string, pos: number): string {
  const start = lineStartOf(text, pos);
  let end = start;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  return text.slice(start, end);
}

/** True when only horizontal white space precedes `pos` on its line. */
export function beginsLine(text: string, pos: number): boolean {
  let i = pos;
  while (i > 0 && isHorizontalSpace(text[i - 1])) i--;
  return i === 0 || isLineBreak(text[i - 1]);
}

/** What follows a value on its own line: its comma and any comments, up to the line break. */
export interface Tail {
  /** Offset of the comma right after the value on the same line, if any. */
  comma: number | undefined;
  /**
   * End of the tail: after the comma and, when the line ends there, after the same-line
   * comments too (they belong to the value). Comments followed by more content on the same
   * line belong to that content and are not part of the tail.
   */
  end: number;
  /** True when only white space follows `end` before the line break or end of text. */
  endsLine: boolean;
}

export function scanTail(text: string, valueEnd: number): Tail {
  let pos = valueEnd;
  let comma: number | undefined;
  let endBeforeComments = valueEnd;
  let endWithComments = valueEnd;
  for (;;) {
    const t = nextTrivium(text, pos);
    if (t.kind === "eol" || t.kind === "eof") return { comma, end: endWithComments, endsLine: true };
    if (t.kind === "ws") {
      pos = t.end;
    } else if (t.kind === "comma" && comma === undefined) {
      comma = t.start;
      endBeforeComments = endWithComments = pos = t.end;
    } else if (t.kind === "line-comment" || (t.kind === "block-comment" && !hasLineBreak(text, t.start, t.end))) {
      endWithComments = pos = t.end;
    } else {
      return { comma, end: endBeforeComments, endsLine: false };
    }
  }
}

/** The first comma at or after `from`, skipping only white space, line breaks and comments. */
export function findComma(text: string, from: number): number | undefined {
  let pos = from;
  for (;;) {
    const t = nextTrivium(text, pos);
    if (t.kind === "comma") return t.start;
    if (t.kind === "other" || t.kind === "eof") return undefined;
    pos = t.end;
  }
}
