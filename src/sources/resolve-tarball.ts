/**
 * `.tgz` sources: a packed pack on disk (npm pack's layout, `package/PACK.yaml`), relative to
 * the project root. The lock records the path as written and the archive's sha512; a file the
 * user replaced is a change to plan, not an error.
 */
import { resolve } from "node:path";
import type { SourcePin } from "../core/source-pin.js";
import { readWholeFile } from "../io/cache-files.js";
import { DEFAULT_HTTP_MAX_BYTES, formatBytes } from "../io/http.js";
import { matchesSri, sha512Sri } from "../io/integrity.js";
import type { ExtractOptions } from "../io/tarball.js";
import { readArchive } from "./archive-source.js";
import type { FetchOutcome, ResolveRequest, SourceContext } from "./source-context.js";

export interface TarballFetchOptions {
  /** The largest archive read. Default 100 MiB. */
  maxTarballBytes?: number;
  extract?: ExtractOptions;
}

/** Read a `.tgz` source. `req.entry.source` must be of kind "tarball" (anything else is a bug). */
export async function fetchTarball(req: ResolveRequest, ctx: SourceContext, opts: TarballFetchOptions = {}): Promise<FetchOutcome> {
  const { entry, locked } = req;
  const src = entry.source;
  if (src.kind !== "tarball") throw new Error(`bug: fetchTarball given a ${src.kind} source`);
  const fail = (code: string, summary: string, hint: string): FetchOutcome => ({
    diagnostics: [{ code, severity: "error", summary: `pack "${entry.key}": ${summary}`, location: entry.location, hint }],
  });

  const maxBytes = opts.maxTarballBytes ?? DEFAULT_HTTP_MAX_BYTES;
  const read = await readWholeFile(resolve(ctx.fs.root, src.path), maxBytes);
  if (!read.ok) {
    if (read.missing) return fail("source/not-found", `the archive ${src.path} does not exist (or is not a file)`, "Fix source: in packs.yaml (paths are relative to the project root), or create it with `npm pack` in the pack's folder.");
    if (read.tooLarge) return fail("source/archive-too-large", `the archive ${src.path} is larger than ${formatBytes(maxBytes)}, the most packs reads`, "A pack is a handful of text files; check that this is the right file.");
    return fail("source/read-failed", `cannot read ${src.path}: ${read.reason}`, "Check the file's permissions.");
  }
  const integrity = sha512Sri(read.bytes);
  const notes: string[] = [];
  if (locked?.tarball_integrity !== undefined && !matchesSri(read.bytes, locked.tarball_integrity)) {
    notes.push(`${src.path} changed since the lock`);
  }
  const archive = await readArchive(read.bytes, entry, src.path, opts.extract);
  if (!archive.tree) return { diagnostics: archive.diagnostics };
  const pin: SourcePin = { kind: "tarball", resolved: src.path, tarball_integrity: integrity };
  return { fetched: { displayRoot: src.path, tree: archive.tree, pin, notes }, diagnostics: archive.diagnostics };
}
