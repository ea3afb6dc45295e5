/** What building one shared file from its item decisions gives the planner, whatever the format. */
import type { Diagnostic } from "./diagnostics.js";
import type { PatchOperation } from "./plan-model.js";

export interface FileBuildResult {
  /** New text; null deletes the file; undefined leaves it as it is. */
  after: string | null | undefined;
  /** Containers (the file itself, JSON objects and arrays) packs creates now. */
  createdNow: string[];
  /** Containers packs created before that this build removes. */
  removed: string[];
  /** Per item id, the operations it adds (for review and views). */
  patches: Map<string, PatchOperation[]>;
  diagnostics: Diagnostic[];
}

export function emptyResult(): FileBuildResult {
  return { after: undefined, createdNow: [], removed: [], patches: new Map(), diagnostics: [] };
}
