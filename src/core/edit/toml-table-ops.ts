/**
 * The text of one table edit, given where the table is (toml-locate.ts). Whole lines only:
 *
 * set-table
 * - absent: the table's lines go at the end of the file after one blank line (a missing final
 *   line break is added first, and the file again ends without one). An empty file gets just
 *   the table's lines.
 * - header: the table's lines replace its first run of tables, at the same place; its other
 *   runs are removed as by remove-table. Comment lines above the first header stay above it.
 * - inline: the `{ … }` is replaced in place by the new inline table; the key, its spacing and a
 *   trailing comment stay.
 *
 * remove-table
 * - header: each run goes, from its first header line through the line of its last key (so
 *   comments and blank lines between its tables go too), plus one blank line before the run,
 *   the one set-table puts there (at the very top of the file, one blank line after it instead).
 *   Comment lines right above the run's first header and after its last key stay: they may
 *   introduce the next table or be the user's notes, and losing a user's comment is worse than
 *   keeping a stale one.
 * - inline: the key's line(s) go, with the trailing comment.
 * - absent: nothing changes.
 * Deleting the last lines of a file without a final line break also deletes the line break (and
 * empty lines) before them, so the file still ends without one.
 *
 * "dotted" forms, and adding under a parent that cannot take a header, are the caller's bug:
 * check tableEditProblem first.
 */
import type { JsonObject } from "../json.js";
import { deletionOf, endsWithLineBreak, isBlank, lineAfter, lineBefore, linesOf, type LineRange, type Splice, applySplices } from "./toml-lines.js";
import type { TableLocation } from "./toml-locate.js";
import { renderInline, tableLines } from "./toml-render.js";

export function setTable(body: string, loc: TableLocation, path: readonly string[], value: JsonObject, eol: string): string {
  const lines = tableLines(path, value).join(eol);
  switch (loc.form) {
    case "absent": {
      if (loc.problem !== undefined) throw new Error(`bug: ${loc.problem}`);
      if (body === "") return lines + eol;
      const closed = endsWithLineBreak(body);
      return (closed ? body : body + eol) + eol + lines + (closed ? eol : "");
    }
    case "header": {
      const [first, ...rest] = loc.runs as [LineRange, ...LineRange[]];
      const open = first.end === body.length && !endsWithLineBreak(body);
      return applySplices(body, [{ ...first, content: lines + (open ? "" : eol) }, ...rest.map((run) => removalOf(body, run))]);
    }
    case "inline":
      return applySplices(body, [{ start: loc.table.range[0], end: loc.table.range[1], content: renderInline(value) }]);
    case "dotted":
      throw new Error(`bug: ${loc.problem}`);
  }
}

export function removeTable(body: string, loc: TableLocation): string {
  switch (loc.form) {
    case "absent":
      return body;
    case "header":
      return applySplices(body, loc.runs.map((run) => removalOf(body, run)));
    case "inline": {
      const lines = linesOf(body, loc.keyValue.range[0], loc.keyValue.range[1]);
      return applySplices(body, [{ ...deletionOf(body, lines), content: "" }]);
    }
    case "dotted":
      throw new Error(`bug: ${loc.problem}`);
  }
}

/** Deleting a run of tables with the blank line before it (or after it, at the top). */
function removalOf(body: string, run: LineRange): Splice {
  let lines = run;
  const before = lineBefore(body, run.start);
  const after = lineAfter(body, run.end);
  if (before !== undefined && isBlank(body, before)) lines = { start: before.start, end: run.end };
  else if (before === undefined && after !== undefined && isBlank(body, after)) lines = { start: run.start, end: after.end };
  return { ...deletionOf(body, lines), content: "" };
}
