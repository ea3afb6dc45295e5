import { describe, expect, test } from "vitest";
import { removeSection, setSection } from "../../../src/core/edit/markdown-sections.js";
import { crlf, lf } from "./lines.js";

const B = (id: string) => `<!-- packs:begin ${id} -->`;
const E = (id: string) => `<!-- packs:end ${id} -->`;

interface RemoveCase {
  name: string;
  before: string;
  id: string;
  after: string;
}

const cases: RemoveCase[] = [
  {
    name: "the only section of a file packs created leaves it empty",
    before: lf(B("a"), "x", E("a")),
    id: "a",
    after: "",
  },
  {
    name: "a section at the end goes with the blank line before it",
    before: lf("# Mine", "", B("a"), "x", E("a")),
    id: "a",
    after: lf("# Mine"),
  },
  {
    name: "a section at the end of a file without a final newline: the file keeps having none",
    before: lf("# Mine", "", B("a"), "x") + E("a"),
    id: "a",
    after: "# Mine",
  },
  {
    name: "a section in the middle goes with the blank line before it; the one after stays",
    before: lf("# Mine", "", B("a"), "x", E("a"), "", "More."),
    id: "a",
    after: lf("# Mine", "", "More."),
  },
  {
    name: "a section directly under a heading goes alone",
    before: lf("# Mine", B("a"), "x", E("a"), "More."),
    id: "a",
    after: lf("# Mine", "More."),
  },
  {
    name: "only one blank line goes",
    before: lf("# Mine", "", "", B("a"), E("a")),
    id: "a",
    after: lf("# Mine", ""),
  },
  {
    name: "a section at the top goes with the blank line after it",
    before: lf(B("a"), "x", E("a"), "", "# Mine"),
    id: "a",
    after: lf("# Mine"),
  },
  {
    name: "the first of two sections",
    before: lf("Text.", "", B("a"), "x", E("a"), "", B("b"), "y", E("b")),
    id: "a",
    after: lf("Text.", "", B("b"), "y", E("b")),
  },
  {
    name: "the second of two sections",
    before: lf("Text.", "", B("a"), "x", E("a"), "", B("b"), "y", E("b")),
    id: "b",
    after: lf("Text.", "", B("a"), "x", E("a")),
  },
  {
    name: "CRLF file",
    before: crlf("Text.", "", B("a"), "x", E("a"), "", "More."),
    id: "a",
    after: crlf("Text.", "", "More."),
  },
  {
    name: "CRLF file without a final newline",
    before: crlf("Text.", "", B("a"), "x") + E("a"),
    id: "a",
    after: "Text.",
  },
  {
    name: "absent: a no-op",
    before: lf("Text.", "", B("a"), "x", E("a")),
    id: "b",
    after: lf("Text.", "", B("a"), "x", E("a")),
  },
  {
    name: "a mention in a code block is not a section: a no-op",
    before: lf("```", B("a"), E("a"), "```"),
    id: "a",
    after: lf("```", B("a"), E("a"), "```"),
  },
  {
    name: "the real section goes, the example in a code block stays",
    before: lf("```", B("a"), E("a"), "```", "", B("a"), "x", E("a")),
    id: "a",
    after: lf("```", B("a"), E("a"), "```"),
  },
  {
    name: "a byte order mark stays",
    before: "\ufeff" + lf(B("a"), "x", E("a")),
    id: "a",
    after: "\ufeff",
  },
];

describe("removeSection", () => {
  test.each(cases)("$name", ({ before, id, after }) => {
    expect(removeSection(before, id)).toBe(after);
  });
});

/** Every original the set tests start from: set, then remove, gives it back byte for byte. */
describe("set then remove is byte-identical", () => {
  test.each([
    ["an empty file", ""],
    ["a file with a final newline", lf("# Mine", "", "Text.")],
    ["a file without a final newline", "# Mine\nText."],
    ["a file ending in blank lines", lf("Text.", "", "")],
    ["a file of one line break", "\n"],
    ["a file of one blank line without a line break", "   "],
    ["a CRLF file", crlf("# Mine", "Text.")],
    ["a CRLF file without a final newline", "# Mine\r\nText."],
    ["a file with mixed line breaks", "a\r\nb\nc"],
    ["a file whose last line ends in a lone CR", "Text.\r"],
    ["a file with a section already", lf("Text.", "", B("z"), "z", E("z"))],
    ["a file ending in a code block with example markers", lf("```", B("a"), E("a"), "```")],
    ["a byte order mark alone", "\ufeff"],
  ])("%s", (_name, original) => {
    const one = setSection(original, "a", "x\ny");
    expect(removeSection(one, "a")).toBe(original);
    const two = setSection(one, "b", "");
    expect(removeSection(removeSection(two, "a"), "b")).toBe(original);
    expect(removeSection(removeSection(two, "b"), "a")).toBe(original);
    expect(removeSection(two, "a")).toBe(setSection(original, "b", ""));
  });
});
