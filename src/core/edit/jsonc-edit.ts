/**
 * Surgical edits of JSONC config files (opencode.jsonc, .vscode/mcp.json, ...). Only the bytes
 * an edit is about change: comments, key order, indentation, line endings, trailing-comma style
 * and the final newline of everything else are kept byte for byte. See jsonc-insert.ts and
 * jsonc-remove.ts for exactly where text goes and what goes with a removed item.
 */
import { jsonEqual, type JsonValue } from "../json.js";
import { jsonValueOfNode, parseJsonc, stripBom } from "./jsonc-parse.js";
import { insertTarget, type InsertTarget } from "./jsonc-insert-target.js";
import { appendAt, insertAllAt, removeAt, removeElementAt, replaceElementAt, setAt } from "./jsonc-path-ops.js";
import { detectStyle, type JsoncStyle } from "./jsonc-style.js";
import { parseStrict } from "./jsonc-tree.js";
import { applyEditInPlace, describePath } from "./jsonc-value-edit.js";

export { renderJson } from "./jsonc-render.js";

/** Paths are arrays of raw segments (not JSON pointers): "@scope/name" is one segment. */
export type JsoncEdit =
  /** Adds or replaces an object member; creates missing parent objects. */
  | { op: "set"; path: string[]; value: JsonValue }
  /** Removes an object member; a no-op when it is absent. */
  | { op: "remove"; path: string[] }
  /** Appends to the array at `path`; creates the array (and parents) when missing. */
  | { op: "append"; path: string[]; value: JsonValue }
  /** Removes one element of the array at `path`. */
  | { op: "remove-element"; path: string[]; index: number }
  /** Replaces one element of the array at `path` in place (objects member by member). */
  | { op: "replace-element"; path: string[]; index: number; value: JsonValue };

/**
 * Applies `edits` in order, each to the previous result, in the style of the original text.
 * `text` must be valid JSONC (check with parseJsonc and report errors first) and each edit must
 * be applicable (see applyEditToValue); anything else is a bug and throws. Every result is
 * re-parsed and compared with the edit applied to the plain value, so a formatting mistake can
 * never silently change what the file means.
 */
export function applyJsoncEdits(text: string, edits: readonly JsoncEdit[]): string {
  const session = new JsoncEditSession(text);
  for (const edit of edits) session.apply(edit);
  return session.result();
}

/**
 * Many edits to one text (a config file that gains hundreds of entries). The plain value follows
 * the edits in memory, changed in place, so a caller can read the document between edits without
 * parsing it again. Consecutive edits that only add items at the end of one container (new
 * members of one object, appends to one array: the bulk of a fresh apply) are held back and
 * written together with one parse (jsonc-insert-batch), giving the same text as one at a time;
 * every other edit parses the text once to find where it goes. The check that the text means
 * what the edits say (re-parse, compare) runs once, in result(). Per edit, each of these costs
 * made a file of N entries cost N² or worse.
 */
export class JsoncEditSession {
  private readonly bom: string;
  private readonly style: JsoncStyle;
  private body: string;
  private current: JsonValue;
  private readonly applied: JsoncEdit[] = [];
  /** Insertions into one container not yet written to `body`, in order. */
  private pending: { container: string[]; items: InsertTarget[] } | undefined;

  constructor(text: string) {
    const { bom, body } = stripBom(text);
    this.bom = bom;
    this.body = body;
    this.style = detectStyle(body);
    this.current = jsonValueOfNode(parseStrict(body));
  }

  /** The document as the edits so far make it; later edits change this same value in place. */
  get value(): JsonValue {
    return this.current;
  }

  /** The text so far, unchecked (for positions in diagnostics). */
  get text(): string {
    this.flush();
    return this.bom + this.body;
  }

  apply(edit: JsoncEdit): void {
    const insertion = insertTarget(this.current, edit);
    this.current = applyEditInPlace(this.current, edit);
    this.applied.push(edit);
    if (insertion !== undefined && this.pending !== undefined && samePath(this.pending.container, insertion.container)) {
      this.pending.items.push(insertion);
      return;
    }
    this.flush();
    if (insertion !== undefined) this.pending = { container: insertion.container, items: [insertion] };
    else this.body = applyOne(this.body, edit, this.style);
  }

  /** The edited text, re-parsed and compared with the value the edits describe. */
  result(): string {
    this.flush();
    if (this.applied.length > 0) {
      const check = parseJsonc(this.body);
      if (check.errors.length > 0 || !jsonEqual(check.value, this.current)) {
        throw new Error(`bug: JSONC edits (${this.applied.map((e) => `${e.op} at ${describePath(e.path)}`).join(", ")}) produced a wrong document`);
      }
    }
    return this.bom + this.body;
  }

  private flush(): void {
    if (this.pending === undefined) return;
    this.body = insertAllAt(this.body, this.pending.container, this.pending.items, this.style);
    this.pending = undefined;
  }
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((seg, i) => seg === b[i]);
}

function applyOne(text: string, edit: JsoncEdit, style: JsoncStyle): string {
  switch (edit.op) {
    case "set":
      return setAt(text, edit.path, edit.value, style);
    case "remove":
      return removeAt(text, edit.path);
    case "append":
      return appendAt(text, edit.path, edit.value, style);
    case "remove-element":
      return removeElementAt(text, edit.path, edit.index);
    case "replace-element":
      return replaceElementAt(text, edit.path, edit.index, edit.value, style);
  }
}
