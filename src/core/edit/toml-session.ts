/**
 * Many table edits to one TOML text (Codex's config.toml gaining or losing a table per pack) at
 * a cost linear in their number. applyTomlEdits parses the whole text for every edit, and the
 * questions asked before each edit (tableEditProblem, tableForm, the value there) parse it again;
 * here the text is parsed once into an index (toml-index.ts) and a chain of lines
 * (markdown-line-chain.ts) that the edits change in place (toml-chain-ops.ts).
 *
 * Contract: every answer equals what the per-text function named beside it says of the text so
 * far, and result() equals applying the same edits one at a time with applyTomlEdits (the
 * property test in toml-session-property.test.ts holds it to that).
 *
 * Why one parse keeps answering right: an edit at path P changes only lines of P's tables (or
 * of its key/value), blank and empty lines next to them, a line break, and the value at P. So
 * what the parse says of a path Q that is neither a prefix nor an extension of P stays true; the
 * only thing that moves is how Q's tables lie, and that is read from the live chain: which lines
 * hold Q's tables (they are not touched) and which tables are still between them (`alive`). A
 * question about a path related to one edited since the parse, and a problem to report (whose
 * line number must be today's), parse the text again first. Edits are checked against their
 * meaning on the plain value once, in result() (and at each re-parse), not once per edit.
 */
import type { JsonObject, JsonValue } from "../json.js";
import type { ChainLine } from "./markdown-line-chain.js";
import { LineChain } from "./markdown-line-chain.js";
import { splitLines } from "./markdown-lines.js";
import { stripBom, valueAt } from "./jsonc-parse.js";
import { appendTable, deleteLines, removeRun, replaceInline, replaceRuns, type ChainRange } from "./toml-chain-ops.js";
import type { TomlEdit } from "./toml-edit.js";
import type { TableForm } from "./toml-form.js";
import { indexToml, type TomlIndex } from "./toml-index.js";
import { classifyTable, editProblem, type TableClass } from "./toml-locate.js";
import { parseTomlTree, type AST } from "./toml-parse.js";
import { jsonOfProgram } from "./toml-value.js";
import { meansEdits } from "./toml-value-edit.js";

/** One parse of the text and what it takes to find its lines in the chain. */
interface Parsed {
  index: TomlIndex;
  value: JsonObject;
  /** The lines of the parsed text in order, and the offset each starts at. */
  lines: ChainLine[];
  starts: number[];
  /** Per item of the index, the next and previous item still in the file (-1 for none). */
  next: number[];
  prev: number[];
}

export class TomlEditSession {
  private readonly bom: string;
  private readonly chain: LineChain;
  private parsed: Parsed | undefined;
  /** Edits since the last parse, and the key of each edited path and of its ancestors. */
  private edits: TomlEdit[] = [];
  private readonly edited = new Set<string>();
  private readonly editedAncestors = new Set<string>();

  /** `text` must be valid TOML (check with parseToml first), as for applyTomlEdits. */
  constructor(text: string) {
    const { bom, body } = stripBom(text);
    this.bom = bom;
    this.chain = new LineChain(splitLines(body));
  }

  /** tableEditProblem(text so far, path, op). */
  problem(path: readonly string[], op: "set-table" | "remove-table"): string | undefined {
    if (editProblem(this.classify(path), op) === undefined) return undefined;
    if (this.edits.length > 0) this.reparse();
    return editProblem(this.classify(path), op);
  }

  /** tableForm(text so far, path). */
  form(path: readonly string[]): TableForm {
    return this.classify(path).form;
  }

  /** The value at `path` of parseToml(text so far). */
  valueAt(path: readonly string[]): JsonValue | undefined {
    return valueAt(this.parsedFor(path).value, path);
  }

  /** One edit, as applyTomlEdits(text so far, [edit]) makes it; one it cannot make is the caller's bug. */
  apply(edit: TomlEdit): void {
    const found = this.classify(edit.path);
    const problem = editProblem(found, edit.op);
    if (problem !== undefined) throw new Error(`bug: ${problem}`);
    if (found.form === "header") {
      const runs = this.runsOf(found.tables);
      if (edit.op === "set-table") replaceRuns(this.chain, runs, edit.path, edit.value);
      else runs.forEach((run) => removeRun(this.chain, run));
      // The new lines stand where the first table was: it stays as the "foreign" table there.
      found.tables.slice(edit.op === "set-table" ? 1 : 0).forEach((i) => this.drop(i));
    } else if (found.form === "inline") {
      const kv = this.linesOf(found.keyValue.range);
      if (edit.op === "remove-table") deleteLines(this.chain, kv);
      else {
        const start = this.parse().starts[this.lineIndexAt(found.keyValue.range[0])]!;
        replaceInline(this.chain, kv, found.table.range[0] - start, found.table.range[1] - start, edit.value);
      }
    } else if (edit.op === "set-table") {
      appendTable(this.chain, edit.path, edit.value);
    }
    this.edits.push(edit);
    this.edited.add(keyOf(edit.path));
    for (let n = 1; n < edit.path.length; n++) this.editedAncestors.add(keyOf(edit.path.slice(0, n)));
  }

