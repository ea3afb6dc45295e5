/**
 * How a TOML file writes a table, for callers that must tell the user before editing: packs
 * edits tables written as `[headers]` (with subtables) or as one `key = { … }` inline table, and
 * reports every other form ("dotted", see toml-locate.ts) as a diagnostic instead.
 */
import { stripBom } from "./jsonc-parse.js";
import { editProblem, locateTable, type TableLocation } from "./toml-locate.js";
import { parseTomlTree } from "./toml-parse.js";
import { jsonOfProgram } from "./toml-value.js";

export type TableForm = "header" | "inline" | "dotted" | "absent";

/** `text` must be valid TOML (check with parseToml first); `path` is non-empty. */
export function tableForm(text: string, path: readonly string[]): TableForm {
  return locate(text, path).form;
}

/**
 * Why applyTomlEdits cannot do `op` at `path` in `text`, in words for the user (with a line
 * number); undefined when it can. set-table cannot edit a "dotted" table, nor add a table under
 * a parent that is not a table or is an inline table; remove-table cannot edit a "dotted" table
 * and is a no-op for an absent one.
 */
export function tableEditProblem(text: string, path: readonly string[], op: "set-table" | "remove-table" = "set-table"): string | undefined {
  return editProblem(locate(text, path), op);
}

function locate(text: string, path: readonly string[]): TableLocation {
  const { body } = stripBom(text);
  const program = parseTomlTree(body);
  return locateTable(body, program, jsonOfProgram(program), path);
}
