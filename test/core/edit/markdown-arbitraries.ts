/** Random Markdown user files, section contents and set/remove scripts for the section editor's property tests. */
import fc from "fast-check";

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

export const userTextArb = fc
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
export const contentArb = fc
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

export const idArb = fc.constantFrom("a", "b", "c.d", "e_f-1", "zz9");

export type Op = { op: "set"; id: string; content: string } | { op: "remove"; id: string };
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("set" as const), id: idArb, content: contentArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("remove" as const), id: idArb }) },
);

