/**
 * Rendering JSON values as TOML text: whole files (renderToml), the lines of one table with its
 * subtables (tableLines) and single-line values (renderInline). What is written:
 * - keys bare when they are made only of A-Z a-z 0-9 _ -, otherwise basic strings
 *   (`"my.server"`, `"@scope/x"`, `""`);
 * - strings as basic strings; `"` `\` and control characters escaped (\b \t \n \f \r, else \uXXXX);
 * - safe integers as TOML integers; other numbers as TOML floats (`0.5`, `1e+21`, `inf`, `nan`);
 * - arrays inline (`args = ["-y", "pkg"]`), objects inside arrays as inline tables;
 * - a table's scalars and arrays as `key = value` lines under its `[header]`, then each member
 *   object as a subtable after one blank line. A table that holds only subtables gets no header
 *   line of its own (TOML defines it implicitly), an empty table does.
 * TOML has no null and no lone surrogates; a value with either is the caller's bug and throws.
 */
import { isJsonObject, type JsonObject, type JsonValue } from "../json.js";

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };

/** A new file's text; "" for an empty object. Lines end in "\n", the last one too. */
export function renderToml(value: JsonObject): string {
  const lines = bodyLines([], value);
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

/**
 * The lines of the table at `path` (non-empty) holding exactly `value`, its subtables included,
 * without line breaks; "" is a blank line. Never starts or ends with a blank line.
 */
export function tableLines(path: readonly string[], value: JsonObject): string[] {
  if (path.length === 0) throw new Error("bug: a TOML table needs a non-empty path");
  return bodyLines(path, value);
}

/** Key/value lines, then subtables; the header line too unless `path` is the root. */
function bodyLines(path: readonly string[], value: JsonObject): string[] {
  const keys = Object.keys(value);
  const own = keys.filter((k) => !isJsonObject(value[k]));
  const subs = keys.filter((k) => isJsonObject(value[k]));
  const lines: string[] = [];
  if (path.length > 0 && (own.length > 0 || subs.length === 0)) lines.push(`[${renderKeyPath(path)}]`);
  for (const k of own) lines.push(`${renderKey(k)} = ${renderInline(value[k] as JsonValue)}`);
  for (const k of subs) {
    if (lines.length > 0) lines.push("");
    lines.push(...bodyLines([...path, k], value[k] as JsonObject));
  }
  return lines;
}

/** `mcp_servers."my.server"`: a dotted key, each part quoted only when it has to be. */
export function renderKeyPath(path: readonly string[]): string {
  return path.map(renderKey).join(".");
}

export function renderKey(key: string): string {
  return BARE_KEY.test(key) ? key : renderString(key);
}

export function renderString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new Error(`bug: TOML cannot hold a lone surrogate (in ${JSON.stringify(s)})`);
  return '"' + s.replace(/["\\\u0000-\u001f\u007f]/g, (c) => ESCAPES[c] ?? "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")) + '"';
}

/** One line: `"x"`, `1`, `true`, `["-y", "pkg"]`, `{ A = "1", B = [] }`, `{}`. */
export function renderInline(value: JsonValue): string {
  if (value === null) throw new Error("bug: TOML has no null");
  if (Array.isArray(value)) return "[" + value.map(renderInline).join(", ") + "]";
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "{}";
    return "{ " + keys.map((k) => `${renderKey(k)} = ${renderInline(value[k] as JsonValue)}`).join(", ") + " }";
  }
  if (typeof value === "string") return renderString(value);
  if (typeof value === "number") return renderNumber(value);
  return value ? "true" : "false";
}

/**
 * Safe integers as integers; anything else (-0 too) as a float that reads back as the same
 * double. Larger integers are floats because a TOML integer must fit 64 bits and JavaScript's
 * digits for them are not exact anyway.
 */
export function renderNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  if (Object.is(n, -0)) return "-0.0";
  if (Number.isSafeInteger(n)) return String(n);
  const s = String(n);
  return /^-?\d+$/.test(s) ? n.toExponential() : s;
}
