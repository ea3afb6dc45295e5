import { describe, expect, test } from "vitest";
import { removeSection, sectionContentProblems, setSection } from "../../../src/core/edit/markdown-sections.js";
import { lf } from "./lines.js";

const B = (id: string) => `<!-- packs:begin ${id} -->`;
const E = (id: string) => `<!-- packs:end ${id} -->`;

/** Broken files, bad ids and unfit content are the caller's bugs: they throw and write nothing. */
describe("markdown sections: bugs throw", () => {
  test.each([
    ["an unterminated begin", lf("Text.", B("a"))],
    ["an end without begin", lf(E("a"))],
    ["nested sections", lf(B("a"), B("b"), E("b"), E("a"))],
    ["a duplicated id", lf(B("a"), E("a"), B("a"), E("a"))],
    ["mismatched ids", lf(B("a"), E("b"))],
    ["a malformed marker", lf("<!-- packs:begin -->")],
    ["an unclosed code fence", lf("Text.", "```")],
  ])("set and remove on a file with %s", (_name, text) => {
    expect(() => setSection(text, "c", "x")).toThrow(/^bug: setSection on a file with broken markers \(line \d+: .*\); report readSections problems first$/);
    expect(() => removeSection(text, "c")).toThrow(/^bug: removeSection on a file with broken markers/);
  });

  test.each(["", "A", "a b", "-a", ".a", "a/b", "a-->"])("the id %j", (id) => {
    expect(() => setSection("", id, "x")).toThrow(/^bug: setSection: .* is not a section id/);
    expect(() => removeSection("", id)).toThrow(/^bug: removeSection: .* is not a section id/);
  });

  test.each([
    ["a begin marker", lf("x", B("a"))],
    ["an end marker of another id", lf(E("b"))],
    ["an indented marker", "    " + E("a")],
    ["a malformed marker", "<!-- packs:end"],
    ["a marker inside a code block", lf("```", B("a"), "```")],
    ["an unclosed code fence", lf("x", "~~~")],
  ])("content with %s", (_name, content) => {
    expect(sectionContentProblems(content)).not.toEqual([]);
    expect(() => setSection("Text.\n", "a", content)).toThrow(/^bug: setSection "a": .*; check content with sectionContentProblems first$/);
  });
});

describe("sectionContentProblems", () => {
  test("reports positions within the content", () => {
    expect(sectionContentProblems(lf("ok", "  " + E("a"), "```sh"))).toEqual([
      { message: "section content cannot contain a packs marker line", line: 2, col: 3 },
      { message: 'code block opened with "```" is never closed, so the rest of the file is code and packs markers in it do not count; close it with "```"', line: 3, col: 1 },
    ]);
  });

  test.each([
    ["plain text", "Use pnpm."],
    ["closed code blocks", lf("```sh", "ls", "```", "~~~", "```", "~~~")],
    ["an inline mention", `Write \`${B("a")}\`.`],
    ["nothing", ""],
  ])("%s is fine", (_name, content) => {
    expect(sectionContentProblems(content)).toEqual([]);
  });
});
