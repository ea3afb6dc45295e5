/**
 * Removing one member or element surgically. What goes: the item, one comma, and the item's
 * same-line trailing comment; a line left empty by that goes entirely, so no blank line or
 * dangling comma remains. What stays: every other comment, including comment lines directly
 * above the item (they may be section headers or commented-out siblings, and losing a user's
 * comment is worse than keeping a stale one).
 *
 * Comma rule: the item's own comma goes with it; a last item without one takes the previous
 * item's comma instead, so a file without trailing commas does not grow one and a file with them
 * keeps them. A container left with nothing but white space collapses to `{}` / `[]`.
 */
import type { Edit, Node } from "jsonc-parser";
import { closeOf, endOf, itemsOf } from "./jsonc-tree.js";
import { findComma, isHorizontalSpace, isLineBreak, scanTail } from "./jsonc-trivia.js";

interface Span {
  start: number;
  end: number;
  /** The span contains the item itself, not only a comma. */
  hasItem: boolean;
  /** The span begins with the item (its comma, if any, follows it). */
  startsWithItem: boolean;
}

/** Edits removing item `index` (a property or an element) of `container`. */
export function removeItem(text: string, container: Node, index: number): Edit[] {
  const items = itemsOf(container);
  const item = items[index];
  if (item === undefined) throw new Error(`bug: no item ${index} to remove`);
  const tail = scanTail(text, endOf(item));
  const spans: Span[] = [{ start: item.offset, end: tail.end, hasItem: true, startsWithItem: true }];
  const ownComma = tail.comma ?? findComma(text, endOf(item));
  const previous = items[index - 1];
  if (tail.comma === undefined && ownComma !== undefined) {
    spans.push(commaSpan(ownComma)); // comma-first style: the comma sits on a later line
  } else if (ownComma === undefined && previous !== undefined) {
    const comma = findComma(text, endOf(previous));
    if (comma === undefined) throw new Error("bug: no comma between items in a valid document");
    spans.push(commaSpan(comma));
  }

  const deletions = mergeSpans(text, spans).map((span) => deletionFor(text, span));
  const open = container.offset + 1;
  const close = closeOf(container);
  if (onlyWhiteSpaceLeft(text, open, close, deletions)) return [{ offset: open, length: close - open, content: "" }];
  return deletions.map(([start, end]) => ({ offset: start, length: end - start, content: "" }));
}

function commaSpan(offset: number): Span {
  return { start: offset, end: offset + 1, hasItem: false, startsWithItem: false };
}

/** Sorts spans and joins those separated only by horizontal white space. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && onlyHorizontalSpace(text, prev.end, span.start)) {
      prev.end = span.end;
      prev.hasItem ||= span.hasItem;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/**
 * The range to delete for a span, white space included: a line left empty goes with its line
 * break; otherwise exactly one of the surrounding white space runs is kept, so neither
 * `{ "b": 2 }` nor `"a": 1 // c` ends up with doubled or trailing blanks.
 */
function deletionFor(text: string, span: Span): [number, number] {
  let left = span.start;
  while (left > 0 && isHorizontalSpace(text[left - 1])) left--;
  let right = span.end;
  while (right < text.length && isHorizontalSpace(text[right])) right++;
  const leftIsLineStart = left === 0 || isLineBreak(text[left - 1]);
  const rightIsLineEnd = right === text.length || isLineBreak(text[right]);
  if (leftIsLineStart && rightIsLineEnd) {
    if (right < text.length) return [left, right + (text.startsWith("\r\n", right) ? 2 : 1)];
    return [left, right];
  }
  if (leftIsLineStart) return [span.start, right]; // keep the indentation for what follows
  if (rightIsLineEnd) return [left, span.end]; // no trailing white space
  if (!span.hasItem) return [span.start, span.end];
  // Between two tokens: the blank after an item's comma separated it from the next item.
  return span.startsWithItem ? [span.start, right] : [left, span.end];
}

function onlyHorizontalSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHorizontalSpace(text[i])) return false;
  return true;
}

/** True when deleting `deletions` leaves only white space in [start, end). */
function onlyWhiteSpaceLeft(text: string, start: number, end: number, deletions: [number, number][]): boolean {
  for (let i = start; i < end; i++) {
    if (deletions.some(([s, e]) => i >= s && i < e)) continue;
    const ch = text[i];
    if (!isHorizontalSpace(ch) && !isLineBreak(ch)) return false;
  }
  return true;
}
