/**
 * Surgical edits of shared Markdown instruction files (AGENTS.md, CLAUDE.md, GEMINI.md): packs
 * owns one marked section per pack and never changes a byte outside its markers:
 *
 *     <!-- packs:begin <id> -->
 *     …content…
 *     <!-- packs:end <id> -->
 *
 * What counts as a marker (not inside fenced code, at most 3 spaces of indentation) is in
 * markdown-scan.ts. Inserted text uses the file's line break (markdown-lines.ts), and
 * setSection and removeSection are exact inverses: adding sections and removing them again
 * gives back the original bytes, whatever the order. Many edits to one file: the same edits
 * from one scan in markdown-session.ts.
 */
import { detectEol, isBlank, joinLines, normaliseContent, splitBom, splitLines, type Eol, type Line } from "./markdown-lines.js";
import { scanSections, SECTION_ID_PATTERN, sectionContentProblems, type FoundSection, type SectionProblem } from "./markdown-scan.js";

export { SECTION_ID_PATTERN, sectionContentProblems, type SectionProblem } from "./markdown-scan.js";

export interface MarkdownSection {
  id: string;
  /**
   * The text strictly between the begin line and the end line, without the line break after
   * the begin marker; it ends with a line break unless it is empty. Line breaks are the file's.
   */
  content: string;
  /** 1-based line numbers of the markers. */
  beginLine: number;
  endLine: number;
}

/**
 * The sections of a file, in file order. Broken markers and unclosed code fences are problems
 * (sorted by position) for the caller to report; while there are any, `sections` is a
 * best-effort list for display only, and setSection and removeSection refuse the file.
 */
export function readSections(text: string): { sections: MarkdownSection[]; problems: SectionProblem[] } {
  const lines = splitLines(splitBom(text).body);
  const { sections, problems } = scanSections(lines);
  return { sections: sections.map((s) => toSection(lines, s)), problems };
}

/**
 * Replaces the content of section `id` between its markers, which stay where they are, or
 * appends the section at the end of the file: after one blank line when the file has text (a
 * line break is added first when the file does not end with one), and ending with a line break,
 * except in a non-empty file that had no final line break, which keeps having none (otherwise
 * "text" and "text\n" would give the same result and removeSection could not undo both).
 * `content` is normalised by normaliseContent. A file with problems (see readSections), an
 * invalid id or unfit content (see sectionContentProblems) is the caller's bug and throws.
 */
export function setSection(text: string, id: string, content: string): string {
  checkSetSection(id, content);
  const { bom, lines, sections, eol } = parseForEdit(text, "setSection");
  const inner = splitLines(normaliseContent(content, eol));
  const found = sections.find((s) => s.id === id);
  let out: Line[];
  if (found !== undefined) {
    out = [...lines.slice(0, found.begin + 1), ...inner, ...lines.slice(found.end)];
  } else {
    out = [...lines.slice(0, -1), ...appendedLines(lines[lines.length - 1], sectionLines(id, inner, eol), eol)];
  }
  return checked(text, bom + joinLines(out), "setSection", id, normaliseContent(content, eol));
}

/** What setSection refuses as the caller's bug: an invalid id, or content unfit for a section. */
export function checkSetSection(id: string, content: string): void {
  checkId(id, "setSection");
  const contentProblem = sectionContentProblems(content)[0];
  if (contentProblem !== undefined) throw new Error(`bug: setSection "${id}": ${contentProblem.message} (content line ${contentProblem.line}); check content with sectionContentProblems first`);
}

/** A section's lines, markers included, around its (normalised) content lines. */
export function sectionLines(id: string, inner: readonly Line[], eol: Eol): Line[] {
  return [{ text: `<!-- packs:begin ${id} -->`, eol }, ...inner, { text: `<!-- packs:end ${id} -->`, eol }];
}

/**
 * How a new section goes at the end of a file whose last line is `last` (undefined for an empty
 * file): the lines that replace `last`, then the section (see setSection).
 */
