/**
 * Surgical edits of TOML config files (Codex's .codex/config.toml). packs owns whole tables,
 * `[mcp_servers.<name>]` with their subtables; only the lines of those tables change. Comments,
 * blank lines, key order, line endings ("\r\n" stays "\r\n"), a byte order mark and the presence
 * of a final line break are kept byte for byte everywhere else. toml-table-ops.ts says exactly
 * which lines an edit writes or deletes, toml-render.ts how values are written and
 * toml-locate.ts which ways of writing a table are edited. Many edits to one file: the same
 * edits from one parse in toml-session.ts.
 */
import { jsonEqual, type JsonObject } from "../json.js";
import { stripBom } from "./jsonc-parse.js";
import { describePath } from "./jsonc-value-edit.js";
import { detectEol } from "./toml-lines.js";
import { locateTable } from "./toml-locate.js";
import { parseToml, parseTomlTree } from "./toml-parse.js";
import { removeTable, setTable } from "./toml-table-ops.js";
import { jsonOfProgram } from "./toml-value.js";
import { applyTomlEditToValue, sameUpToVanishedParents } from "./toml-value-edit.js";

export { renderToml } from "./toml-render.js";
export { tableEditProblem, tableForm, type TableForm } from "./toml-form.js";

/** Paths are raw key segments: ["mcp_servers", "my.server"] is `[mcp_servers."my.server"]`. */
export type TomlEdit =
  /**
   * Writes the table at `path` holding exactly `value` (see toml-render.ts for the layout):
   * in place when it exists, else at the end of the file after one blank line.
   */
  | { op: "set-table"; path: string[]; value: JsonObject }
  /** Removes the table with its subtables (and the blank line before it); a no-op if absent. */
  | { op: "remove-table"; path: string[] };

/**
 * Applies `edits` in order, each to the previous result. `text` must be valid TOML (check with
 * parseToml first) and each edit must be possible (check with tableEditProblem); anything else
 * is a bug and throws. Every result is re-parsed and compared with the edit applied to the plain
 * value, so a formatting mistake can never silently change what the file means.
 */
export function applyTomlEdits(text: string, edits: readonly TomlEdit[]): string {
  const { bom, body } = stripBom(text);
  const eol = detectEol(body);
  let out = body;
  for (const edit of edits) out = applyChecked(out, edit, eol);
  return bom + out;
}

function applyChecked(body: string, edit: TomlEdit, eol: string): string {
  const program = parseTomlTree(body);
  const value = jsonOfProgram(program);
  const loc = locateTable(body, program, value, edit.path);
  const result = edit.op === "set-table" ? setTable(body, loc, edit.path, edit.value, eol) : removeTable(body, loc);
  const expected = applyTomlEditToValue(value, edit);
  const check = parseToml(result);
  const same = edit.op === "set-table" ? jsonEqual(check.value, expected) : sameUpToVanishedParents(check.value, expected, edit.path);
  if (check.errors.length > 0 || !same) {
    throw new Error(`bug: TOML ${edit.op} at ${describePath(edit.path)} produced a wrong document`);
  }
  return result;
}
