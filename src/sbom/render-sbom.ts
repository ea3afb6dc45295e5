/** An SBOM of the lock as the text `packs sbom` prints: JSON, two-space indent, final newline. */
import type { Lock } from "../lockfile/lock-model.js";
import { toCycloneDx } from "./cyclonedx.js";
import type { SbomFormat, SbomMeta } from "./sbom-meta.js";
import { toSpdx } from "./spdx.js";

export function renderSbom(lock: Lock, format: "cyclonedx", meta: SbomMeta): string;
export function renderSbom(lock: Lock, format: SbomFormat, meta: SbomMeta & { created: string }): string;
export function renderSbom(lock: Lock, format: SbomFormat, meta: SbomMeta & { created?: string }): string {
  switch (format) {
    case "cyclonedx":
      return JSON.stringify(toCycloneDx(lock, meta), null, 2) + "\n";
    case "spdx":
      if (meta.created === undefined) throw new Error("bug: an SPDX document needs its creation time");
      return JSON.stringify(toSpdx(lock, { ...meta, created: meta.created }), null, 2) + "\n";
  }
}
