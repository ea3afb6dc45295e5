/**
 * MarkdownEditSession against setSection and removeSection, which the planner used one edit at a
 * time: for random user files that already hold sections (made by a first script) and random
 * set/remove scripts, the session gives the same bytes, or throws the same error.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { MarkdownEditSession } from "../../../src/core/edit/markdown-session.js";
import { readSections, removeSection, setSection } from "../../../src/core/edit/markdown-sections.js";
import { contentArb, opArb, userTextArb, type Op } from "./markdown-arbitraries.js";

const runs = { numRuns: Number(process.env.MARKDOWN_PROPERTY_RUNS ?? 400) };

const B = (id: string) => `<!-- packs:begin ${id} -->`;
const E = (id: string) => `<!-- packs:end ${id} -->`;

/** More ids than opArb's, a few bad ones, and content that is not fit for a section. */
const scriptOpArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: opArb },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("set" as const), id: fc.integer({ min: 0, max: 20 }).map((n) => `p${n}`), content: contentArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("remove" as const), id: fc.integer({ min: 0, max: 20 }).map((n) => `p${n}`) }) },
  { weight: 1, arbitrary: fc.constantFrom<Op>({ op: "set", id: "Bad", content: "x" }, { op: "remove", id: "" }, { op: "set", id: "a", content: `${B("a")}\n` }, { op: "set", id: "a", content: "```\nopen" }) },
);

/** The user's file after `setup`, as setSection made it (sections are then part of the file). */
const startArb = fc.tuple(userTextArb, fc.array(opArb, { maxLength: 4 })).map(([text, setup]) => oneAtATime(text, setup).text ?? text);

/**
 * Files written by hand: sections of any ids among blank and prose lines, each line ending in
 * "\n" or "\r\n" at random (so the line break inserted text uses can tip either way), with or
 * without a final line break.
 */
const handTextArb = fc
  .record({
    blocks: fc.array(
      fc.oneof(
        fc.constantFrom([""], [""], ["  "], ["# T"], ["text"]),
        fc.tuple(fc.constantFrom("a", "b", "p1", "p2"), fc.array(fc.constantFrom("", "x", "- y"), { maxLength: 2 })).map(([id, inner]) => [B(id), ...inner, E(id)]),
      ),
      { maxLength: 8 },
    ),
    eols: fc.array(fc.constantFrom("\n", "\r\n"), { minLength: 1, maxLength: 9 }),
    final: fc.boolean(),
  })
  .map(({ blocks, eols, final }) => {
    const lines = blocks.flat();
    return lines.map((line, i) => line + (i < lines.length - 1 || final ? eols[i % eols.length] : "")).join("");
  })
  .filter((text) => readSections(text).problems.length === 0);

function oneAtATime(text: string, ops: readonly Op[]): { text?: string; error?: string } {
  try {
    for (const step of ops) text = step.op === "set" ? setSection(text, step.id, step.content) : removeSection(text, step.id);
    return { text };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function inSession(text: string, ops: readonly Op[]): { text?: string; error?: string } {
  try {
    const session = new MarkdownEditSession(text);
    for (const step of ops) (step.op === "set" ? session.set(step.id, step.content) : session.remove(step.id));
    return { text: session.result() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe("MarkdownEditSession", () => {
  test("gives the bytes setSection and removeSection give one edit at a time, or throws as they do", () => {
    fc.assert(
      fc.property(startArb, fc.array(scriptOpArb, { maxLength: 14 }), (text, ops) => {
        expect(inSession(text, ops)).toEqual(oneAtATime(text, ops));
      }),
      runs,
    );
  });

  test("the same on files with hand-written sections and mixed line breaks", () => {
    fc.assert(
      fc.property(handTextArb, fc.array(scriptOpArb, { maxLength: 10 }), (text, ops) => {
        expect(inSession(text, ops)).toEqual(oneAtATime(text, ops));
      }),
      runs,
    );
  });

  test("the same when removing every section, in any order", () => {
    fc.assert(
      fc.property(handTextArb, fc.func(fc.nat()), (text, order) => {
        const ids = readSections(text).sections.map((x) => x.id).sort((x, y) => order(x) - order(y));
        const ops = ids.map((id): Op => ({ op: "remove", id }));
        expect(inSession(text, ops)).toEqual(oneAtATime(text, ops));
      }),
      runs,
    );
  });

  test("a file with broken markers is refused on the first edit, as setSection refuses it", () => {
    const text = `# T\n${B("a")}\nx\n`;
    expect(inSession(text, [])).toEqual({ text });
    expect(inSession(text, [{ op: "set", id: "b", content: "y" }])).toEqual(oneAtATime(text, [{ op: "set", id: "b", content: "y" }]));
    expect(inSession(text, [{ op: "remove", id: "b" }]).error).toMatch(/^bug: removeSection on a file with broken markers/);
  });
});
