/**
 * `ignore:` of packs.yaml in the planner: keys an agent rewrites itself inside the config
 * entries packs owns (opencode's `enabled`, an approval list added to an MCP entry), named by
 * JSON Pointer patterns per agent file. Pure.
 *
 * - Comparing: at an ignored location, the live value is compared as if it held the reference
 *   value there (what packs recorded for the item, or, for an item packs does not own yet, what
 *   the pack wants). So a change there is never drift, and the hashes in the sidecars stay the
 *   hashes of values packs wrote.
 * - Writing: at an ignored location, what is on disk is kept, unless the pack's own value there
 *   is new (differs from the recorded one); then the pack's value is written.
 * - A pattern naming the item itself (or a container of it) ignores the whole value: with a
 *   record, the live value is compared as the recorded one, so it is never drift; a pack change
 *   still rewrites it. Without a record it is compared as it is, so someone else's entry is
 *   never taken for packs'.
 * - Array elements (plugins, instructions) are strings, so only a pattern naming the element
 *   (`/plugin/*`) or its array bears on them.
 */
import { cloneJson } from "./edit/jsonc-value-edit.js";
import { arrayIndexOf, setOwn, valueAt } from "./edit/jsonc-parse.js";
import type { Diagnostic } from "./diagnostics.js";
import type { ItemAddress } from "./item.js";
import { canonicalJson, encodePointer, isJsonObject, type JsonValue } from "./json.js";

/** A pattern segment that matches any one object key or array index. */
export const WILDCARD = "*";

/** Per project-relative file path, pointer patterns as segments (RFC 6901, decoded). */
export type IgnoreRules = Readonly<Record<string, readonly (readonly string[])[]>>;

export interface ItemIgnore {
  /** A pattern names the item itself or one of its containers. */
  whole: boolean;
  /** Patterns below the item, relative to its value. */
  inner: string[][];
}

export const NOTHING_IGNORED: ItemIgnore = Object.freeze({ whole: false, inner: [] }) as ItemIgnore;

/** Where a config item is in its file: an entry's pointer, an element's array and index. */
export function itemPointer(address: ItemAddress, index?: number): string[] | undefined {
  switch (address.kind) {
    case "entry":
      return address.pointer;
    case "element":
      return index === undefined ? undefined : [...address.array, String(index)];
    case "file":
    case "section":
      return undefined;
  }
}

/** The patterns of one file that bear on the item at `pointer`. */
export function ignoreAt(patterns: readonly (readonly string[])[] | undefined, pointer: readonly string[] | undefined): ItemIgnore {
  if (!patterns || patterns.length === 0 || pointer === undefined) return NOTHING_IGNORED;
  const out: ItemIgnore = { whole: false, inner: [] };
  for (const p of patterns) {
    const n = Math.min(p.length, pointer.length);
    if (!p.slice(0, n).every((s, i) => s === WILDCARD || s === pointer[i])) continue;
    if (p.length <= pointer.length) out.whole = true;
    else out.inner.push(p.slice(pointer.length));
  }
  return out;
}

/**
 * The live value as packs compares it with `reference`: at every ignored location whose parent
 * is in `live`, the reference's value there (or nothing, when the reference has none).
 * `recorded` says the reference is what packs recorded, which a whole-item pattern needs.
 */
export function comparedValue(live: JsonValue, reference: JsonValue | undefined, ignore: ItemIgnore, recorded: boolean): JsonValue {
  if (ignore.whole && recorded && reference !== undefined) return reference;
  let out = live;
  for (const p of ignore.inner) out = overlay(out, reference, p);
  return out;
}

/**
 * The value packs writes for an item: the desired value, except at ignored locations, where what
 * is on disk (`live`) is kept unless the desired value there differs from the `recorded` one
 * (the pack changed it, or packs never wrote it and the pack sets it).
 */
export function keepIgnored(desired: JsonValue, live: JsonValue | undefined, recorded: JsonValue | undefined, ignore: ItemIgnore): JsonValue {
  if (live === undefined) return desired;
  const patterns = ignore.whole ? [[]] : ignore.inner;
  let out = cloneJson(desired);
  for (const pattern of patterns) {
    const seen = new Set<string>();
    const locations = [...locate(desired, pattern), ...locate(live, pattern), ...(recorded === undefined ? [] : locate(recorded, pattern))];
    for (const at of locations) {
      const key = encodePointer(at);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!same(valueAt(desired, at), recorded === undefined ? undefined : valueAt(recorded, at))) continue; // the pack's new value
      out = put(out, at, valueAt(live, at));
    }
  }
  return out;
}

