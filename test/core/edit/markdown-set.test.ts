import { describe, expect, test } from "vitest";
import { readSections, renderSectionFile, setSection } from "../../../src/core/edit/markdown-sections.js";
import { crlf, lf } from "./lines.js";

const B = (id: string) => `<!-- packs:begin ${id} -->`;
const E = (id: string) => `<!-- packs:end ${id} -->`;

interface SetCase {
  name: string;
  before: string;
  id: string;
  content: string;
  after: string;
}

const cases: SetCase[] = [
  {
    name: "an empty file becomes just the section",
    before: "",
    id: "a",
    content: "Use pnpm.\n",
    after: lf(B("a"), "Use pnpm.", E("a")),
  },
  {
    name: "appends after one blank line to a file ending with a newline",
    before: lf("# Mine", "", "Text."),
    id: "a",
    content: "Use pnpm.\n",
    after: lf("# Mine", "", "Text.", "", B("a"), "Use pnpm.", E("a")),
  },
  {
    name: "adds one blank line even when the file already ends with blank lines",
    before: lf("Text.", ""),
    id: "a",
    content: "x",
    after: lf("Text.", "", "", B("a"), "x", E("a")),
  },
  {
    name: "a file without a final newline gets one before the blank line, and keeps having no final newline",
    before: "# Mine\nText.",
    id: "a",
    content: "x\n",
    after: lf("# Mine", "Text.", "", B("a"), "x") + E("a"),
  },
  {
    name: "a file holding only a line break is not empty",
    before: "\n",
    id: "a",
    content: "x",
    after: lf("", "", B("a"), "x", E("a")),
  },
  {
    name: "CRLF file: everything inserted uses CRLF, LF content included",
    before: crlf("# Mine", "Text."),
    id: "a",
    content: "one\ntwo\r\n\n",
    after: crlf("# Mine", "Text.", "", B("a"), "one", "two", E("a")),
  },
  {
    name: "CRLF file without a final newline",
    before: "# Mine\r\nText.",
    id: "a",
    content: "x",
    after: crlf("# Mine", "Text.", "", B("a"), "x") + E("a"),
  },
  {
    name: "LF file: CRLF and lone-CR content is converted to LF",
    before: lf("Text."),
    id: "a",
    content: "one\r\ntwo\rthree",
    after: lf("Text.", "", B("a"), "one", "two", "three", E("a")),
  },
  {
    name: "content is normalised to end with exactly one line break; leading blank lines stay",
    before: "",
    id: "a",
    content: "\n\nx\n\n\n",
    after: lf(B("a"), "", "", "x", E("a")),
  },
  {
    name: "empty content puts the markers on adjacent lines",
    before: "",
    id: "a",
    content: "\n\n",
    after: lf(B("a"), E("a")),
  },
  {
    name: "a second pack's section goes after the first",
    before: lf("Text.", "", B("a"), "x", E("a")),
    id: "b",
    content: "y",
    after: lf("Text.", "", B("a"), "x", E("a"), "", B("b"), "y", E("b")),
  },
  {
    name: "a file ending in a code block gets the section after it",
    before: lf("```md", B("a"), "```"),
    id: "a",
    content: "real",
    after: lf("```md", B("a"), "```", "", B("a"), "real", E("a")),
  },
  {
    name: "a file whose last line ends in a lone CR is ended with CRLF (a LF would merge with it)",
    before: "Text.\r",
    id: "a",
    content: "x",
    after: "Text.\r\r\n\n" + lf(B("a"), "x") + E("a"),
  },
  {
    name: "a byte order mark stays first",
    before: "\ufeff",
    id: "a",
    content: "x",
    after: "\ufeff" + lf(B("a"), "x", E("a")),
  },
];

const replaceCases: SetCase[] = [
  {
    name: "replaces a section at the top; markers and everything else stay",
    before: lf(B("a"), "old", "old", E("a"), "", "# Mine"),
    id: "a",
    content: "new\n",
    after: lf(B("a"), "new", E("a"), "", "# Mine"),
  },
  {
    name: "replaces a section in the middle that the user moved and indented",
    before: lf("# Mine", "  <!--packs:begin a-->", "old", "   " + E("a") + "  ", "More."),
    id: "a",
    content: "new\nlines",
    after: lf("# Mine", "  <!--packs:begin a-->", "new", "lines", "   " + E("a") + "  ", "More."),
  },
  {
    name: "replaces a section at the end of a file without a final newline",
    before: lf("Text.", "", B("a"), "old") + E("a"),
    id: "a",
    content: "new",
    after: lf("Text.", "", B("a"), "new") + E("a"),
  },
  {
    name: "replaces one of two sections, not the other",
    before: lf(B("a"), "x", E("a"), "", B("b"), "y", E("b")),
    id: "b",
    content: "",
    after: lf(B("a"), "x", E("a"), "", B("b"), E("b")),
  },
  {
    name: "replaces in a CRLF file with CRLF",
    before: crlf("Text.", B("a"), "old", E("a"), "tail"),
    id: "a",
    content: "new\nnew",
    after: crlf("Text.", B("a"), "new", "new", E("a"), "tail"),
  },
  {
    name: "an example marker with the same id in a code block is left alone",
    before: lf("```", B("a"), "example", E("a"), "```", "", B("a"), "old", E("a")),
    id: "a",
    content: "new",
    after: lf("```", B("a"), "example", E("a"), "```", "", B("a"), "new", E("a")),
  },
];

describe("setSection", () => {
  test.each(cases)("appends: $name", ({ before, id, content, after }) => {
    expect(setSection(before, id, content)).toBe(after);
  });

  test.each(replaceCases)("replaces: $name", ({ before, id, content, after }) => {
    expect(setSection(before, id, content)).toBe(after);
  });

  test.each([...cases, ...replaceCases])("is idempotent: $name", ({ after, id, content }) => {
    expect(setSection(after, id, content)).toBe(after);
  });

  test("content reads back as set, with the file's line breaks", () => {
    const out = setSection(crlf("Text."), "a", "one\n\ntwo");
    expect(readSections(out)).toEqual({ sections: [{ id: "a", content: "one\r\n\r\ntwo\r\n", beginLine: 3, endLine: 7 }], problems: [] });
  });
});

describe("renderSectionFile", () => {
  test.each([
    ["text", "Use pnpm.", lf(B("a"), "Use pnpm.", E("a"))],
    ["multi-line content with trailing newlines", "# Rules\n\n- one\n\n", lf(B("a"), "# Rules", "", "- one", E("a"))],
    ["empty content", "", lf(B("a"), E("a"))],
  ])("%s", (_name, content, expected) => {
    expect(renderSectionFile("a", content)).toBe(expected);
  });
});
