/**
 * The formatting conventions of an existing file, so that inserted text looks like the rest of
 * it: indentation unit, line ending and whether the file ends with a line break.
 */
import { parseTree, type Node } from "jsonc-parser";
import { PARSE_OPTIONS, stripBom } from "./jsonc-parse.js";
import { beginsLine, lineIndentOf } from "./jsonc-trivia.js";

export interface JsoncStyle {
  /** One level of indentation: "\t" or a run of spaces. */
  indent: string;
  eol: "\n" | "\r\n";
  finalNewline: boolean;
}

export const DEFAULT_STYLE: JsoncStyle = { indent: "  ", eol: "\n", finalNewline: true };

/**
 * Reads the style from the file. Indentation is voted on by the members and elements that begin
 * their line: each votes for (its indentation / its nesting depth), so one oddly indented line
 * or a comment does not decide. Tabs win when most indented lines start with a tab. A file with
 * no indented value lines (empty, minified) gets the defaults.
 */
export function detectStyle(text: string): JsoncStyle {
  const { body } = stripBom(text);
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const lf = (body.match(/\n/g) ?? []).length - crlf;
  return {
    indent: detectIndent(body),
    eol: crlf > lf ? "\r\n" : "\n",
    finalNewline: body.trim() === "" ? DEFAULT_STYLE.finalNewline : /\n$/.test(body),
  };
}

function detectIndent(text: string): string {
  const root = parseTree(text, [], PARSE_OPTIONS);
  if (root === undefined) return DEFAULT_STYLE.indent;
  let tabs = 0;
  let spaced = 0;
  const votes = new Map<number, number>();
  // `depth` is the nesting depth of the container's items: root members are at depth 1.
  const visit = (container: Node, depth: number): void => {
    for (const item of container.children ?? []) {
      if (beginsLine(text, item.offset)) {
        const indent = lineIndentOf(text, item.offset);
        if (indent.startsWith("\t")) tabs++;
        else if (indent.length > 0 && indent.length % depth === 0) {
          spaced++;
          const unit = indent.length / depth;
          votes.set(unit, (votes.get(unit) ?? 0) + 1);
        }
      }
      const value = item.type === "property" ? item.children?.[1] : item;
      if (value !== undefined && (value.type === "object" || value.type === "array")) visit(value, depth + 1);
    }
  };
  visit(root, 1);
  if (tabs > 0 && tabs >= spaced) return "\t";
  let best: [number, number] | undefined;
  for (const [unit, count] of votes) {
    if (unit > 8) continue;
    if (best === undefined || count > best[1] || (count === best[1] && unit < best[0])) best = [unit, count];
  }
  return best === undefined ? DEFAULT_STYLE.indent : " ".repeat(best[0]);
}
