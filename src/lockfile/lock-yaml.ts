/**
 * A fast writer and reader for the YAML packs itself writes into packs.lock.yaml. The general
 * YAML library costs about a second per MB each way, and the lock of a monorepo with hundreds of
 * packs is megabytes, read by every plan and check and rendered by every plan.
 *
 * Contract: `fastYaml(value)` returns exactly what `stringify(value, { lineWidth: 0,
 * sortMapEntries: false })` of the `yaml` library returns, or `undefined` when the value holds
 * anything outside the narrow subset it knows (block maps and sequences, `{}`, `[]`, safe
 * integers, booleans, and plain strings that cannot be read as anything but themselves); the
 * caller then uses the library. `fastParseYaml(text)` returns a value only when `fastYaml` of it
 * gives back exactly `text`: the text is then the library's own rendering of that value, so the
 * library would read the same value back. Anything else (a hand edit, a comment, a quoted
 * string) returns `undefined` and the caller parses with the library, with its positions and
 * messages. test/lockfile/lock-yaml.test.ts checks the writer against the library.
 */
import type { JsonValue } from "../core/json.js";

/** Plain in YAML and a string in the 1.2 core schema: no indicators, no number or keyword. */
const SAFE_PLAIN = /^[A-Za-z_./][A-Za-z0-9._/#@+=~-]*$/;
/** A version-like string starting with a digit: two dots, so never a YAML number. */
const SAFE_DIGITS = /^[0-9]+\.[0-9]+\.[0-9A-Za-z.+-]*$/;
const KEYWORD = /^(true|false|null|yes|no|on|off|y|n|\.inf|\.nan|\.[0-9].*)$/i;

function plain(s: string): boolean {
  return (SAFE_PLAIN.test(s) || SAFE_DIGITS.test(s)) && !KEYWORD.test(s);
}

/**
 * A value may also hold `#` and `:` inside (`AGENTS.md#packs:team`): neither starts a comment or
 * a mapping unless next to a space, which SAFE_PLAIN excludes. Keys may not, so that the reader
 * can split `key: value` at the first colon.
 */
const SAFE_VALUE = /^[A-Za-z_./][A-Za-z0-9._/#@+=~:-]*$/;
function plainValue(s: string): boolean {
  return (SAFE_VALUE.test(s) || SAFE_DIGITS.test(s)) && !KEYWORD.test(s) && !s.endsWith(":");
}

function scalar(v: JsonValue): string | undefined {
  if (typeof v === "string") return plainValue(v) ? v : undefined;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? String(v) : undefined;
  return undefined;
}

const isMap = (v: JsonValue): v is { [k: string]: JsonValue } => v !== null && typeof v === "object" && !Array.isArray(v);

class Unsupported extends Error {}

/** The library's rendering of a map or a sequence, or undefined outside the subset. */
export function fastYaml(value: JsonValue): string | undefined {
  const out: string[] = [];
  try {
    if (isMap(value) && Object.keys(value).length > 0) writeMap(value, "", out);
    else return undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  return out.join("");
}

function writeMap(map: { [k: string]: JsonValue }, indent: string, out: string[], first = indent): void {
  let lead = first;
  for (const [k, v] of Object.entries(map)) {
    if (!plain(k)) throw new Unsupported();
    out.push(lead, k, ":");
    writeValue(v, indent, out);
    lead = indent;
  }
}

/** After `key:`: a scalar on the same line, or the collection on the lines below. */
function writeValue(v: JsonValue, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    if (v.length === 0) return void out.push(" []\n");
    out.push("\n");
    writeSeq(v, indent + "  ", out);
  } else if (isMap(v)) {
    if (Object.keys(v).length === 0) return void out.push(" {}\n");
    out.push("\n");
    writeMap(v, indent + "  ", out);
  } else {
    const s = scalar(v);
    if (s === undefined) throw new Unsupported();
    out.push(" ", s, "\n");
  }
}

function writeSeq(seq: readonly JsonValue[], indent: string, out: string[]): void {
  for (const v of seq) {
    if (isMap(v) && Object.keys(v).length > 0) {
      // The first member shares the dash's line; a collection there is laid out otherwise.
      const firstValue = Object.values(v)[0]!;
      if (firstValue !== null && typeof firstValue === "object") throw new Unsupported();
      writeMap(v, indent + "  ", out, indent + "- ");
      continue;
    }
    const s = scalar(v);
    if (s === undefined) throw new Unsupported();
    out.push(indent, "- ", s, "\n");
  }
}

/**
 * The value `text` is the fast rendering of, or undefined. Lines are read by their indentation;
 * the result is then rendered again and kept only when that gives `text` back exactly.
 */
export function fastParseYaml(text: string): JsonValue | undefined {
  if (!text.endsWith("\n")) return undefined;
  const lines = text.slice(0, -1).split("\n");
  let at = 0;
  const indentOf = (line: string) => line.length - line.trimStart().length;

  const readScalar = (s: string): JsonValue => {
    if (s === "[]") return [];
    if (s === "{}") return {};
    if (s === "true" || s === "false") return s === "true";
    if (/^(0|[1-9][0-9]*)$/.test(s)) return Number(s);
    if (!plainValue(s)) throw new Unsupported();
    return s;
  };
  const readMap = (indent: number, firstLine?: string): { [k: string]: JsonValue } => {
    const map: { [k: string]: JsonValue } = {};
    let line = firstLine;
    for (;;) {
      if (line === undefined) {
        const next = lines[at];
        if (next === undefined || indentOf(next) !== indent || next.startsWith("- ", indent)) break;
        line = next.slice(indent);
        at++;
      }
      const colon = line.indexOf(":");
      if (colon <= 0) throw new Unsupported();
      const key = line.slice(0, colon);
      const rest = line.slice(colon + 1);
      if (rest === "") map[key] = readBlock(indent + 2);
      else if (rest.startsWith(" ")) map[key] = readScalar(rest.slice(1));
      else throw new Unsupported();
      line = undefined;
    }
    return map;
  };
  const readSeq = (indent: number): JsonValue[] => {
    const seq: JsonValue[] = [];
    for (;;) {
      const next = lines[at];
      if (next === undefined || indentOf(next) !== indent || !next.startsWith("- ", indent)) break;
      at++;
      const item = next.slice(indent + 2);
      seq.push(/^[^ ]+: |^[^ ]+:$/.test(item) && !item.startsWith("- ") ? readMap(indent + 2, item) : readScalar(item));
    }
    return seq;
  };
  const readBlock = (indent: number): JsonValue => {
    const next = lines[at];
    if (next === undefined || indentOf(next) !== indent) throw new Unsupported();
    return next.startsWith("- ", indent) ? readSeq(indent) : readMap(indent);
  };

  try {
    const value = readMap(0);
    if (at !== lines.length) return undefined;
    return fastYaml(value) === text ? value : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
