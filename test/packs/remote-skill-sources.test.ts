import { describe, expect, it } from "vitest";
import { remoteSkillSources } from "../../src/packs/remote-skill-sources.js";

const manifest = (text: string) => [{ path: "PACK.yaml", content: { encoding: "utf8" as const, text } }];

describe("remoteSkillSources", () => {
  it.each([
    ["a block list", "name: p\nskills:\n  - source: acme/skills\n    select: [a]\n", ["acme/skills"]],
    ["a flow mapping", "name: p\nskills: [{source: acme/skills}, {source: ./local}]\n", ["acme/skills"]],
    ["a skill group", "name: p\nskill_groups:\n  g:\n    skills:\n      - source: acme/more\n", ["acme/more"]],
    ["a double-quoted key spelled with an escape", 'name: p\nskills:\n  - "sour\\x63e": acme/escaped\n', ["acme/escaped"]],
    ["a manifest without the word", "name: p\nskills: [a, b]\n", []],
  ])("%s", (_, text, expected) => {
    expect(remoteSkillSources(manifest(text))).toEqual(expected);
  });
});
