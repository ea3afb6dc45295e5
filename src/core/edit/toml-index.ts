/**
 * The top-level items of a TOML syntax tree and its key/value lines, indexed by key path (a tree
 * of key segments), so that finding how a path is written (toml-locate.ts) costs the length of
 * the path, not the size of the file: packs locates every table of a file that gains or loses
 * one table per pack. Every lookup answers "the first in document order", as a scan would.
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

/** What is known of one key path. Map keys keep their type, so 0 and "0" differ. */
interface KeyNode {
  children: Map<Segment, KeyNode>;
  exact?: Placed;
  below?: Placed;
  tables: number[];
}

interface Placed extends PlacedKeyValue {
  /** Its position among all key/value lines, in document order. */
  order: number;
}

export function indexToml(program: AST.TOMLProgram): TomlIndex {
  const items = program.body[0].body;
  const root = keyNode();
  let order = 0;
  const place = (kv: AST.TOMLKeyValue, table: readonly Segment[]) => {
    const p: Placed = { kv, full: [...table, ...keyNames(kv.key)], order: order++ };
    let node = root;
    p.full.forEach((seg, i) => {
      node = child(node, seg);
      // Only prefixes longer than the table's key: a table whose key starts with the prefix is "under" it.
      if (i >= table.length && i < p.full.length - 1) node.below ??= p;
    });
    node.exact ??= p;
  };
  items.forEach((item, i) => {
    if (item.type === "TOMLKeyValue") return place(item, []);
    for (const kv of item.body) place(kv, item.resolvedKey);
    let node = root;
    for (const seg of item.resolvedKey) {
      node = child(node, seg);
      node.tables.push(i);
    }
  });
  const find = (path: readonly Segment[]): KeyNode | undefined => {
    let node: KeyNode | undefined = root;
    for (const seg of path) node = node?.children.get(seg);
    return node;
  };
  return {
    items,
    exact: (path) => find(path)?.exact,
    below: (path) => find(path)?.below,
    above(path) {
      let found: Placed | undefined;
      let node: KeyNode | undefined = root;
      for (const seg of path.slice(0, -1)) {
        node = node?.children.get(seg);
        const p = node?.exact;
        if (p !== undefined && (found === undefined || p.order < found.order)) found = p;
      }
      return found;
    },
    tablesUnder: (path) => find(path)?.tables ?? [],
  };
}

function keyNode(): KeyNode {
  return { children: new Map(), tables: [] };
}

function child(node: KeyNode, seg: Segment): KeyNode {
  let next = node.children.get(seg);
  if (next === undefined) node.children.set(seg, (next = keyNode()));
  return next;
}
