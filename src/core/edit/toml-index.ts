/**
 * The top-level items of a TOML syntax tree and its key/value lines, indexed by key path, so
 * that finding how a path is written (toml-locate.ts) costs the length of the path, not the size
 * of the file: packs locates every table of a file that gains or loses one table per pack.
 * Every lookup answers "the first in document order", as a scan of the file would.
 */
import type { AST } from "./toml-parse.js";
import { keyNames } from "./toml-value.js";

/** A key path segment; an array-of-tables header's resolved key ends with a number. */
export type Segment = string | number;
export type TomlItem = AST.TOMLKeyValue | AST.TOMLTable;

export interface PlacedKeyValue {
  kv: AST.TOMLKeyValue;
  /** The key's full path from the root: its table's key, then its own dotted key. */
  full: Segment[];
  /** Its position among all key/value lines outside inline tables, in document order. */
  order: number;
}

export interface TomlIndex {
  /** Key/value lines before the first table, then the tables, in document order. */
  items: readonly TomlItem[];
  /** The first key/value line whose full key is `path`. */
  exact(path: readonly Segment[]): PlacedKeyValue | undefined;
  /** The first key/value line whose full key is a proper prefix of `path`. */
  above(path: readonly Segment[]): PlacedKeyValue | undefined;
  /** The first key/value line whose full key extends `path`, not counting those inside tables under `path`. */
  below(path: readonly Segment[]): PlacedKeyValue | undefined;
  /** Positions in `items` of the tables whose key starts with `path` (non-empty), ascending. */
  tablesUnder(path: readonly Segment[]): readonly number[];
}

/** Map key of a path: segments keep their type, so ["a", 0] and ["a", "0"] differ. */
export function keyOf(path: readonly Segment[]): string {
  return JSON.stringify(path);
}

export function indexToml(program: AST.TOMLProgram): TomlIndex {
  const items = program.body[0].body;
  const exact = new Map<string, PlacedKeyValue>();
  const below = new Map<string, PlacedKeyValue>();
  const tables = new Map<string, number[]>();
  const first = <T>(map: Map<string, T>, key: string, value: T) => map.has(key) || map.set(key, value);
  let order = 0;
  const place = (kv: AST.TOMLKeyValue, table: readonly Segment[]) => {
    const p: PlacedKeyValue = { kv, full: [...table, ...keyNames(kv.key)], order: order++ };
    first(exact, keyOf(p.full), p);
    // Only prefixes longer than the table's key: a table whose key starts with the prefix is "under" it.
    for (let n = table.length + 1; n < p.full.length; n++) first(below, keyOf(p.full.slice(0, n)), p);
  };
  items.forEach((item, i) => {
    if (item.type === "TOMLKeyValue") return place(item, []);
    for (const kv of item.body) place(kv, item.resolvedKey);
    for (let n = 1; n <= item.resolvedKey.length; n++) {
      const key = keyOf(item.resolvedKey.slice(0, n));
      const under = tables.get(key);
      if (under === undefined) tables.set(key, [i]);
      else under.push(i);
    }
  });
  return {
    items,
    exact: (path) => exact.get(keyOf(path)),
    below: (path) => below.get(keyOf(path)),
    above(path) {
      let found: PlacedKeyValue | undefined;
      for (let n = 1; n < path.length; n++) {
        const p = exact.get(keyOf(path.slice(0, n)));
        if (p !== undefined && (found === undefined || p.order < found.order)) found = p;
      }
      return found;
    },
    tablesUnder: (path) => tables.get(keyOf(path)) ?? [],
  };
}
