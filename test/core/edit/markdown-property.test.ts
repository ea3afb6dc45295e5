import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readSections, removeSection, setSection } from "../../../src/core/edit/markdown-sections.js";

const runs = { numRuns: Number(process.env.MARKDOWN_PROPERTY_RUNS ?? 400) };

const B = (id: string) => `<!-- packs:begin ${id} -->`;
const E = (id: string) => `<!-- packs:end ${id} -->`;

/** Lines outside code blocks: headings, blanks, prose, and things that only look like markers. */
const proseLineArb = fc.oneof(
  fc.constantFrom(
    "# Title",
    "## Rules",
    "",
    "",
    "   ",
    "Some text.",
    "- a list item",
    "> a quote " + E("a"),
    `Write \`${B("a")}\` to begin a section.`,
    "    " + B("a"),
    "<!-- a comment of the user's -->",
    "<!-- packs:beginning is not a marker -->",
    "trailing CR\r",
    "tab\tand é ✓",
  ),
  fc.string({ maxLength: 8 }).filter((s) => !/[\r\n`~<]/.test(s)),
);

/** A fenced code block whose inner lines never close it, holding example markers. */
const fenceArb = fc
  .record({
    open: fc.constantFrom("```", "```md", "~~~", "````", "  ~~~ text", "~~~~"),
    inner: fc.array(fc.constantFrom(B("a"), E("a"), B("b"), E("c"), "<!-- packs:begin Bad -->", "<!-- packs:end", "", "code", "```", "~~~"), { maxLength: 5 }),
  })
  .map(({ open, inner }) => {
    const run = open.trim().match(/^(`+|~+)/)![1]!;
    const closes = (line: string) => line.startsWith(run.charAt(0)) && line.length >= run.length;
    return [open, ...inner.filter((l) => !closes(l)), run];
  });

const userTextArb = fc
  .record({
    blocks: fc.array(fc.oneof({ weight: 4, arbitrary: proseLineArb.map((l) => [l]) }, { weight: 1, arbitrary: fenceArb }), { maxLength: 10 }),
    eol: fc.constantFrom("\n", "\r\n"),
    finalNewline: fc.boolean(),
    bom: fc.boolean().map((b) => (b ? "\ufeff" : "")),
  })
  .map(({ blocks, eol, finalNewline, bom }) => {
    const lines = blocks.flat();
    return bom + lines.join(eol) + (finalNewline && lines.length > 0 ? eol : "");
  });

/** Pack content: prose lines and closed code blocks, in any line break, with trailing blank lines. */
const contentArb = fc
  .record({
    blocks: fc.array(
      fc.oneof(
        fc.constantFrom(["# Pack rules"], [""], ["- use pnpm"], ["text"], ["```sh", "pnpm i", "```"], ["~~~", "```", "~~~"]),
        fc.string({ maxLength: 6 }).filter((s) => !/[\r\n`~<]/.test(s)).map((s) => [s]),
      ),
      { maxLength: 6 },
    ),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    trailing: fc.constantFrom("", "\n", "\r\n", "\n\n\n"),
  })
  .map(({ blocks, eol, trailing }) => blocks.flat().join(eol) + trailing);

const idArb = fc.constantFrom("a", "b", "c.d", "e_f-1", "zz9");

type Op = { op: "set"; id: string; content: string } | { op: "remove"; id: string };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("set" as const), id: idArb, content: contentArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("remove" as const), id: idArb }) },
);

/** What packs writes for `content` into a file whose line break is `eol`. */
function expectedContent(content: string, eol: string): string {
  const body = content.replace(/(?:\r\n|\r|\n)+$/, "");
  return body === "" ? "" : body.split(/\r\n|\r|\n/).join(eol) + eol;
}

/** The line break the original text uses (the editor must keep using it). */
function eolOf(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return crlf > (text.match(/\n/g) ?? []).length - crlf ? "\r\n" : "\n";
}

describe("markdown sections properties", () => {
  test("generated user text has no sections and no problems", () => {
    fc.assert(
      fc.property(userTextArb, (text) => {
        expect(readSections(text)).toEqual({ sections: [], problems: [] });
      }),
      runs,
    );
  });

  test("any set/remove script reads back as the sections set, and removing all restores the original bytes", () => {
    fc.assert(
      fc.property(userTextArb, fc.array(opArb, { maxLength: 8 }), fc.func(fc.nat()), (original, ops, order) => {
        const eol = eolOf(original);
        const model = new Map<string, string>();
        let text = original;
        for (const step of ops) {
          if (step.op === "set") {
            text = setSection(text, step.id, step.content);
            model.set(step.id, expectedContent(step.content, eol));
          } else {
            text = removeSection(text, step.id);
            model.delete(step.id);
          }
          const read = readSections(text);
          expect(read.problems).toEqual([]);
          expect(read.sections.map((s) => [s.id, s.content])).toEqual([...model]);
        }
        const ids = [...model.keys()].sort((x, y) => order(x) - order(y));
        for (const id of ids) text = removeSection(text, id);
        expect(text).toBe(original);
      }),
      runs,
    );
  });

  test("setting a section changes no byte before its begin marker or after its end marker", () => {
    fc.assert(
      fc.property(userTextArb, idArb, contentArb, contentArb, (original, id, first, second) => {
        const once = setSection(original, id, first);
        const twice = setSection(once, id, second);
        const [a] = readSections(once).sections;
        const [b] = readSections(twice).sections;
        const lines = (t: string) => t.split("\n");
        expect(lines(twice).slice(0, b!.beginLine)).toEqual(lines(once).slice(0, a!.beginLine));
        expect(lines(twice).slice(b!.endLine - 1)).toEqual(lines(once).slice(a!.endLine - 1));
        expect(setSection(twice, id, second)).toBe(twice);
        expect(setSection(twice, id, first)).toBe(once);
      }),
      runs,
    );
  });

  test("inserted text uses the file's line break", () => {
    fc.assert(
      fc.property(userTextArb, idArb, contentArb, (original, id, content) => {
        const out = setSection(original, id, content);
        const added = out.length - original.length;
        fc.pre(added > 0);
        if (eolOf(original) === "\r\n") expect(out.replace(/\r\n/g, "").match(/\n/g)?.length ?? 0).toBe(original.replace(/\r\n/g, "").match(/\n/g)?.length ?? 0);
        else expect(out.match(/\r\n/g)?.length ?? 0).toBe((original.match(/\r\n/g)?.length ?? 0) + (/\r$/.test(original) ? 1 : 0));
      }),
      runs,
    );
  });
});
