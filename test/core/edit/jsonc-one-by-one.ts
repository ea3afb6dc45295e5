/**
 * The reference for batched editing: every edit applied on its own with the per-edit text
 * functions (each re-parses the whole text), as JsoncEditSession did before it gathered
 * insertions. The batched session must give exactly this text.
 */
import type { JsoncEdit } from "../../../src/core/edit/jsonc-edit.js";
import { stripBom } from "../../../src/core/edit/jsonc-parse.js";
import { appendAt, removeAt, removeElementAt, replaceElementAt, setAt } from "../../../src/core/edit/jsonc-path-ops.js";
import { detectStyle } from "../../../src/core/edit/jsonc-style.js";

export function editOneByOne(text: string, edits: readonly JsoncEdit[]): string {
  const { bom, body } = stripBom(text);
  const style = detectStyle(body);
  let out = body;
  for (const e of edits) {
    switch (e.op) {
      case "set":
        out = setAt(out, e.path, e.value, style);
        break;
      case "remove":
        out = removeAt(out, e.path);
        break;
      case "append":
        out = appendAt(out, e.path, e.value, style);
        break;
      case "remove-element":
        out = removeElementAt(out, e.path, e.index);
        break;
      case "replace-element":
        out = replaceElementAt(out, e.path, e.index, e.value, style);
        break;
    }
  }
  return bom + out;
}
