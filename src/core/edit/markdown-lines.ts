/**
 * The line model of the Markdown section editor: a text is a list of lines, each carrying the
 * line break that ends it, so joining the lines gives the text back byte for byte and every edit
 * is "drop or insert whole lines".
 *
 * Line breaks in a file are "\n" and "\r\n" only. A lone "\r" is ordinary text, as git and Unix
 * editors see it: no file that matters uses it as a line break, and counting it as one would let
 * "…\r" followed by an inserted "\n" silently merge two line breaks into one.
 */

export type Eol = "\n" | "\r\n";

export interface Line {
  /** The line without its line break. */
  text: string;
  /** "" only for a last line that has no line break. */
  eol: "" | Eol;
}

/** "" has no lines, "a\n" has one, "a\nb" has two (the last without a line break). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r?\n/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] as Eol });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: "" });
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  let out = "";
  for (const line of lines) out += line.text + line.eol;
  return out;
}

/**
 * The line break inserted text uses: "\r\n" when the file has more of those than "\n", else
 * "\n" (so a file without line breaks gets "\n"). Text packs inserts uses the winner, so the
 * answer never changes while packs edits the file: set-then-remove sees the same line break.
 */
export function detectEol(text: string): Eol {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

/** Blank in the Markdown sense: nothing but spaces and tabs. */
export function isBlank(line: Line): boolean {
  return /^[ \t]*$/.test(line.text);
}

/**
 * Section content as packs writes it: every line break (CommonMark's "\n", "\r\n" or lone "\r")
 * becomes `eol`, trailing line breaks collapse into exactly one, and content with no text
 * becomes "" (the begin and end markers then sit on adjacent lines).
 */
export function normaliseContent(content: string, eol: Eol): string {
  const body = content.replace(/(?:\r\n|\r|\n)+$/, "");
  return body === "" ? "" : body.split(/\r\n|\r|\n/).join(eol) + eol;
}

/** A leading byte order mark is kept aside so that line 1 is read (and written) without it. */
export function splitBom(text: string): { bom: string; body: string } {
  return text.charCodeAt(0) === 0xfeff ? { bom: "\ufeff", body: text.slice(1) } : { bom: "", body: text };
}
