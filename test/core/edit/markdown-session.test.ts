import { describe, expect, test } from "vitest";
import { MarkdownEditSession } from "../../../src/core/edit/markdown-session.js";
import { removeSection, setSection } from "../../../src/core/edit/markdown-sections.js";

type Step = [id: string, content: string | undefined];
const sets = (n: number, v = 1): Step[] => Array.from({ length: n }, (_, i) => [`pack-${i}`, `Pack ${i} v${v}: rules.\n\n- use pnpm\n`]);
const removes = (n: number): Step[] => Array.from({ length: n }, (_, i) => [`pack-${i}`, undefined]);

function inSession(text: string, steps: readonly Step[]): string {
  const session = new MarkdownEditSession(text);
  for (const [id, content] of steps) (content === undefined ? session.remove(id) : session.set(id, content));
  return session.result();
}

function oneAtATime(text: string, steps: readonly Step[]): string {
  return steps.reduce((t, [id, content]) => (content === undefined ? removeSection(t, id) : setSection(t, id, content)), text);
}

describe("MarkdownEditSession: many sections into one file", () => {
  test.each([
    ["an empty file", ""],
    ["a user file", "# Project\n\nUse pnpm.\n"],
    ["CRLF without a final line break, with a byte order mark", "\ufeff# Project\r\n\r\nUse pnpm."],
    ["a user file with a section of its own", "# P\n<!-- packs:begin pack-3 -->\nold\n<!-- packs:end pack-3 -->\n\n```md\n<!-- packs:begin pack-4 -->\n```"],
  ])("100 new sections, then all replaced, then all removed, as one edit at a time: %s", (_name, text) => {
    const added = inSession(text, sets(100));
    expect(added).toBe(oneAtATime(text, sets(100)));
    const replaced = inSession(added, sets(100, 2));
    expect(replaced).toBe(oneAtATime(added, sets(100, 2)));
    expect(inSession(replaced, removes(100))).toBe(oneAtATime(replaced, removes(100)));
  });

  test("2000 sections: each new one is the text one edit would append, and removing them all gives the user's bytes back", () => {
    const text = "# Project\n\nUse pnpm.\n";
    const added = inSession(text, sets(2000));
    const appended = ([id, content]: Step) => setSection("x\n", id, content!).slice("x\n".length);
    expect(added).toBe(text + sets(2000).map(appended).join(""));
    expect(inSession(inSession(added, sets(2000, 2)), removes(2000))).toBe(text);
  });

  test("sections go at the end, each after one blank line", () => {
    expect(inSession("# P", [["a", "x"], ["b", "y\n"]])).toBe(
      ["# P", "", "<!-- packs:begin a -->", "x", "<!-- packs:end a -->", "", "<!-- packs:begin b -->", "y", "<!-- packs:end b -->"].join("\n"),
    );
  });

  test("removing every section gives back the user's bytes", () => {
    const text = "# P\r\n\r\ntext";
    expect(inSession(inSession(text, sets(50)), removes(50))).toBe(text);
  });

  test("no edit: the text as it was, even with broken markers", () => {
    expect(inSession("<!-- packs:begin a -->\n", [])).toBe("<!-- packs:begin a -->\n");
  });
});
