import { describe, expect, test } from "vitest";
import { readSections, type MarkdownSection, type SectionProblem } from "../../../src/core/edit/markdown-sections.js";
import { crlf, lf } from "./lines.js";

const B = (id: string) => `<!-- packs:begin ${id} -->`;
const E = (id: string) => `<!-- packs:end ${id} -->`;

interface ReadCase {
  name: string;
  text: string;
  sections: MarkdownSection[];
}

const sectionCases: ReadCase[] = [
  { name: "an empty file", text: "", sections: [] },
  { name: "text without markers", text: lf("# Title", "", "Some text."), sections: [] },
  {
    name: "a section at the top",
    text: lf(B("a"), "Use pnpm.", E("a"), "", "# Mine"),
    sections: [{ id: "a", content: "Use pnpm.\n", beginLine: 1, endLine: 3 }],
  },
  {
    name: "a section in the middle, content with blank lines",
    text: lf("# Mine", "", B("a"), "", "one", "", "two", E("a"), "", "More."),
    sections: [{ id: "a", content: "\none\n\ntwo\n", beginLine: 3, endLine: 8 }],
  },
  {
    name: "a section at the end without a final newline",
    text: lf("# Mine", "", B("a"), "x") + E("a"),
    sections: [{ id: "a", content: "x\n", beginLine: 3, endLine: 5 }],
  },
  {
    name: "an empty section",
    text: lf(B("a"), E("a")),
    sections: [{ id: "a", content: "", beginLine: 1, endLine: 2 }],
  },
  {
    name: "two packs' sections, in file order",
    text: lf(B("zeta"), "z", E("zeta"), "", B("alpha.v2_x-1"), "a", E("alpha.v2_x-1")),
    sections: [
      { id: "zeta", content: "z\n", beginLine: 1, endLine: 3 },
      { id: "alpha.v2_x-1", content: "a\n", beginLine: 5, endLine: 7 },
    ],
  },
  {
    name: "CRLF: content keeps the file's line breaks",
    text: crlf("# Mine", "", B("a"), "x", "y", E("a")),
    sections: [{ id: "a", content: "x\r\ny\r\n", beginLine: 3, endLine: 6 }],
  },
  {
    name: "a byte order mark is not part of line 1",
    text: "\ufeff" + lf(B("a"), "x", E("a")),
    sections: [{ id: "a", content: "x\n", beginLine: 1, endLine: 3 }],
  },
  {
    name: "markers with up to 3 spaces of indentation, loose spacing and trailing blanks",
    text: lf("   <!--packs:begin a-->  ", "x", " <!--  packs:end   a -->\t"),
    sections: [{ id: "a", content: "x\n", beginLine: 1, endLine: 3 }],
  },
  {
    name: "markers in ``` and ~~~ fenced code are examples, not markers",
    text: lf("```md", B("x"), "unterminated on purpose", "```", "~~~", E("y"), "~~~", B("a"), "real", E("a")),
    sections: [{ id: "a", content: "real\n", beginLine: 8, endLine: 10 }],
  },
  {
    name: "a fence is closed only by the same character, at least as long, with nothing after it",
    text: lf("````", "```", "~~~~", "```` not a close", B("x"), "````", B("a"), E("a")),
    sections: [{ id: "a", content: "", beginLine: 7, endLine: 8 }],
  },
  {
    name: "a fence inside a section hides markers until it closes",
    text: lf(B("a"), "```", E("a"), "```", E("a")),
    sections: [{ id: "a", content: "```\n<!-- packs:end a -->\n```\n", beginLine: 1, endLine: 5 }],
  },
  {
    name: "not markers: indented code, inline mentions, quotes, other comments, a backtick info string with a backtick",
    text: lf("    " + B("x"), `Write \`${B("x")}\` to begin.`, `> ${E("x")}`, "<!-- packs are nice -->", "<!-- packs:beginning -->", "``` `x` ```", B("a"), E("a")),
    sections: [{ id: "a", content: "", beginLine: 7, endLine: 8 }],
  },
];

describe("readSections: sections", () => {
  test.each(sectionCases)("$name", ({ text, sections }) => {
    expect(readSections(text)).toEqual({ sections, problems: [] });
  });
});

interface ProblemCase {
  name: string;
  text: string;
  problems: SectionProblem[];
}

