import { describe, expect, test } from "vitest";
import type { JsoncEdit } from "../../src/core/edit/jsonc-edit.js";
import type { ItemAddress } from "../../src/core/item.js";
import { buildJsonFile } from "../../src/core/plan-json-file.js";
import type { ItemDecision } from "../../src/core/plan-items.js";
import type { JsonValue } from "../../src/core/json.js";
import { editOneByOne } from "./edit/jsonc-one-by-one.js";
import { lf } from "./edit/lines.js";

const LIVE = lf("{", "  // mine", '  "instructions": ["AGENTS.local.md"], // kept', '  "other": 1,', "}");

function write(id: string, address: ItemAddress, value: JsonValue): ItemDecision {
  return { id, desired: { address, value: { type: "json", value } }, decision: { write: "desired" } } as unknown as ItemDecision;
}

/** N packs' worth of new items, in the order decideItems gives them (sorted by id). */
function packs(n: number): { decisions: ItemDecision[]; edits: JsoncEdit[] } {
  const decisions: ItemDecision[] = [];
  const edits: JsoncEdit[] = [];
  for (let i = 0; i < n; i++) {
    const file = `.opencode/instructions/p${i}.md`;
    decisions.push(write(`opencode.json#/instructions/${file}`, { kind: "element", path: "opencode.json", array: ["instructions"], key: file, match: "exact" }, file));
    edits.push({ op: "append", path: ["instructions"], value: file });
  }
  for (let i = 0; i < n; i++) {
    const entry = { type: "local", command: ["srv", String(i)] };
    decisions.push(write(`opencode.json#/mcp/p${i}`, { kind: "entry", path: "opencode.json", pointer: ["mcp", `p${i}`] }, entry));
    edits.push({ op: "set", path: ["mcp", `p${i}`], value: entry });
  }
  return { decisions, edits };
}

describe("buildJsonFile with many new items", () => {
  test.each([1, 2, 7, 40])("%i packs: the text of the edits one by one, each container created once", (n) => {
    const { decisions, edits } = packs(n);
    const out = buildJsonFile("opencode.json", LIVE, {}, decisions, new Set());
    expect(out.after).toBe(editOneByOne(LIVE, edits));
    expect(out.createdNow).toEqual(["opencode.json#/mcp"]);
    expect(out.patches.get("opencode.json#/mcp/p0")).toEqual([{ op: "add", path: "/mcp/p0", value: { type: "local", command: ["srv", "0"] } }]);
    expect(out.diagnostics).toEqual([]);
  });

  test("an element already there is replaced where it is, not appended again", () => {
    const { decisions } = packs(3);
    const live = lf("{", '  "instructions": [".opencode/instructions/p1.md", "x"]', "}");
    const out = buildJsonFile("opencode.json", live, {}, decisions, new Set());
    expect(out.patches.get("opencode.json#/instructions/.opencode/instructions/p1.md")).toEqual([
      { op: "replace", path: "/instructions/0", value: ".opencode/instructions/p1.md" },
    ]);
    expect(JSON.parse(out.after as string).instructions).toEqual([".opencode/instructions/p1.md", "x", ".opencode/instructions/p0.md", ".opencode/instructions/p2.md"]);
  });
});