/** Warnings for rules on files where packs owns whole files or Markdown sections, not entries. */
export function notApplicable(rules: IgnoreRules, addresses: Iterable<ItemAddress>): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  for (const a of addresses) {
    if ((a.kind !== "file" && a.kind !== "section") || !rules[a.path]?.length || out.has(a.path)) continue;
    out.set(a.path, {
      code: "plan/ignore-not-applicable",
      severity: "warning",
      summary: `ignore: ${a.path} is ${a.kind === "file" ? "a file packs owns whole" : "a Markdown file packs owns sections of"}, so its pointers have no effect`,
      location: { file: "packs.yaml" },
      hint: "ignore: applies to the entries packs owns in JSON, JSONC and TOML config files; remove this file from it.",
    });
  }
  return [...out.values()].sort((x, y) => x.summary.localeCompare(y.summary));
}

/** `a` and `b` are the same JSON value, or both absent. */
function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/** The concrete locations in `value` that `pattern` matches. */
function locate(value: JsonValue | undefined, pattern: readonly string[], at: string[] = []): string[][] {
  if (value === undefined) return [];
  if (pattern.length === 0) return [at];
  const [seg, ...rest] = pattern as [string, ...string[]];
  const out: string[][] = [];
  for (const k of childKeys(value, seg)) out.push(...locate(child(value, k), rest, [...at, k]));
  return out;
}

function childKeys(value: JsonValue, seg: string): string[] {
  if (isJsonObject(value)) return seg === WILDCARD ? Object.keys(value) : Object.hasOwn(value, seg) ? [seg] : [];
  if (Array.isArray(value)) {
    if (seg === WILDCARD) return value.map((_, i) => String(i));
    const i = arrayIndexOf(seg);
    return i !== undefined && i < value.length ? [seg] : [];
  }
  return [];
}

function child(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return valueAt(value, [key]);
}

/** `target` with the pattern's locations taken from `source` (a copy; `target` is not changed). */
function overlay(target: JsonValue, source: JsonValue | undefined, pattern: readonly string[]): JsonValue {
  if (pattern.length === 0) return source === undefined ? target : source;
  const [seg, ...rest] = pattern as [string, ...string[]];
  if (isJsonObject(target)) {
    const keys = new Set(childKeys(target, seg));
    // At the last segment a key only the source has counts too: the agent removed it.
    if (rest.length === 0 && source !== undefined && isJsonObject(source)) for (const k of childKeys(source, seg)) keys.add(k);
    if (keys.size === 0) return target;
    const out = { ...target };
    for (const k of keys) {
      const s = child(source, k);
      if (rest.length > 0) {
        if (Object.hasOwn(target, k)) setOwn(out, k, overlay(target[k]!, s, rest));
      } else if (s === undefined) {
        delete out[k];
      } else {
        setOwn(out, k, s);
      }
    }
    return out;
  }
  if (Array.isArray(target)) {
    // Every element at the last segment: the whole list is the source's.
    if (seg === WILDCARD && rest.length === 0) return Array.isArray(source) ? source : [];
    const out = [...target];
    const indexes = childKeys(target, seg).map(Number).sort((a, b) => b - a);
    for (const i of indexes) {
      const s = child(source, String(i));
      if (rest.length > 0) out[i] = overlay(target[i]!, s, rest);
      else if (s === undefined) out.splice(i, 1);
      else out[i] = s;
    }
    return out;
  }
  return target;
}

/** Set (or, with `value` undefined, remove) the location `at` of `root`, whose parent exists. */
function put(root: JsonValue, at: readonly string[], value: JsonValue | undefined): JsonValue {
  if (at.length === 0) return value === undefined ? root : cloneJson(value);
  const parent = valueAt(root, at.slice(0, -1));
  const key = at[at.length - 1]!;
  if (isJsonObject(parent)) {
    if (value === undefined) delete parent[key];
    else setOwn(parent, key, cloneJson(value));
  } else if (Array.isArray(parent)) {
    // Elements are replaced in place only: removing or adding one would move the others.
    const i = arrayIndexOf(key);
    if (i !== undefined && i < parent.length && value !== undefined) parent[i] = cloneJson(value);
  }
  return root;
}
