/**
 * Where and how a TOML file writes the table at a path. The forms (toml-table-ops.ts says what
 * the edits do with each):
 * - "header": only `[path]` / `[path.sub]` / `[[path.sub]]` tables (the `[path]` header itself
 *   may be missing: TOML then defines the table implicitly). They can be split into several runs
 *   of consecutive tables with foreign tables in between.
 * - "inline": one `key = { … }` line whose whole key is the path: `mcp_servers.dbt = { … }` at
 *   the top, or `dbt = { … }` under `[mcp_servers]`.
 * - "dotted": any other way the path exists: dotted keys below it (`mcp_servers.dbt.command =
 *   "x"`), inside an ancestor's inline table (`mcp_servers = { dbt = { … } }`), a value that is
 *   not a table (`mcp_servers.dbt = "x"`, `[[mcp_servers.dbt]]`), or a mix of these with headers.
 * - "absent": nothing at the path. A `problem` says why a header cannot be added there: an
 *   ancestor is not a table, or is an inline table TOML forbids extending.
 */
import type { AST } from "./toml-parse.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../json.js";
import { linesOf, type LineRange } from "./toml-lines.js";
import { renderKeyPath } from "./toml-render.js";
import { keyNames } from "./toml-value.js";

type Segment = string | number;

export type TableLocation =
  | { form: "absent"; problem: string | undefined }
  | { form: "header"; runs: LineRange[] }
  | { form: "inline"; keyValue: AST.TOMLKeyValue; table: AST.TOMLInlineTable }
  | { form: "dotted"; problem: string };

interface PlacedKeyValue {
  kv: AST.TOMLKeyValue;
  /** The key's full path from the root: its table's key, then its own dotted key. */
  full: Segment[];
  table: AST.TOMLTable | undefined;
}

/** `body` is the text `program` was parsed from and `value` its JSON value. */
export function locateTable(body: string, program: AST.TOMLProgram, value: JsonObject, path: readonly string[]): TableLocation {
  if (path.length === 0) throw new Error("bug: a TOML table edit needs a non-empty path");
  const items = program.body[0].body;
  const owns = (item: (typeof items)[number]): item is AST.TOMLTable => item.type === "TOMLTable" && startsWith(item.resolvedKey, path);
  const kvs = keyValuesOf(items).filter((p) => p.table === undefined || !owns(p.table));
  const above = kvs.find((p) => p.full.length < path.length && startsWith(path, p.full));
  const exact = kvs.find((p) => p.full.length === path.length && startsWith(p.full, path));
  const below = kvs.find((p) => p.full.length > path.length && startsWith(p.full, path));
  const shown = renderKeyPath(path);
  const at = memberAt(value, path);

  if (at === undefined) return { form: "absent", problem: ancestorProblem(items, value, path, above) };
  if (!isJsonObject(at)) {
    const line = (exact ?? above)?.kv.loc.start.line ?? items.find(owns)?.loc.start.line;
    return { form: "dotted", problem: `${shown} is not a table (line ${line})` };
  }
  if (above !== undefined) {
    return { form: "dotted", problem: `${shown} is written inside the inline table ${showKey(above.full)} (line ${above.kv.loc.start.line})` };
  }
  if (exact !== undefined && exact.kv.value.type === "TOMLInlineTable") return { form: "inline", keyValue: exact.kv, table: exact.kv.value };
  if (below !== undefined) {
    return { form: "dotted", problem: `${shown} is written with dotted keys (${showKey(below.full)} = …, line ${below.kv.loc.start.line})` };
  }
  const runs: LineRange[] = [];
  let run: LineRange | undefined;
  for (const item of items) {
    if (owns(item)) {
      const lines = linesOf(body, item.range[0], item.range[1]);
      run = run === undefined ? lines : { start: run.start, end: lines.end };
    } else if (run !== undefined) {
      runs.push(run);
      run = undefined;
    }
  }
  if (run !== undefined) runs.push(run);
  if (runs.length === 0) throw new Error(`bug: ${shown} exists but no TOML table defines it`);
  return { form: "header", runs };
}

/** Why `[path]` cannot be added to a file where `path` is absent; undefined when it can. */
function ancestorProblem(items: readonly (AST.TOMLKeyValue | AST.TOMLTable)[], value: JsonObject, path: readonly string[], above: PlacedKeyValue | undefined): string | undefined {
  for (let n = 1; n < path.length; n++) {
    const ancestor = path.slice(0, n);
    const v = memberAt(value, ancestor);
    if (v === undefined) return undefined;
    if (isJsonObject(v) && (above === undefined || above.full.length > n)) continue;
    const what = isJsonObject(v) ? "an inline table, which TOML does not let a [table] header extend" : Array.isArray(v) ? "an array, not a table" : "not a table";
    const line = above?.kv.loc.start.line ?? items.find((t) => t.type === "TOMLTable" && startsWith(t.resolvedKey, ancestor))?.loc.start.line;
    return `cannot add [${renderKeyPath(path)}]: ${renderKeyPath(ancestor)} (line ${line}) is ${what}`;
  }
  return undefined;
}

/** Every key/value line outside inline tables, with its full path. */
function keyValuesOf(items: readonly (AST.TOMLKeyValue | AST.TOMLTable)[]): PlacedKeyValue[] {
  return items.flatMap((item): PlacedKeyValue[] =>
    item.type === "TOMLKeyValue"
      ? [{ kv: item, full: keyNames(item.key), table: undefined }]
      : item.body.map((kv) => ({ kv, full: [...item.resolvedKey, ...keyNames(kv.key)], table: item })),
  );
}

/** True when `full` begins with `prefix`; array indexes (numbers) never match a key. */
function startsWith(full: readonly Segment[], prefix: readonly Segment[]): boolean {
  return full.length >= prefix.length && prefix.every((seg, i) => full[i] === seg);
}

function showKey(full: readonly Segment[]): string {
  return renderKeyPath(full.map(String));
}

/** The value at `path`, stepping through tables' own members only. */
export function memberAt(root: JsonObject, path: readonly string[]): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const seg of path) {
    if (!isJsonObject(cur) || !Object.hasOwn(cur, seg)) return undefined;
    cur = cur[seg];
  }
  return cur;
}
