import { describe, expect, it } from "vitest";
import { comparedValue, ignoreAt, itemPointer, keepIgnored, notApplicable, type ItemIgnore } from "../../src/core/ignore.js";
import type { ItemAddress } from "../../src/core/item.js";
import type { JsonValue } from "../../src/core/json.js";

const inner = (...patterns: string[][]): ItemIgnore => ({ whole: false, inner: patterns });
const whole: ItemIgnore = { whole: true, inner: [] };

describe("ignoreAt: which patterns bear on an item", () => {
  const cases: Array<{ name: string; patterns: string[][]; pointer: string[]; expected: ItemIgnore }> = [
    { name: "a key inside the entry", patterns: [["mcp", "dbt", "enabled"]], pointer: ["mcp", "dbt"], expected: inner(["enabled"]) },
    { name: "a wildcard for the entry's name", patterns: [["mcp", "*", "enabled"]], pointer: ["mcp", "dbt"], expected: inner(["enabled"]) },
    { name: "a wildcard below the entry stays a wildcard", patterns: [["mcp", "dbt", "*", "x"]], pointer: ["mcp", "dbt"], expected: inner(["*", "x"]) },
    { name: "another entry's key", patterns: [["mcp", "other", "enabled"]], pointer: ["mcp", "dbt"], expected: inner() },
    { name: "another top-level key", patterns: [["$schema"]], pointer: ["mcp", "dbt"], expected: inner() },
    { name: "the entry itself", patterns: [["mcp", "dbt"]], pointer: ["mcp", "dbt"], expected: { whole: true, inner: [] } },
    { name: "the entry by wildcard", patterns: [["mcp", "*"]], pointer: ["mcp", "dbt"], expected: { whole: true, inner: [] } },
    { name: "a container of the entry", patterns: [["mcp"]], pointer: ["mcp", "dbt"], expected: { whole: true, inner: [] } },
    { name: "several, in order", patterns: [["mcp", "*", "a"], ["x"], ["mcp", "dbt", "b"]], pointer: ["mcp", "dbt"], expected: inner(["a"], ["b"]) },
    { name: "a literal key that is not *", patterns: [["mcp", "d*", "a"]], pointer: ["mcp", "dbt"], expected: inner() },
  ];
  for (const c of cases) it(c.name, () => expect(ignoreAt(c.patterns, c.pointer)).toEqual(c.expected));

  it("no patterns, or an item without a pointer (a file, an element not on disk), ignores nothing", () => {
    expect(ignoreAt(undefined, ["mcp", "dbt"])).toEqual(inner());
    expect(ignoreAt([["mcp"]], undefined)).toEqual(inner());
  });

  it("an element's pointer is its array and its index", () => {
    const el: ItemAddress = { kind: "element", path: "opencode.json", array: ["plugin"], key: "p", match: "npm-name" };
    expect(itemPointer(el, 2)).toEqual(["plugin", "2"]);
    expect(itemPointer(el)).toBeUndefined();
    expect(itemPointer({ kind: "entry", path: "a.json", pointer: ["mcp", "x"] })).toEqual(["mcp", "x"]);
    expect(itemPointer({ kind: "file", path: "a.json" })).toBeUndefined();
    expect(itemPointer({ kind: "section", path: "AGENTS.md", id: "x" })).toBeUndefined();
  });
});

describe("comparedValue: the live value as compared with the reference", () => {
  const R = { command: ["uvx", "dbt-mcp"], enabled: true };
  const cases: Array<{ name: string; live: JsonValue; ref?: JsonValue; ignore: ItemIgnore; recorded?: boolean; expected: JsonValue }> = [
    { name: "an added key is dropped", live: { command: ["x"], alwaysAllow: ["a"] }, ref: { command: ["x"] }, ignore: inner(["alwaysAllow"]), expected: { command: ["x"] } },
    { name: "a changed key takes the reference's value", live: { ...R, enabled: false }, ref: R, ignore: inner(["enabled"]), expected: R },
    { name: "a removed key comes back from the reference", live: { command: R.command }, ref: R, ignore: inner(["enabled"]), expected: R },
    { name: "other keys are compared as they are", live: { command: ["other"], enabled: false }, ref: R, ignore: inner(["enabled"]), expected: { command: ["other"], enabled: true } },
    { name: "a wildcard covers every key at its level", live: { env: { A: "1", B: "2" }, x: 1 }, ref: { env: { A: "0" }, x: 1 }, ignore: inner(["env", "*"]), expected: { env: { A: "0" }, x: 1 } },
    { name: "a key below a container the live value lacks is not made up", live: { x: 1 }, ref: { x: 1, env: { A: "1" } }, ignore: inner(["env", "A"]), expected: { x: 1 } },
    { name: "an array element by index", live: { args: ["a", "b"] }, ref: { args: ["a", "c"] }, ignore: inner(["args", "1"]), expected: { args: ["a", "c"] } },
    { name: "an array element the reference lacks is removed", live: { args: ["a", "b"] }, ref: { args: ["a"] }, ignore: inner(["args", "1"]), expected: { args: ["a"] } },
    { name: "every element of an array", live: { args: ["a", "b", "z"] }, ref: { args: ["c"] }, ignore: inner(["args", "*"]), expected: { args: ["c"] } },
    { name: "keys inside every element of an array", live: { list: [{ k: 1, t: 1 }, { k: 2, t: 2 }] }, ref: { list: [{ k: 1 }, { k: 2, t: 0 }] }, ignore: inner(["list", "*", "t"]), expected: { list: [{ k: 1 }, { k: 2, t: 0 }] } },
    { name: "a pattern into a scalar changes nothing", live: { a: 1 }, ref: { a: 2 }, ignore: inner(["a", "b"]), expected: { a: 1 } },
    { name: "the whole item, with a record, is the recorded value", live: { anything: true }, ref: R, ignore: whole, recorded: true, expected: R },
    { name: "the whole item, without a record, is compared as it is", live: { anything: true }, ref: R, ignore: whole, recorded: false, expected: { anything: true } },
    { name: "a __proto__ key is data", live: JSON.parse('{"a":1,"__proto__":{"x":1}}'), ref: { a: 1 }, ignore: inner(["__proto__"]), expected: { a: 1 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const before = JSON.stringify(c.live);
      expect(comparedValue(c.live, c.ref, c.ignore, c.recorded ?? true)).toEqual(c.expected);
      expect(JSON.stringify(c.live), "the live value is not changed").toBe(before);
    });
  }
});

