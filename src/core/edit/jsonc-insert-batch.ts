/**
 * Adding many items to the end of one container at once, with exactly the text that adding them
 * one by one (insertItem, re-parsing the whole text each time) gives, at a cost linear in what is
 * added instead of quadratic.
 *
 * How: the first item goes in through insertItem on the real text, since an empty container
 * looks at the container around it and the line it sits on. From then on each insertItem call
 * runs on a small stand-in, the window: the opening bracket, then the container's last two items
 * and everything after them up to the closing bracket. What came between the bracket and those
 * items is set aside verbatim; new text only ever goes after the last item, so it never changes.
 * Of a non-empty container insertItem reads the last item, its tail (comma, comments) up to the
 * closing bracket, the separator and colon of the last two items (one-line containers), whether
 * the container holds a line break and whether one precedes the last item, and that item's line
 * indentation. The window keeps all of these: after the first insertion a multi-line container
 * has a line break right before its last item (insertItem puts every new item on its own line
 * there), and a one-line container has none anywhere.
 */
import { applyEdits, type Edit, type Node } from "jsonc-parser";
import { insertItem } from "./jsonc-insert.js";
import type { NewItem } from "./jsonc-insert-target.js";
import type { JsoncStyle } from "./jsonc-style.js";
import { endOf, itemsOf, parseStrict } from "./jsonc-tree.js";

/** Edits adding `items`, in order, at the end of `container` (an object for keyed items, else an array). */
export function insertItems(text: string, container: Node, items: readonly NewItem[], style: JsoncStyle): Edit[] {
  const [first, ...rest] = items;
  if (first === undefined) return [];
  const firstEdits = insertItem(text, container, first.key, first.value, style);
  if (rest.length === 0) return firstEdits;

  const start = container.offset;
  const end = endOf(container);
  const local = firstEdits.map((e) => {
    if (e.offset <= start || e.offset + e.length >= end) throw new Error("bug: an insertion outside its container");
    return { ...e, offset: e.offset - start };
  });
  let window = applyEdits(text.slice(start, end), local);
  const setAside: string[] = [];
  for (const item of rest) {
    const root = parseStrict(window);
    const last = itemsOf(root).at(-1);
    if (last === undefined) throw new Error("bug: a container is empty after an insertion");
    const grown = applyEdits(window, insertItem(window, root, item.key, item.value, style));
    // `last` becomes the second to last item: keep it and what follows, set aside what precedes it.
    setAside.push(grown.slice(1, last.offset));
    window = grown.slice(0, 1) + grown.slice(last.offset);
  }
  return [{ offset: start, length: end - start, content: window.slice(0, 1) + setAside.join("") + window.slice(1) }];
}