const problemCases: ProblemCase[] = [
  {
    name: "an unterminated begin",
    text: lf("# Mine", B("a"), "x"),
    problems: [{ message: 'section "a" is never ended: "<!-- packs:end a -->" is missing', line: 2, col: 1 }],
  },
  {
    name: "an end without a begin",
    text: lf("x", "  " + E("a")),
    problems: [{ message: '"<!-- packs:end a -->" has no "<!-- packs:begin a -->" before it', line: 2, col: 3 }],
  },
  {
    name: "nested sections",
    text: lf(B("a"), B("b"), E("b"), E("a")),
    problems: [{ message: 'section "b" begins inside section "a" (begun at line 1); sections cannot be nested', line: 2, col: 1 }],
  },
  {
    name: "a nested section left open when the outer one ends",
    text: lf(B("a"), B("b"), E("a")),
    problems: [
      { message: 'section "b" begins inside section "a" (begun at line 1); sections cannot be nested', line: 2, col: 1 },
      { message: 'section "b" is not ended before section "a" ends at line 3', line: 2, col: 1 },
    ],
  },
  {
    name: "a duplicated id",
    text: lf(B("a"), E("a"), "", B("a"), E("a")),
    problems: [{ message: 'section "a" appears twice (first at line 1); a file has one section per pack', line: 4, col: 1 }],
  },
  {
    name: "a duplicated id inside the first one",
    text: lf(B("a"), B("a"), E("a"), E("a")),
    problems: [{ message: 'section "a" appears twice (first at line 1); a file has one section per pack', line: 2, col: 1 }],
  },
  {
    name: "mismatched ids (reported once: the end closes the open section)",
    text: lf(B("a"), "x", E("b"), "tail"),
    problems: [{ message: '"<!-- packs:end b -->" ends section "a" (begun at line 1); the ids must match', line: 3, col: 1 }],
  },
  {
    name: "a malformed marker",
    text: lf(B("a"), "<!-- packs:end a", "x"),
    problems: [
      { message: 'section "a" is never ended: "<!-- packs:end a -->" is missing', line: 1, col: 1 },
      { message: 'malformed packs marker: write "<!-- packs:begin <id> -->" or "<!-- packs:end <id> -->" alone on its line', line: 2, col: 1 },
    ],
  },
  {
    name: "text after a marker makes it malformed",
    text: lf(" " + B("a") + " trailing"),
    problems: [{ message: 'malformed packs marker: write "<!-- packs:begin <id> -->" or "<!-- packs:end <id> -->" alone on its line', line: 1, col: 2 }],
  },
  {
    name: "an id that is not a pack key",
    text: lf(B("My_Pack"), E("My_Pack")),
    problems: [
      { message: '"My_Pack" is not a section id: ids are pack keys (lowercase letters, digits, ".", "_" and "-", starting with a letter or digit)', line: 1, col: 1 },
      { message: '"My_Pack" is not a section id: ids are pack keys (lowercase letters, digits, ".", "_" and "-", starting with a letter or digit)', line: 2, col: 1 },
    ],
  },
  {
    name: "a code fence that is never closed",
    text: lf("# Mine", "", "  ~~~~ sh", "ls", "~~~"),
    problems: [{ message: 'code block opened with "~~~~" is never closed, so the rest of the file is code and packs markers in it do not count; close it with "~~~~"', line: 3, col: 3 }],
  },
  {
    name: "a fence left open inside a section hides its end marker",
    text: crlf(B("a"), "```", E("a")),
    problems: [
      { message: 'section "a" is never ended: "<!-- packs:end a -->" is missing', line: 1, col: 1 },
      { message: 'code block opened with "```" is never closed, so the rest of the file is code and packs markers in it do not count; close it with "```"', line: 2, col: 1 },
    ],
  },
  {
    name: "columns do not count a byte order mark",
    text: "\ufeff" + lf(E("a")),
    problems: [{ message: '"<!-- packs:end a -->" has no "<!-- packs:begin a -->" before it', line: 1, col: 1 }],
  },
];

describe("readSections: problems", () => {
  test.each(problemCases)("$name", ({ text, problems }) => {
    expect(readSections(text).problems).toEqual(problems);
  });

  test("well-formed sections are still listed beside a problem elsewhere (for display only)", () => {
    const r = readSections(lf(B("a"), "x", E("a"), E("b")));
    expect(r.sections).toEqual([{ id: "a", content: "x\n", beginLine: 1, endLine: 3 }]);
    expect(r.problems).toHaveLength(1);
  });
});
