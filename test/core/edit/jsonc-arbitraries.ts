/**
 * fast-check generators for the JSONC property tests: random documents in random styles
 * (pretty, pretty with comments and trailing commas, one-line, minified) and random edit
 * scripts that are resolved against the current value so that every edit is applicable.
 */
import fc from "fast-check";
import type { JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { renderInline, renderJson } from "../../../src/core/edit/jsonc-render.js";
import type { JsoncStyle } from "../../../src/core/edit/jsonc-style.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../src/core/json.js";

export const keyArb = fc.oneof(
  fc.constantFrom("a", "b", "mcp", "@scope/name", "a/b", "~", "~1", "x.y", "with space", "0", "", 'q"', "/*", "é"),
  fc.string({ maxLength: 4 }),
);

const scalarArb: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  // JSON text has no -0 (JSON.stringify writes 0), so the generator does not make one.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
  fc.boolean(),
  fc.constant(null),
);

export const valueArb: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarArb,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(keyArb, tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

export const docArb: fc.Arbitrary<JsonObject> = fc.dictionary(keyArb, valueArb, { maxKeys: 4, noNullPrototype: true });

export const styleArb: fc.Arbitrary<JsoncStyle> = fc.record({
  indent: fc.constantFrom("\t", "  ", "    "),
  eol: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
  finalNewline: fc.boolean(),
});

export type Layout = "pretty" | "decorated" | "one-line" | "minified";
export const layoutArb = fc.constantFrom<Layout>("pretty", "decorated", "one-line", "minified");

/** The document's text in a layout; "decorated" adds comments and trailing commas to pretty text. */
export function renderDoc(doc: JsonObject, style: JsoncStyle, layout: Layout, flags: readonly boolean[]): string {
  if (layout === "one-line") return renderInline(doc) + (style.finalNewline ? style.eol : "");
  if (layout === "minified") return JSON.stringify(doc) + (style.finalNewline ? style.eol : "");
  const text = renderJson(doc, style);
  return layout === "pretty" ? text : decorate(text, style.eol, flags);
}

/**
 * Adds, driven by `flags`: trailing commas before closing brackets, end-of-line comments,
 * comment lines and blank lines. Pretty text has no raw line breaks in strings, so these stay valid JSONC.
 */
function decorate(text: string, eol: string, flags: readonly boolean[]): string {
  const flag = (i: number) => flags.length > 0 && flags[i % flags.length] === true;
  const lines = text.split(eol);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    const prev = out.length - 1;
    if (/^[}\]],?$/.test(trimmed) && prev >= 0 && flag(3 * i) && !/[[{,]$/.test(out[prev] as string)) {
      out[prev] += ",";
    }
    if (i > 0 && flag(7 * i + 4)) out.push("");
    if (i > 0 && /^["}]/.test(trimmed) && flag(3 * i + 1)) out.push(line.slice(0, line.length - line.trimStart().length) + `// line ${i}`);
    out.push(line);
  });
  return out
    .map((line, i) => (line.trim() !== "" && !line.trim().startsWith("//") && flag(5 * i + 2) ? `${line} /* c${i} */ // end ${i}` : line))
    .join(eol);
}

/** An abstract edit; `resolveEdit` turns it into an applicable JsoncEdit for a value. */
export interface EditSeed {
  kind: JsoncEdit["op"];
  pick: number;
  pick2: number;
  key: string;
  key2: string;
  deep: boolean;
  value: JsonValue;
}

export const editSeedArb: fc.Arbitrary<EditSeed> = fc.record({
  kind: fc.constantFrom<JsoncEdit["op"]>("set", "remove", "append", "remove-element", "replace-element"),
  pick: fc.nat(),
  pick2: fc.nat(),
  key: keyArb,
  key2: keyArb,
  deep: fc.boolean(),
  value: valueArb,
});

export interface Container {
  path: string[];
  value: JsonObject | JsonValue[];
}

export function containers(value: JsonValue, path: string[] = [], out: Container[] = []): Container[] {
  if (Array.isArray(value)) {
    out.push({ path, value });
    value.forEach((v, i) => containers(v, [...path, String(i)], out));
  } else if (isJsonObject(value)) {
    out.push({ path, value });
    for (const k of Object.keys(value)) containers(value[k] as JsonValue, [...path, k], out);
  }
  return out;
}

export function resolveEdit(root: JsonValue, seed: EditSeed): JsoncEdit {
  const all = containers(root);
  const objects = all.filter((c) => isJsonObject(c.value)) as { path: string[]; value: JsonObject }[];
  const arrays = all.filter((c) => Array.isArray(c.value) && c.value.length > 0) as { path: string[]; value: JsonValue[] }[];
  const obj = objects[seed.pick % objects.length] as { path: string[]; value: JsonObject };
  const keys = Object.keys(obj.value);
  const existing = keys.length > 0 && seed.pick2 % 3 !== 0 ? (keys[seed.pick2 % keys.length] as string) : undefined;
  const arr = arrays.length > 0 ? arrays[seed.pick2 % arrays.length] : undefined;
  switch (seed.kind) {
    case "set": {
      const key = existing ?? seed.key;
      const deepOk = seed.deep && (!Object.hasOwn(obj.value, key) || isJsonObject(obj.value[key]));
      return { op: "set", path: deepOk ? [...obj.path, key, seed.key2] : [...obj.path, key], value: seed.value };
    }
    case "remove":
      return { op: "remove", path: [...obj.path, existing ?? seed.key] };
    case "append": {
      if (arr !== undefined && seed.deep) return { op: "append", path: arr.path, value: seed.value };
      if (!Object.hasOwn(obj.value, seed.key)) return { op: "append", path: [...obj.path, seed.key], value: seed.value };
      return { op: "set", path: [...obj.path, seed.key], value: seed.value };
    }
    case "remove-element":
    case "replace-element": {
      if (arr === undefined) return { op: "remove", path: [...obj.path, existing ?? seed.key] };
      const index = seed.pick % arr.value.length;
      return seed.kind === "remove-element"
        ? { op: "remove-element", path: arr.path, index }
        : { op: "replace-element", path: arr.path, index, value: seed.value };
    }
  }
}
