/**
 * Rendering JSON values as text in a file's style: multi-line ("pretty") for new files and for
 * values inserted into multi-line containers, single-line ("inline") for values inserted into
 * containers that sit on one line.
 */
import type { JsonValue } from "../json.js";
import { DEFAULT_STYLE, type JsoncStyle } from "./jsonc-style.js";

/** A new file's text: pretty-printed, ending in the style's line break unless finalNewline is false. */
export function renderJson(value: JsonValue, style?: Partial<JsoncStyle>): string {
  const s = { ...DEFAULT_STYLE, ...style };
  return renderPretty(value, s, "") + (s.finalNewline ? s.eol : "");
}

/**
 * Multi-line text for `value` whose first line continues an existing line and whose later lines
 * start with `base` (the indentation of the line the value starts on). Empty containers stay
 * `{}` / `[]`.
 */
export function renderPretty(value: JsonValue, style: Pick<JsoncStyle, "indent" | "eol">, base: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = base + style.indent;
    const items = value.map((v) => inner + renderPretty(v, style, inner));
    return "[" + style.eol + items.join("," + style.eol) + style.eol + base + "]";
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "{}";
    const inner = base + style.indent;
    const members = keys.map((k) => inner + renderKey(k) + ": " + renderPretty(value[k] as JsonValue, style, inner));
    return "{" + style.eol + members.join("," + style.eol) + style.eol + base + "}";
  }
  return renderScalar(value);
}

/** Single-line text: `{ "a": 1, "b": [1, 2] }`. */
export function renderInline(value: JsonValue): string {
  if (Array.isArray(value)) return "[" + value.map(renderInline).join(", ") + "]";
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "{}";
    return "{ " + keys.map((k) => renderKey(k) + ": " + renderInline(value[k] as JsonValue)).join(", ") + " }";
  }
  return renderScalar(value);
}

export function renderKey(key: string): string {
  return JSON.stringify(key);
}

function renderScalar(value: JsonValue): string {
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`bug: ${value} is not a JSON number`);
  if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
    throw new Error(`bug: not a JSON value: ${typeof value}`);
  }
  return JSON.stringify(value);
}
