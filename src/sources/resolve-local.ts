/**
 * Local sources: a folder in (or beside) the project, read as it is now. The lock records the
 * path; its tree integrity hash says what was there.
 */
import { resolve } from "node:path";
import type { PackEntry } from "../config/project-config.js";
import { isDirectory } from "../io/project-fs.js";
import { readTree } from "../io/read-tree.js";
import type { FetchOutcome, SourceContext } from "./source-context.js";
import { caseCollisionWarnings } from "./case-collision.js";

export async function fetchLocal(entry: PackEntry & { source: { kind: "local" } }, ctx: SourceContext): Promise<FetchOutcome> {
  const { fs } = ctx;
  const abs = resolve(fs.root, entry.source.path);
  if (!(await isDirectory(abs))) {
    return {
      diagnostics: [{
        code: "source/not-found",
        severity: "error",
        summary: `pack "${entry.key}": the folder ${entry.source.path} does not exist`,
        location: entry.location,
        hint: `Create it with a PACK.yaml inside, or fix source: in packs.yaml (paths are relative to the project root).`,
      }],
    };
  }
  const tree = await readTree(abs);
  const displayRoot = fs.rel(abs) ?? abs;
  return { fetched: { displayRoot, tree, pin: { kind: "local", resolved: entry.source.path }, notes: [] }, diagnostics: caseCollisionWarnings(tree, entry, displayRoot) };
}
