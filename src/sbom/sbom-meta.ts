/** What an SBOM needs besides the lock. Passed in: nothing below src/cli reads the clock. */
import type { Hasher } from "../core/live.js";

export const SBOM_FORMATS = ["cyclonedx", "spdx"] as const;
export type SbomFormat = (typeof SBOM_FORMATS)[number];

export interface SbomMeta {
  /** The project the lock belongs to (the CLI uses its folder's name). */
  projectName: string;
  /** The packs version making the document. */
  toolVersion: string;
  /** sha256 SRI of a text; seeds the document's deterministic serial number or namespace. */
  hash: Hasher;
}

export interface SpdxMeta extends SbomMeta {
  /**
   * When the document was created, `YYYY-MM-DDThh:mm:ssZ` (UTC). SPDX 2.3 requires it and means
   * a real time, so it is given by the caller (the CLI: SOURCE_DATE_EPOCH, else the clock).
   */
  created: string;
}

export const SPDX_CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
