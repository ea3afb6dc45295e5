/**
 * Inserting a member or element at the end of a container without disturbing any other byte:
 * the new item goes on its own line after the last item's line (after that item's trailing
 * comment, which stays with it), or inline when the container sits on one line. A file that uses
 * trailing commas gets one after the new item too; a file that does not, does not.
 */
import type { Edit, Node } from "jsonc-parser";
import type { JsonValue } from "../json.js";
import { renderInline, renderKey, renderPretty } from "./jsonc-render.js";
import type { JsoncStyle } from "./jsonc-style.js";
import { closeOf, endOf, itemsOf, wantsInline } from "./jsonc-tree.js";
import { findComma, hasLineBreak, lineIndentOf, nextTrivium, scanTail } from "./jsonc-trivia.js";

/** Edits appending `value` to `container`, as member `key` of an object or as an array element. */
export function insertItem(text: string, container: Node, key: string | undefined, value: JsonValue, style: JsoncStyle): Edit[] {
  const inline = wantsInline(text, container);
  const items = itemsOf(container);
  const colon = inline ? colonOf(text, items) : ": ";
  const render = (indent: string): string =>
    (key === undefined ? "" : renderKey(key) + colon) + (inline ? renderInline(value) : renderPretty(value, style, indent));
  const last = items[items.length - 1];
  if (last === undefined) return insertIntoEmpty(text, container, inline, render, style);

  const lastEnd = endOf(last);
  const tail = scanTail(text, lastEnd);
  const trailingComma = tail.comma ?? findComma(text, lastEnd);
  if (inline) {
    const sep = separatorOf(text, items);
    if (trailingComma !== undefined) return [insert(trailingComma + 1, sep.slice(1) + render("") + ",")];
    return [insert(lastEnd, sep + render(""))];
  }

  // A last item that starts on the opening bracket's line (`{"a": 1,\n}`) has no useful indentation.
  const onOpenLine = !hasLineBreak(text, container.offset, last.offset);
  const indent = onOpenLine ? lineIndentOf(text, container.offset) + style.indent : lineIndentOf(text, last.offset);
  const line = style.eol + indent + render(indent);
  if (trailingComma !== undefined) {
    return [insert(tail.comma !== undefined ? tail.end : trailingComma + 1, line + ",")];
  }
  // The separating comma goes right after the last item, before its trailing comment.
  if (tail.end === lastEnd) return [insert(lastEnd, "," + line)];
  return [insert(lastEnd, ","), insert(tail.end, line)];
}

function insertIntoEmpty(
  text: string,
  container: Node,
  inline: boolean,
  render: (indent: string) => string,
  style: JsoncStyle,
): Edit[] {
  const open = container.offset;
  const close = closeOf(container);
  const commentsEnd = lastCommentEnd(text, open + 1, close);
  if (inline) {
    if (commentsEnd === undefined) {
      return [replace(open + 1, close, container.type === "object" ? ` ${render("")} ` : render(""))];
    }
    return [insert(commentsEnd, " " + render(""))];
  }
  const closeIndent = lineIndentOf(text, open);
  const indent = closeIndent + style.indent;
  const line = style.eol + indent + render(indent);
  if (commentsEnd === undefined) return [replace(open + 1, close, line + style.eol + closeIndent)];
  // Comments inside (often commented-out examples) stay first; the new item follows them.
  if (hasLineBreak(text, commentsEnd, close)) return [insert(commentsEnd, line)];
  return [replace(commentsEnd, close, line + style.eol + closeIndent)];
}

/** End of the last comment in [from, to), which holds only trivia; undefined if none. */
function lastCommentEnd(text: string, from: number, to: number): number | undefined {
  let end: number | undefined;
  for (let pos = from; pos < to; ) {
    const t = nextTrivium(text, pos);
    if (t.kind === "line-comment" || t.kind === "block-comment") end = t.end;
    pos = t.end;
  }
  return end;
}

/** ", " unless the container's last separator is a bare "," (minified text). */
function separatorOf(text: string, items: Node[]): string {
  const a = items[items.length - 2];
  const b = items[items.length - 1];
  return a !== undefined && b !== undefined && text.slice(endOf(a), b.offset) === "," ? "," : ", ";
}

/** ":" when the container's last member is written `"k":v` (minified text), else ": ". */
function colonOf(text: string, items: Node[]): string {
  const [key, value] = items[items.length - 1]?.children ?? [];
  return key !== undefined && value !== undefined && text.slice(endOf(key), value.offset) === ":" ? ":" : ": ";
}

function insert(offset: number, content: string): Edit {
  return { offset, length: 0, content };
}

function replace(start: number, end: number, content: string): Edit {
  return { offset: start, length: end - start, content };
}
