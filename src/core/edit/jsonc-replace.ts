/**
 * Replacing one value's text in place. The key, the comma and any comments around the value are
 * untouched; the new value is multi-line at the depth of its line, or single-line when its
 * container sits on one line.
 */
import type { Edit, Node } from "jsonc-parser";
import type { JsonValue } from "../json.js";
import { renderInline, renderPretty } from "./jsonc-render.js";
import type { JsoncStyle } from "./jsonc-style.js";
import { enclosingContainer, isOneLine } from "./jsonc-tree.js";
import { lineIndentOf } from "./jsonc-trivia.js";

export function replaceValue(text: string, node: Node, value: JsonValue, style: JsoncStyle): Edit {
  const container = enclosingContainer(node);
  const inline = container !== undefined && isOneLine(text, container);
  const content = inline ? renderInline(value) : renderPretty(value, style, lineIndentOf(text, node.offset));
  return { offset: node.offset, length: node.length, content };
}
