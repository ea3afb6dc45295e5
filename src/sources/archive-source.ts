/**
 * What npm and `.tgz` sources share: reading an archive's bytes into a tree, with the archive's
 * problems as diagnostics.
 */
import type { PackEntry } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { formatBytes } from "../io/http.js";
import type { ReadTreeResult } from "../io/read-tree.js";
import { caseCollisionWarnings } from "./case-collision.js";
import { DEFAULT_MAX_UNPACKED_BYTES, extractTgz, type ExtractOptions } from "../io/tarball.js";

/** `label`: the archive as the user knows it (`npm:@acme/x@1.2.3`, `./vendor/x.tgz`). */
export async function readArchive(bytes: Uint8Array, entry: PackEntry, label: string, opts: ExtractOptions = {}): Promise<{ tree?: ReadTreeResult; diagnostics: Diagnostic[] }> {
  const location = entry.location;
  const pack = `pack "${entry.key}"`;
  const r = await extractTgz(bytes, opts);
  if (!r.ok) {
    const p = r.problem;
    if (p.kind === "unsafe") {
      return {
        diagnostics: [{
          code: "source/unsafe-archive",
          severity: "error",
          summary: `${pack}: ${label} holds an unsafe entry ${JSON.stringify(p.entry)}: ${p.reason}`,
          location,
          hint: "packs never extracts archives with absolute paths, `..` segments, backslashes, NUL bytes, devices or FIFOs. Do not use this archive; report it to its publisher.",
        }],
      };
    }
    if (p.kind === "too-large") {
      return {
        diagnostics: [{
          code: "source/archive-too-large",
          severity: "error",
          summary: `${pack}: ${label} inflates to more than ${formatBytes(opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES)}, the most packs unpacks`,
          location,
          hint: "A pack is a handful of text files; this archive is not one (or is a gzip bomb). Check the source.",
        }],
      };
    }
    return {
      diagnostics: [{
        code: "source/invalid-archive",
        severity: "error",
        summary: `${pack}: ${label} is not a usable pack archive: ${p.reason}`,
        location,
        hint: "A pack archive is a gzip'd tar holding one top folder with PACK.yaml in it, as `npm pack` makes (package/PACK.yaml).",
      }],
    };
  }
  const diagnostics = caseCollisionWarnings(r.tree, entry, label);
  return { tree: r.tree, diagnostics };
}
