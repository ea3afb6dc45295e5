/**
 * Finding packs section markers in Markdown, as CommonMark reads a document's top level (lists
 * and block quotes are not modelled):
 *
 * - A marker is a line `<!-- packs:begin <id> -->` or `<!-- packs:end <id> -->`, indented by at
 *   most 3 spaces (4 make it indented code), with nothing else on the line but spaces and tabs.
 * - Inside a fenced code block (``` or ~~~, at most 3 spaces of indentation) nothing is a marker:
 *   those are examples in the user's docs. A fence that is never closed makes the rest of the
 *   file code, which would hide every marker after it, so it is a problem.
 * - A line that starts like a marker but is not a well-formed one is a problem, never ignored:
 *   a typo in an end marker must not make packs append a second copy of the section.
 * - Section content packs writes is held to a stricter rule (sectionContentProblems), so that
 *   it can never change how the markers around it are read.
 */
import { isBlank, type Line } from "./markdown-lines.js";

export const SECTION_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

export interface SectionProblem {
  message: string;
  /** 1-based; a leading byte order mark is not counted in `col`. */
  line: number;
  col: number;
}

/** A well-formed section by 0-based line index of its begin and end markers. */
export interface FoundSection {
  id: string;
  begin: number;
  end: number;
}

const MARKER_START = /^( {0,3})<!--[ \t]*packs:(?:begin|end)\b/;
const MARKER = /^ {0,3}<!--[ \t]*packs:(begin|end)[ \t]+(\S+?)[ \t]*-->[ \t]*$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

export interface Fence {
  char: string;
  length: number;
  /** 0-based line index and 1-based column of the opening fence. */
  line: number;
  col: number;
}

/** The fence `text` opens, if any. A backtick fence's info string cannot hold a backtick. */
export function fenceOpenedBy(text: string, line: number): Fence | undefined {
  const m = FENCE.exec(text);
  if (m === null) return undefined;
  const [, indent = "", run = "", info = ""] = m;
  if (run.startsWith("`") && info.includes("`")) return undefined;
  return { char: run.charAt(0), length: run.length, line, col: indent.length + 1 };
}

/** A closing fence: the same character, at least as long, and nothing after it but spaces. */
export function closesFence(text: string, fence: Fence): boolean {
  const m = FENCE.exec(text);
  return m !== null && m[2]!.startsWith(fence.char) && m[2]!.length >= fence.length && isBlank({ text: m[3]!, eol: "" });
}

export function unclosedFenceMessage(fence: Fence): string {
  const run = fence.char.repeat(fence.length);
  return `code block opened with "${run}" is never closed, so the rest of the file is code and packs markers in it do not count; close it with "${run}"`;
}

/**
 * Problems that make `content` unfit for a section, with positions within the content: a line
 * that looks like a marker (at any indentation, even in a code block: keep examples of markers
 * out of section content), or a code fence left open, which would hide the end marker.
 * setSection treats any of them as the caller's bug.
 */
export function sectionContentProblems(content: string): SectionProblem[] {
  const problems: SectionProblem[] = [];
  let fence: Fence | undefined;
  content.split(/\r\n|\r|\n/).forEach((text, i) => {
    const marker = /^([ \t]*)<!--[ \t]*packs:(?:begin|end)\b/.exec(text);
    if (marker !== null) problems.push({ message: "section content cannot contain a packs marker line", line: i + 1, col: marker[1]!.length + 1 });
    if (fence === undefined) fence = fenceOpenedBy(text, i);
    else if (closesFence(text, fence)) fence = undefined;
  });
  if (fence !== undefined) problems.push({ message: unclosedFenceMessage(fence), line: fence.line + 1, col: fence.col });
  return problems;
}

const begin = (id: string) => `"<!-- packs:begin ${id} -->"`;
const end = (id: string) => `"<!-- packs:end ${id} -->"`;

interface Open {
  id: string;
  line: number;
  col: number;
  /** Already reported (a duplicate or nested begin): its pair is never a section. */
  bad: boolean;
}

/** Every well-formed outermost section, and every problem sorted by position. */
export function scanSections(lines: readonly Line[]): { sections: FoundSection[]; problems: SectionProblem[] } {
  const sections: FoundSection[] = [];
  const problems: SectionProblem[] = [];
  const report = (message: string, line: number, col: number) => problems.push({ message, line: line + 1, col });
  const stack: Open[] = [];
  const firstBegin = new Map<string, number>();
  let fence: Fence | undefined;

  lines.forEach(({ text }, i) => {
    if (fence !== undefined) {
      if (closesFence(text, fence)) fence = undefined;
      return;
    }
    fence = fenceOpenedBy(text, i);
    const start = MARKER_START.exec(text);
    if (fence !== undefined || start === null) return;
    const col = start[1]!.length + 1;
    const m = MARKER.exec(text);
    if (m === null) {
      return report('malformed packs marker: write "<!-- packs:begin <id> -->" or "<!-- packs:end <id> -->" alone on its line', i, col);
    }
    const [, kind, id = ""] = m;
    if (!SECTION_ID_PATTERN.test(id)) {
      return report(`"${id}" is not a section id: ids are pack keys (lowercase letters, digits, ".", "_" and "-", starting with a letter or digit)`, i, col);
    }
    if (kind === "begin") {
      const first = firstBegin.get(id);
      const outer = stack[stack.length - 1];
      if (first !== undefined) report(`section "${id}" appears twice (first at line ${first + 1}); a file has one section per pack`, i, col);
      else if (outer !== undefined) report(`section "${id}" begins inside section "${outer.id}" (begun at line ${outer.line + 1}); sections cannot be nested`, i, col);
      if (first === undefined) firstBegin.set(id, i);
      stack.push({ id, line: i, col, bad: first !== undefined || outer !== undefined });
      return;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return report(`${end(id)} has no ${begin(id)} before it`, i, col);
    const at = stack.findLastIndex((o) => o.id === id);
    if (at === -1) {
      // Most likely a typo in the end marker: it ends the innermost section, reported once.
      report(`${end(id)} ends section "${top.id}" (begun at line ${top.line + 1}); the ids must match`, i, col);
      stack.pop();
      return;
    }
    for (const inner of stack.splice(at + 1)) {
      report(`section "${inner.id}" is not ended before section "${id}" ends at line ${i + 1}`, inner.line, inner.col);
    }
    const closed = stack.pop()!;
    if (stack.length === 0 && !closed.bad) sections.push({ id, begin: closed.line, end: i });
  });

  for (const open of stack) report(`section "${open.id}" is never ended: ${end(open.id)} is missing`, open.line, open.col);
  if (fence !== undefined) report(unclosedFenceMessage(fence), fence.line, fence.col);
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { sections, problems };
}
