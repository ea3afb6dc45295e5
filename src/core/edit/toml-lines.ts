/**
 * Line arithmetic for surgical TOML edits. TOML is line-based: a key/value pair or a table header
 * always owns its line(s), so every edit here inserts or deletes whole lines. A line ends after
 * "\n" ("\r\n" ends with it; TOML has no other line break) or at the end of the text.
 */

export interface LineRange {
  /** Offset of the first character of the first line. */
  start: number;
  /** Offset just after the last line's "\n", or the text's length when it has none. */
  end: number;
}

/** The file's line break: "\r\n" when its first line ends so, else "\n" (also for one line). */
export function detectEol(text: string): "\n" | "\r\n" {
  const i = text.indexOf("\n");
  return i > 0 && text[i - 1] === "\r" ? "\r\n" : "\n";
}

export function endsWithLineBreak(text: string): boolean {
  return text.endsWith("\n");
}

export function lineStartOf(text: string, pos: number): number {
  // lastIndexOf reads a negative start as 0, which would find a "\n" at offset 0.
  return pos === 0 ? 0 : text.lastIndexOf("\n", pos - 1) + 1;
}

export function lineEndOf(text: string, pos: number): number {
  const i = text.indexOf("\n", pos);
  return i < 0 ? text.length : i + 1;
}

/** The lines holding [from, to): from the start of `from`'s line to the end of `to`'s line. */
export function linesOf(text: string, from: number, to: number): LineRange {
  return { start: lineStartOf(text, from), end: lineEndOf(text, Math.max(from, to - 1)) };
}

/** The line before the one starting at `lineStart`, if any. */
export function lineBefore(text: string, lineStart: number): LineRange | undefined {
  return lineStart === 0 ? undefined : { start: lineStartOf(text, lineStart - 1), end: lineStart };
}

/** The line after the one ending at `lineEnd`, if any. */
export function lineAfter(text: string, lineEnd: number): LineRange | undefined {
  return lineEnd >= text.length ? undefined : { start: lineEnd, end: lineEndOf(text, lineEnd) };
}

/** Only spaces and tabs before its line break. */
export function isBlank(text: string, line: LineRange): boolean {
  return /^[ \t]*\r?\n?$/.test(text.slice(line.start, line.end));
}

/**
 * The range to delete for whole lines `lines`. When they are the last lines of a text that has
 * no final line break, the line break before them goes too, and so do empty lines before them,
 * so the text still has none. (Lines of spaces stay: one ends the text without a line break.)
 */
export function deletionOf(text: string, lines: LineRange): LineRange {
  if (lines.end < text.length || endsWithLineBreak(text) || lines.start === 0) return lines;
  let start = lines.start;
  do start -= text.endsWith("\r\n", start) ? 2 : 1;
  while (start > 0 && text[start - 1] === "\n");
  return { start, end: lines.end };
}

export interface Splice extends LineRange {
  content: string;
}

/** Applies non-overlapping splices, in any order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.content + out.slice(s.end);
  return out;
}