describe("keepIgnored: what packs writes", () => {
  const cases: Array<{ name: string; desired: JsonValue; live?: JsonValue; recorded?: JsonValue; ignore: ItemIgnore; expected: JsonValue }> = [
    { name: "nothing on disk: the desired value", desired: { c: 2, enabled: true }, ignore: inner(["enabled"]), expected: { c: 2, enabled: true } },
    { name: "an agent's key the pack does not set is kept", desired: { c: 2 }, live: { c: 1, alwaysAllow: ["q"] }, recorded: { c: 1 }, ignore: inner(["alwaysAllow"]), expected: { c: 2, alwaysAllow: ["q"] } },
    { name: "kept over someone else's entry too (--force), when the pack does not set it", desired: { c: 2 }, live: { c: 9, alwaysAllow: ["q"] }, ignore: inner(["alwaysAllow"]), expected: { c: 2, alwaysAllow: ["q"] } },
    { name: "the agent's value is kept where the pack's value did not change", desired: { c: 2, enabled: true }, live: { c: 1, enabled: false }, recorded: { c: 1, enabled: true }, ignore: inner(["enabled"]), expected: { c: 2, enabled: false } },
    { name: "the agent's removal is kept where the pack's value did not change", desired: { c: 2, enabled: true }, live: { c: 1 }, recorded: { c: 1, enabled: true }, ignore: inner(["enabled"]), expected: { c: 2 } },
    { name: "a pack change at the key is written", desired: { c: 1, enabled: false }, live: { c: 1, enabled: true }, recorded: { c: 1, enabled: true }, ignore: inner(["enabled"]), expected: { c: 1, enabled: false } },
    { name: "a pack that stops setting the key removes it", desired: { c: 1 }, live: { c: 1, enabled: false }, recorded: { c: 1, enabled: false }, ignore: inner(["enabled"]), expected: { c: 1 } },
    { name: "the pack's value is written over someone else's entry (--force) where the pack sets it", desired: { c: 1, enabled: true }, live: { c: 0, enabled: false }, ignore: inner(["enabled"]), expected: { c: 1, enabled: true } },
    { name: "wildcards: each key on its own", desired: { env: { A: "1", B: "2" } }, live: { env: { A: "9", C: "3" } }, recorded: { env: { A: "1", B: "0" } }, ignore: inner(["env", "*"]), expected: { env: { A: "9", B: "2", C: "3" } } },
    { name: "an agent's key below a container the pack does not write is not kept", desired: { c: 1 }, live: { c: 0, env: { A: "1" } }, recorded: { c: 0 }, ignore: inner(["env", "A"]), expected: { c: 1 } },
    { name: "an array element is kept in place", desired: { args: ["a", "b"] }, live: { args: ["a", "z"] }, recorded: { args: ["a", "b"] }, ignore: inner(["args", "1"]), expected: { args: ["a", "z"] } },
    { name: "the whole item: a pack change is written", desired: { c: 2 }, live: { c: 1, x: 1 }, recorded: { c: 1 }, ignore: whole, expected: { c: 2 } },
    { name: "the whole item: no pack change keeps what is on disk", desired: { c: 1 }, live: { c: 1, x: 1 }, recorded: { c: 1 }, ignore: whole, expected: { c: 1, x: 1 } },
    { name: "no patterns: the desired value", desired: { c: 2 }, live: { c: 1, x: 1 }, recorded: { c: 1 }, ignore: inner(), expected: { c: 2 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const before = JSON.stringify([c.desired, c.live, c.recorded]);
      expect(keepIgnored(c.desired, c.live, c.recorded, c.ignore)).toEqual(c.expected);
      expect(JSON.stringify([c.desired, c.live, c.recorded]), "the inputs are not changed").toBe(before);
    });
  }

  it("what it writes compares equal to the desired value: no drift on the next plan", () => {
    for (const c of cases) {
      const written = keepIgnored(c.desired, c.live, c.recorded, c.ignore);
      expect(comparedValue(written, c.desired, c.ignore, true), c.name).toEqual(c.desired);
    }
  });
});

describe("notApplicable", () => {
  it("warns once per file where packs owns whole files or sections, not for config entries", () => {
    const rules = { "a.json": [["x"]], "AGENTS.md": [["y"]], "c.json": [["mcp"]] };
    const d = notApplicable(rules, [
      { kind: "file", path: "a.json" },
      { kind: "file", path: "a.json" },
      { kind: "section", path: "AGENTS.md", id: "p" },
      { kind: "entry", path: "c.json", pointer: ["mcp", "x"] },
      { kind: "file", path: "unruled.json" },
    ]);
    expect(d.map((x) => [x.code, x.severity, x.summary])).toEqual([
      ["plan/ignore-not-applicable", "warning", "ignore: a.json is a file packs owns whole, so its pointers have no effect"],
      ["plan/ignore-not-applicable", "warning", "ignore: AGENTS.md is a Markdown file packs owns sections of, so its pointers have no effect"],
    ]);
  });
});