  /** The edited text, checked against what the edits mean on the plain value. */
  result(): string {
    if (this.edits.length > 0) this.check();
    return this.bom + this.chain.text();
  }

  private classify(path: readonly string[]): TableClass {
    const parsed = this.parsedFor(path);
    return classifyTable(parsed.index, parsed.value, path);
  }

  /** A parse that answers right about `path`: the last one, unless a relative of `path` was edited since. */
  private parsedFor(path: readonly string[]): Parsed {
    if (this.related(path)) this.reparse();
    return this.parse();
  }

  /** Edited since the last parse: `path`, one of its ancestors or one of its descendants. */
  private related(path: readonly string[]): boolean {
    if (this.edits.length === 0) return false;
    if (this.editedAncestors.has(keyOf(path))) return true;
    for (let n = 1; n <= path.length; n++) if (this.edited.has(keyOf(path.slice(0, n)))) return true;
    return false;
  }

  private parse(): Parsed {
    if (this.parsed === undefined) {
      const program = parseTomlTree(this.chain.text());
      this.parsed = indexChain(this.chain, program, jsonOfProgram(program));
    }
    return this.parsed;
  }

  /** Parses the text again, after checking it. */
  private reparse(): void {
    const { program, value } = this.check();
    this.parsed = indexChain(this.chain, program, value);
    this.edits = [];
    this.edited.clear();
    this.editedAncestors.clear();
  }

  /** The text parsed, once checked to mean what the edits since the last parse say. */
  private check(): { program: AST.TOMLProgram; value: JsonObject } {
    const program = parseTomlTree(this.chain.text());
    const value = jsonOfProgram(program);
    if (!meansEdits(value, this.parse().value, this.edits)) {
      throw new Error(`bug: TOML edits (${this.edits.map((e) => `${e.op} at ${JSON.stringify(e.path)}`).join(", ")}) produced a wrong document`);
    }
    return { program, value };
  }

  /** The runs of consecutive tables among `tables`: consecutive once no table between them is left. */
  private runsOf(tables: readonly number[]): ChainRange[] {
    const { next } = this.parse();
    const runs: ChainRange[] = [];
    tables.forEach((i, n) => {
      const lines = this.linesOf(this.parse().index.items[i]!.range);
      if (n > 0 && next[tables[n - 1]!] === i) runs[runs.length - 1]!.last = lines.last;
      else runs.push(lines);
    });
    return runs;
  }

  private drop(i: number): void {
    const { next, prev } = this.parse();
    const [p, n] = [prev[i]!, next[i]!];
    if (p >= 0) next[p] = n;
    if (n >= 0) prev[n] = p;
  }

  /** The whole lines holding [from, to) of the parsed text (toml-lines.ts linesOf). */
  private linesOf([from, to]: readonly [number, number]): ChainRange {
    return { first: this.lineAt(from), last: this.lineAt(Math.max(from, to - 1)) };
  }

  private lineAt(offset: number): ChainLine {
    return this.parse().lines[this.lineIndexAt(offset)]!;
  }

  /** Which line of the parsed text holds `offset`. */
  private lineIndexAt(offset: number): number {
    const { starts } = this.parse();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function indexChain(chain: LineChain, program: AST.TOMLProgram, value: JsonObject): Parsed {
  const index = indexToml(program);
  const lines: ChainLine[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (let line = chain.head; line !== undefined; line = line.next) {
    lines.push(line);
    starts.push(offset);
    offset += line.text.length + line.eol.length;
  }
  const n = index.items.length;
  return { index, value, lines, starts, next: index.items.map((_, i) => (i + 1 < n ? i + 1 : -1)), prev: index.items.map((_, i) => i - 1) };
}

/** Paths as set members. */
function keyOf(path: readonly string[]): string {
  return JSON.stringify(path);
}
