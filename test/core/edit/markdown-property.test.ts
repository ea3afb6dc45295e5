import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readSections, removeSection, setSection } from "../../../src/core/edit/markdown-sections.js";
import { contentArb, idArb, opArb, userTextArb } from "./markdown-arbitraries.js";

const runs = { numRuns: Number(process.env.MARKDOWN_PROPERTY_RUNS ?? 400) };

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
