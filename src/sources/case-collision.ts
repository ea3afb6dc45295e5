/**
 * Paths of a pack that differ only in case (`SKILL.md` and `skill.md`) are one file on macOS and
 * Windows: one copy would overwrite the other, and the project would show drift on every plan.
 * A warning for every kind of source (folder, git commit, archive).
 */
import type { Diagnostic, SourceLocation } from "../core/diagnostics.js";
import type { ReadTreeResult } from "../io/read-tree.js";
import { caseCollisions } from "../io/tarball.js";

export function caseCollisionWarnings(tree: ReadTreeResult, entry: { key: string; location?: SourceLocation }, label: string): Diagnostic[] {
  return caseCollisions([...tree.files.map((f) => f.path), ...tree.symlinks]).map((group) => ({
    code: "source/case-collision",
    severity: "warning" as const,
    summary: `pack "${entry.key}": ${label} holds paths that differ only in case: ${group.join(", ")}`,
    ...(entry.location && { location: entry.location }),
    hint: "On macOS and Windows these are one file, so one copy would overwrite the other. Ask the pack's publisher to rename one.",
  }));
}