export function appendedLines(last: Line | undefined, section: readonly Line[], eol: Eol): Line[] {
  if (last === undefined) return [...section];
  if (last.eol !== "") return [last, { text: "", eol }, ...section];
  // "…\r" + "\n" would read as one "\r\n" line break, so such a line is ended with "\r\n".
  return [{ text: last.text, eol: last.text.endsWith("\r") ? "\r\n" : eol }, { text: "", eol }, ...section.slice(0, -1), { text: section[section.length - 1]!.text, eol: "" }];
}

/**
 * Removes section `id` with its markers, and one blank line: the one before it (where
 * setSection put it) or, for a section on the first line, the one after it (so a file packs
 * created from nothing reads as if the remaining sections were the only ones added). When the end marker
 * was the file's last line without a line break, the line now last loses its line break too.
 * So removing exactly undoes setSection. A no-op when the section is absent; a file with
 * problems or an invalid id is the caller's bug and throws.
 */
export function removeSection(text: string, id: string): string {
  checkId(id, "removeSection");
  const { bom, lines, sections } = parseForEdit(text, "removeSection");
  const found = sections.find((s) => s.id === id);
  if (found === undefined) return text;
  const also = alsoRemoved(lines[found.begin - 1], lines[found.end + 1]);
  const from = found.begin - (also === "before" ? 1 : 0);
  const to = found.end + 1 + (also === "after" ? 1 : 0);
  const out = [...lines.slice(0, from), ...lines.slice(to)];
  const newLast = out[from - 1];
  if (lines[found.end]!.eol === "" && newLast !== undefined) out[from - 1] = { text: newLast.text, eol: "" };
  return checked(text, bom + joinLines(out), "removeSection", id, undefined);
}

/** The blank line removeSection takes with a section: the one before it, or at the top the one after it. */
export function alsoRemoved(before: Line | undefined, after: Line | undefined): "before" | "after" | undefined {
  if (before !== undefined) return isBlank(before) ? "before" : undefined;
  return after !== undefined && isBlank(after) ? "after" : undefined;
}

/** A new file holding just the section, with "\n" line breaks. */
export function renderSectionFile(id: string, content: string): string {
  return setSection("", id, content);
}

function toSection(lines: readonly Line[], s: FoundSection): MarkdownSection {
  return { id: s.id, content: joinLines(lines.slice(s.begin + 1, s.end)), beginLine: s.begin + 1, endLine: s.end + 1 };
}

export function checkId(id: string, op: string): void {
  if (!SECTION_ID_PATTERN.test(id)) throw new Error(`bug: ${op}: "${id}" is not a section id (a pack key)`);
}

/** The file split for editing; a file with problems (see readSections) is the caller's bug. */
export function parseForEdit(text: string, op: string) {
  const { bom, body } = splitBom(text);
  const lines = splitLines(body);
  const { sections, problems } = scanSections(lines);
  const p = problems[0];
  if (p !== undefined) throw new Error(`bug: ${op} on a file with broken markers (line ${p.line}: ${p.message}); report readSections problems first`);
  return { bom, lines, sections, eol: detectEol(body) };
}

/**
 * Reads the result back: it must have no problems and exactly the old sections with `id` set
 * to `content` (or removed when `content` is undefined), so a mistake here can never leave a
 * file whose sections packs would misread.
 */
function checked(before: string, after: string, op: string, id: string, content: string | undefined): string {
  const expected = new Map(readSections(before).sections.map((s) => [s.id, s.content]));
  if (content === undefined) expected.delete(id);
  else expected.set(id, content);
  return checkSections(after, expected, `${op} "${id}"`);
}

/** `text`, when it has no problems and exactly the `expected` sections (id to content), in order. */
export function checkSections(text: string, expected: ReadonlyMap<string, string>, what: string): string {
  const got = readSections(text);
  const want = [...expected];
  const same = got.sections.length === want.length && got.sections.every((s, i) => s.id === want[i]![0] && s.content === want[i]![1]);
  if (got.problems.length > 0 || !same) throw new Error(`bug: ${what} produced a file whose sections read back wrong`);
  return text;
}
