import { describe, expect, test } from "vitest";
import { applyJsoncEdits } from "../../../src/core/edit/jsonc-edit.js";
import { parseJsonc } from "../../../src/core/edit/jsonc-parse.js";
import { lf } from "./lines.js";

describe("keys are raw segments, not pointers", () => {
  const keys = ["a/b", "~", "~1", "x.y", "with space", "@scope/name", 'q"uote', "back\\slash", "", "é"];
  test.each(keys)("set, read back and remove %j", (key) => {
    const before = lf("{", '  "mcp": {}', "}");
    const added = applyJsoncEdits(before, [{ op: "set", path: ["mcp", key], value: 1 }]);
    expect(added).toBe(lf("{", '  "mcp": {', `    ${JSON.stringify(key)}: 1`, "  }", "}"));
    expect(parseJsonc(added).value).toEqual({ mcp: { [key]: 1 } });
    expect(applyJsoncEdits(added, [{ op: "remove", path: ["mcp", key] }])).toBe(before);
  });

  test('"__proto__" is an ordinary key', () => {
    const added = applyJsoncEdits("{}", [{ op: "set", path: ["__proto__", "x"], value: 1 }]);
    expect(added).toBe('{\n  "__proto__": {\n    "x": 1\n  }\n}');
    const value = parseJsonc(added).value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
