/**
 * Which file of a pack is its manifest. `PACK.yaml` is the name; `KIT.yaml` is the legacy name
 * (altimate-code before the rename, still used by the published data-engineering-skills repo),
 * read the same way.
 */
import type { PackFile } from "../core/pack-model.js";
import { fileLocation } from "./pack-context.js";
import type { DiagnosticSink } from "./pack-diagnostics.js";

export const MANIFEST = "PACK.yaml";
export const LEGACY_MANIFEST = "KIT.yaml";

export function chooseManifest(
  files: readonly PackFile[],
  symlinks: readonly string[],
  displayRoot: string,
  sink: DiagnosticSink,
): PackFile | undefined {
  const pack = files.find((f) => f.path === MANIFEST);
  const kit = files.find((f) => f.path === LEGACY_MANIFEST);
  const where = { displayRoot };
  if (pack && kit) {
    sink.warning("pack/both-manifests", `both ${MANIFEST} and ${LEGACY_MANIFEST} exist; ${MANIFEST} is used`, fileLocation(where, LEGACY_MANIFEST),
      `Delete ${LEGACY_MANIFEST}, after moving anything still needed into ${MANIFEST}.`);
    return pack;
  }
  if (pack) return pack;
  if (kit) {
    sink.info("pack/legacy-manifest", `${LEGACY_MANIFEST} is the legacy name of the pack manifest`, fileLocation(where, LEGACY_MANIFEST),
      `Rename ${LEGACY_MANIFEST} to ${MANIFEST}; the content stays the same.`);
    return kit;
  }
  const linked = symlinks.find((s) => s === MANIFEST || s === LEGACY_MANIFEST);
  sink.error("pack/no-manifest", `no ${MANIFEST} (or legacy ${LEGACY_MANIFEST}) at the top of the pack`, { file: displayRoot },
    linked
      ? `${linked} is a symlink, and symlinks are not followed: replace it with the file itself.`
      : `Add a ${MANIFEST} with at least "name:" and "description:", or point the source at the folder that has one.`);
  return undefined;
}
