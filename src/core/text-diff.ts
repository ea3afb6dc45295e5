/**
 * Unified diffs of text for the plan: what a file or a marked section becomes, so a reviewer
 * reads the change itself rather than a line count. Line endings and a BOM are not changes
 * (both sides are compared in canonical form, as drift is).
 */
import { structuredPatch } from "diff";
import { canonicalText } from "./file-content.js";

/** Lines of context around each change, as `diff -u` and git show. */
const CONTEXT_LINES = 3;

/**
 * The hunks of a unified diff (`@@ -a,b +c,d @@` headers, then lines starting with ` `, `-` or
 * `+`), without file headers; undefined when the texts are equal.
 */
export function unifiedDiff(before: string, after: string): string | undefined {
  const a = canonicalText(before);
  const b = canonicalText(after);
  if (a === b) return undefined;
  const { hunks } = structuredPatch("", "", a, b, "", "", { context: CONTEXT_LINES });
  return hunks
    .map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@\n${h.lines.filter((l) => !l.startsWith("\\")).join("\n")}\n`)
    .join("");
}
