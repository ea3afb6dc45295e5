/**
 * Whole files outside the project: entries of the user cache (downloaded tarballs) and archives
 * the user points at. Writes are atomic (temp file + rename in the same folder), so a reader
 * never sees half a file and two runs filling the same entry do not corrupt it.
 */
import { readFile, stat } from "node:fs/promises";
import { atomicWrite } from "./atomic-write.js";

export type ReadFileResult =
  | { ok: true; bytes: Uint8Array }
  /** `missing`: nothing there, or not a regular file (a folder). Otherwise `reason` is the OS error. */
  | { ok: false; missing: true }
  | { ok: false; missing: false; reason: string; tooLarge?: true };

/**
 * Read a whole file by absolute path. `maxBytes` guards memory: a larger file is not read. Never
 * throws for the file system's answers (missing, a folder, no permission).
 */
export async function readWholeFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<ReadFileResult> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return { ok: false, missing: true };
    if (st.size > maxBytes) return { ok: false, missing: false, tooLarge: true, reason: `it is larger than ${maxBytes} bytes` };
    const buf = await readFile(path);
    if (buf.byteLength > maxBytes) return { ok: false, missing: false, tooLarge: true, reason: `it is larger than ${maxBytes} bytes` };
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, missing: true };
    return { ok: false, missing: false, reason: (e as Error)?.message ?? String(e) };
  }
}

/** A cached file's bytes, or undefined when it is not there or cannot be read (a cache miss). */
export async function readCacheFile(path: string, maxBytes?: number): Promise<Uint8Array | undefined> {
  const r = await readWholeFile(path, maxBytes);
  return r.ok ? r.bytes : undefined;
}

/** Store a cache entry atomically, creating its folders. Throws on file system errors. */
export async function writeCacheFile(path: string, bytes: Uint8Array): Promise<void> {
  await atomicWrite(path, bytes, 0o644);
}
