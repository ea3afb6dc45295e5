/**
 * The table edits of toml-table-ops.ts done on a LineChain instead of a string, for the edit
 * session (toml-session.ts): the same lines are written and deleted, with the same rules, which
 * that file states; here a place is a line of the chain, so an edit costs the lines it touches.
 * The session's property test holds the two to byte-identical results.
 */
import type { JsonObject } from "../json.js";
import type { ChainLine, LineChain } from "./markdown-line-chain.js";
import { splitLines } from "./markdown-lines.js";
import { renderInline, tableLines } from "./toml-render.js";

/** Whole lines `first` through `last`: a run of tables, or the lines of one key/value. */
export interface ChainRange {
  first: ChainLine;
  last: ChainLine;
}

/** The file's line break, as toml-lines.ts detectEol reads it: the first line's. */
export function chainEol(chain: LineChain): "\n" | "\r\n" {
  return chain.head?.eol === "\r\n" ? "\r\n" : "\n";
}

/** set-table on an absent table: after one blank line at the end of the file. */
export function appendTable(chain: LineChain, path: readonly string[], value: JsonObject): void {
  const eol = chainEol(chain);
  const lines = tableLines(path, value).join(eol);
  if (chain.tail === undefined) return appendText(chain, lines + eol);
  const closed = chain.tail.eol !== "";
  appendText(chain, (closed ? "" : eol) + eol + lines + (closed ? eol : ""));
}

/** set-table on a table written with headers: in place of its first run; its other runs go. */
export function replaceRuns(chain: LineChain, runs: readonly ChainRange[], path: readonly string[], value: JsonObject): void {
  const eol = chainEol(chain);
  const [first, ...rest] = runs;
  if (first === undefined) throw new Error("bug: a header table without runs");
  const open = first.last === chain.tail && first.last.eol === "";
  // The other runs lie after the first with foreign tables between, so removing them (last
  // first) changes nothing the first run's edit reads, nor the runs before them.
  for (const run of [...rest].reverse()) removeRun(chain, run);
  splice(chain, first, tableLines(path, value).join(eol) + (open ? "" : eol));
}

/** set-table on an inline table: its `{ … }` (at offsets `from`-`to` of the key/value's lines) is replaced. */
export function replaceInline(chain: LineChain, kv: ChainRange, from: number, to: number, value: JsonObject): void {
  const text = chain.textOf(kv.first, kv.last);
  splice(chain, kv, text.slice(0, from) + renderInline(value) + text.slice(to));
}

/** remove-table on a run of tables, with the blank line before it (or after it, at the top). */
export function removeRun(chain: LineChain, run: ChainRange): void {
  const before = run.first.prev;
  const after = run.last.next;
  if (before !== undefined && isBlank(before)) deleteLines(chain, { first: before, last: run.last });
  else if (before === undefined && after !== undefined && isBlank(after)) deleteLines(chain, { first: run.first, last: after });
  else deleteLines(chain, run);
}

/**
 * Deletes whole lines (toml-lines.ts deletionOf): when they end a file that has no final line
 * break, the line break before them goes too, and so do empty lines before them.
 */
export function deleteLines(chain: LineChain, { first, last }: ChainRange): void {
  const unended = last === chain.tail && last.eol === "" && first !== chain.head;
  chain.remove(first, last);
  if (!unended) return;
  let end = chain.tail!;
  end.eol = "";
  while (end.text === "") {
    const prev = end.prev;
    chain.remove(end, end);
    if (prev === undefined) return;
    end = prev;
    end.eol = "";
  }
}

/** Only spaces and tabs before its line break (toml-lines.ts isBlank). */
function isBlank(line: ChainLine): boolean {
  return /^[ \t]*\r?\n?$/.test(line.text + line.eol);
}

/** Replaces the lines of `range` by `content`, which ends with a line break unless they end the file. */
function splice(chain: LineChain, { first, last }: ChainRange, content: string): void {
  const lines = splitLines(content);
  if (last.next !== undefined && lines[lines.length - 1]?.eol === "") throw new Error("bug: a TOML splice would join two lines");
  chain.insertBefore(last.next, lines);
  chain.remove(first, last);
}

/** Appends `content` to the end of the text; the last line keeps its identity when it gains a line break. */
function appendText(chain: LineChain, content: string): void {
  const tail = chain.tail;
  if (tail === undefined || tail.eol !== "") {
    chain.insertBefore(undefined, splitLines(content));
    return;
  }
  const [joined, ...rest] = splitLines(tail.text + content);
  tail.text = joined!.text;
  tail.eol = joined!.eol;
  chain.insertBefore(undefined, rest);
}
