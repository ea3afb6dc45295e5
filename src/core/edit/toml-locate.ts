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
import { indexToml, type PlacedKeyValue, type Segment, type TomlIndex } from "./toml-index.js";
import { linesOf, type LineRange } from "./toml-lines.js";
import { renderKeyPath } from "./toml-render.js";

export type TableLocation = TableClass<{ runs: LineRange[] }>;

/**
 * The form of the table at a path, as the parse says it. A "header" table's parse-level answer
 * is its tables (positions in the index's items, ascending); TableLocation has the line runs
 * they make in the text.
 */
export type TableClass<Header = { tables: readonly number[] }> =
  | { form: "absent"; problem: string | undefined }
  | ({ form: "header" } & Header)
  | { form: "inline"; keyValue: AST.TOMLKeyValue; table: AST.TOMLInlineTable }
  | { form: "dotted"; problem: string };

/** `body` is the text `program` was parsed from and `value` its JSON value. */
export function locateTable(body: string, program: AST.TOMLProgram, value: JsonObject, path: readonly string[]): TableLocation {
  const index = indexToml(program);
  const found = classifyTable(index, value, path);
  if (found.form !== "header") return found;
  const runs: LineRange[] = [];
  found.tables.forEach((i, n) => {
    const item = index.items[i]!;
    const lines = linesOf(body, item.range[0], item.range[1]);
    // Tables next to each other in the file make one run; any other item between them splits it.
    if (n > 0 && found.tables[n - 1] === i - 1) runs[runs.length - 1]!.end = lines.end;
    else runs.push(lines);
  });
  return { form: "header", runs };
}

/**
 * Why an edit `op` cannot be made to a table found so; undefined when it can. set-table cannot
 * edit a "dotted" table, nor add one where an ancestor cannot take a header; remove-table cannot
 * edit a "dotted" table and is a no-op for an absent one.
 */
export function editProblem(found: TableClass<unknown>, op: "set-table" | "remove-table"): string | undefined {
  if (found.form === "dotted") return found.problem;
  if (found.form === "absent" && op === "set-table") return found.problem;
  return undefined;
}

/** How the file indexed by `index`, whose JSON value is `value`, writes the table at `path`. */
export function classifyTable(index: TomlIndex, value: JsonObject, path: readonly string[]): TableClass {
  if (path.length === 0) throw new Error("bug: a TOML table edit needs a non-empty path");
  const tables = index.tablesUnder(path);
  const above = index.above(path);
  const exact = index.exact(path);
  const below = index.below(path);
  const shown = renderKeyPath(path);
  const at = memberAt(value, path);

  if (at === undefined) return { form: "absent", problem: ancestorProblem(index, value, path, above) };
  if (!isJsonObject(at)) {
    const line = (exact ?? above)?.kv.loc.start.line ?? lineOfFirst(index, tables);
    return { form: "dotted", problem: `${shown} is not a table (line ${line})` };
  }
  if (above !== undefined) {
    return { form: "dotted", problem: `${shown} is written inside the inline table ${showKey(above.full)} (line ${above.kv.loc.start.line})` };
  }
  if (exact !== undefined && exact.kv.value.type === "TOMLInlineTable") return { form: "inline", keyValue: exact.kv, table: exact.kv.value };
  if (below !== undefined) {
    return { form: "dotted", problem: `${shown} is written with dotted keys (${showKey(below.full)} = …, line ${below.kv.loc.start.line})` };
  }
  if (tables.length === 0) throw new Error(`bug: ${shown} exists but no TOML table defines it`);
  return { form: "header", tables };
}

/** Why `[path]` cannot be added to a file where `path` is absent; undefined when it can. */
function ancestorProblem(index: TomlIndex, value: JsonObject, path: readonly string[], above: PlacedKeyValue | undefined): string | undefined {
  for (let n = 1; n < path.length; n++) {
    const ancestor = path.slice(0, n);
    const v = memberAt(value, ancestor);
    if (v === undefined) return undefined;
    if (isJsonObject(v) && (above === undefined || above.full.length > n)) continue;
    const what = isJsonObject(v) ? "an inline table, which TOML does not let a [table] header extend" : Array.isArray(v) ? "an array, not a table" : "not a table";
    const line = above?.kv.loc.start.line ?? lineOfFirst(index, index.tablesUnder(ancestor));
    return `cannot add [${renderKeyPath(path)}]: ${renderKeyPath(ancestor)} (line ${line}) is ${what}`;
  }
  return undefined;
}

function lineOfFirst(index: TomlIndex, tables: readonly number[]): number | undefined {
  return tables[0] === undefined ? undefined : index.items[tables[0]]!.loc.start.line;
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
