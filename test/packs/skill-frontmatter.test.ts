import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkSkillFrontmatter, simpleFrontmatter } from "../../src/packs/skill-frontmatter.js";

// Pieces of descriptions, and of what YAML reads specially.
const piece = fc.constantFrom("a", "Use", " ", "x", ":", ": ", " #", "#", "-", "'", '"', "[", "]", "{", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "1", "0.5", "yes", "no", "true", "null", "~", "\t", "—", "é", "\u2028", "\u00a0", "(", ".");
const text = fc.tuple(fc.constantFrom("", "a", "Use "), fc.array(piece, { maxLength: 8 })).map(([a, p]) => a + p.join(""));

describe("simpleFrontmatter", () => {
  it("reads exactly what the YAML parser reads, or refuses", () => {
    let taken = 0;
    fc.assert(fc.property(text, text, fc.boolean(), (name, description, nameFirst) => {
      const lines = nameFirst ? [`name: ${name}`, `description: ${description}`] : [`description: ${description}`, `name: ${name}`];
      const fast = simpleFrontmatter(lines);
      if (fast === undefined) return;
      taken++;
      const slow = parse(lines.join("\n")) as Record<string, unknown>;
      expect({ name: fast.name, description: fast.description }).toEqual({ name: slow.name, description: slow.description });
      expect(fast.nameLine).toBe(nameFirst ? 0 : 1);
    }), { numRuns: 5000 });
    expect(taken).toBeGreaterThan(50);
  });

  it("gives the same result as the parser for a usual skill", () => {
    const md = "---\nname: review-sql\ndescription: Reviews SQL: style, joins and tests.\n---\n# Review\n";
    const viaParser = checkSkillFrontmatter("SKILL.md", md.replace("---\nname", "---\n# a comment\nname"), "review-sql");
    const fast = checkSkillFrontmatter("SKILL.md", md.replace("SQL: style", "SQL, style"), "review-sql");
    expect(fast).toEqual({ description: "Reviews SQL, style, joins and tests.", nameLocation: { file: "SKILL.md", line: 2, col: 7 }, diagnostics: [] });
    expect(viaParser.diagnostics.length).toBeGreaterThan(0); // `: ` inside a plain scalar is a YAML error
    const parsed = checkSkillFrontmatter("SKILL.md", "---\n# c\nname: review-sql\ndescription: Reviews SQL.\n---\n", "review-sql");
    expect(parsed).toEqual({ description: "Reviews SQL.", nameLocation: { file: "SKILL.md", line: 3, col: 7 }, diagnostics: [] });
  });
});
