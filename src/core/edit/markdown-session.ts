/**
 * Many section edits to one Markdown file (AGENTS.md gaining a section per pack) at a cost
 * linear in their number. setSection and removeSection scan and rebuild the whole file for each
 * edit and read it back twice to check it; here the file is scanned once into a chain of lines
 * (markdown-line-chain.ts) that holds on to each section's marker lines, every edit changes just
 * its own lines with the same rules (markdown-sections.ts), and the result is read back once.
 *
 * Contract: result() equals applying the same edits one at a time with setSection and
 * removeSection, which throw in the same cases (the property test in
 * markdown-session-property.test.ts holds it to that). One scan is enough because an edit never
 * changes how any other marker reads: content is checked to hold no marker and no open code
 * fence, and the lines added and removed around a section are blank lines outside code. The line
 * break inserted text uses follows the file as it is now: the session counts line breaks.
 */
import { LineChain, type ChainLine } from "./markdown-line-chain.js";
import { joinLines, normaliseContent, splitLines, type Eol, type Line } from "./markdown-lines.js";
import { alsoRemoved, appendedLines, checkId, checkSections, checkSetSection, parseForEdit, sectionLines } from "./markdown-sections.js";

interface Open {
  bom: string;
  chain: LineChain;
  /** Each section's marker lines. */
  markers: Map<string, { begin: ChainLine; end: ChainLine }>;
  /** Each section's content as the edits so far make it, in file order (for the check). */
  expected: Map<string, string>;
  /** How many lines end with "\r\n" and with "\n" (markdown-lines.ts detectEol). */
  crlf: number;
  lf: number;
}

export class MarkdownEditSession {
  private open: Open | undefined;
  private readonly edits: string[] = [];

  /** `text` must have no section problems (see readSections) once an edit is made. */
  constructor(private readonly text: string) {}

  /** setSection(text so far, id, content). */
  set(id: string, content: string): void {
    checkSetSection(id, content);
    const s = this.opened("setSection");
    const eol: Eol = s.crlf > s.lf ? "\r\n" : "\n";
    const inner = splitLines(normaliseContent(content, eol));
    const found = s.markers.get(id);
    if (found !== undefined) {
      if (found.begin.next !== found.end) this.drop(s, found.begin.next!, found.end.prev!);
      this.add(s, found.end, inner);
    } else {
      const tail = s.chain.tail;
      const [replacement, ...added] = appendedLines(tail, sectionLines(id, inner, eol), eol);
      // The last line is changed in place: it may be another section's end marker.
      if (tail !== undefined) this.change(s, tail, replacement!);
      const lines = this.add(s, undefined, tail === undefined ? [replacement!, ...added] : added);
      s.markers.set(id, { begin: lines[lines.length - inner.length - 2]!, end: lines[lines.length - 1]! });
    }
    s.expected.set(id, joinLines(inner));
    this.edits.push(`setSection "${id}"`);
  }

  /** removeSection(text so far, id). */
  remove(id: string): void {
    checkId(id, "removeSection");
    const s = this.opened("removeSection");
    const found = s.markers.get(id);
    if (found === undefined) return;
    const also = alsoRemoved(found.begin.prev, found.end.next);
    const first = also === "before" ? found.begin.prev! : found.begin;
    const last = also === "after" ? found.end.next! : found.end;
    const newLast = first.prev;
    const unended = found.end.eol === "";
    this.drop(s, first, last);
    if (unended && newLast !== undefined) this.change(s, newLast, { text: newLast.text, eol: "" });
    s.markers.delete(id);
    s.expected.delete(id);
    this.edits.push(`removeSection "${id}"`);
  }

  /** The edited text, read back and checked once. */
  result(): string {
    if (this.open === undefined) return this.text;
    return checkSections(this.open.bom + this.open.chain.text(), this.open.expected, this.edits.join(", "));
  }

  private opened(op: string): Open {
    if (this.open !== undefined) return this.open;
    const { bom, lines, sections } = parseForEdit(this.text, op);
    const chain = new LineChain();
    const s: Open = { bom, chain, markers: new Map(), expected: new Map(), crlf: 0, lf: 0 };
    const nodes = this.add(s, undefined, lines);
    for (const { id, begin, end } of sections) {
      s.markers.set(id, { begin: nodes[begin]!, end: nodes[end]! });
      s.expected.set(id, joinLines(lines.slice(begin + 1, end)));
    }
    this.open = s;
    return s;
  }

  private add(s: Open, next: ChainLine | undefined, lines: readonly Line[]): ChainLine[] {
    for (const line of lines) this.count(s, line, 1);
    return s.chain.insertBefore(next, lines);
  }

  private drop(s: Open, first: ChainLine, last: ChainLine): void {
    for (const line of s.chain.remove(first, last)) this.count(s, line, -1);
  }

  private change(s: Open, line: ChainLine, to: Line): void {
    this.count(s, line, -1);
    line.text = to.text;
    line.eol = to.eol;
    this.count(s, line, 1);
  }

  private count(s: Open, line: Line, by: number): void {
    if (line.eol === "\r\n") s.crlf += by;
    else if (line.eol === "\n") s.lf += by;
  }
}
