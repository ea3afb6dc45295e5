/**
 * Read a directory tree into memory, for loaders that must stay pure (src/packs). Symlinks are
 * never followed: a pack must not reach outside its own folder. Limits keep a mistaken root
 * (a home directory) from exhausting memory. File system errors (missing root, permissions)
 * throw: they are the caller's to turn into diagnostics.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { turnTaker } from "./sync-reads.js";
import { join } from "node:path";

export interface TreeEntry {
  /** POSIX path relative to the root. */
  path: string;
  bytes: Uint8Array;
  /** True when any execute bit is set (skill scripts must stay runnable). */
  executable: boolean;
}

export interface ReadTreeResult {
  /** Regular files, sorted by path (code-unit order). */
  files: TreeEntry[];
  /** Symlinks found (files or directories), not followed, sorted. */
  symlinks: string[];
  /** Files larger than `maxFileBytes`, not read, sorted. */
  tooLarge: string[];
  /** True when the tree held more than `maxFiles` files; `files` then holds only the first ones found. */
  truncated: boolean;
  /** True when the files together are larger than `maxTotalBytes`; `files` then holds only the first ones found. */
  totalTooLarge?: boolean;
}

interface ToRead {
  path: string;
  executable: boolean;
}

export interface ReadTreeOptions {
  maxFileBytes?: number;
  maxFiles?: number;
  maxTotalBytes?: number;
  /**
   * Called with the relative path of every file and directory (directories without a trailing
   * slash); returning true skips it, and for a directory everything below it.
   */
  ignore?: (relPath: string) => boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 10_000;
/** All the files of a pack together: what one run holds in memory per pack stays bounded. */
export const DEFAULT_MAX_TOTAL_BYTES = 100 * 1024 * 1024;
/** Directories never read: version-control data and installed dependencies are not pack content. */
/** Folders never read as part of a pack, wherever the pack comes from. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([".git", "node_modules"]);

export async function readTree(root: string, opts: ReadTreeOptions = {}): Promise<ReadTreeResult> {
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const maxTotalBytes = opts.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  let totalBytes = 0;
  let totalTooLarge = false as boolean;
  const ignore = opts.ignore ?? (() => false);
  const toRead: ToRead[] = [];
  const symlinks: string[] = [];
  const tooLarge: string[] = [];
  let truncated = false;

  // Synchronous reads, a turn of the event loop every few hundred (see sync-reads.ts).
  const turn = turnTaker();
  async function walk(rel: string): Promise<void> {
    const entries = readdirSync(rel === "" ? root : join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      if (truncated || totalTooLarge) return;
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (ignore(path)) continue;
      if (entry.isSymbolicLink()) {
        symlinks.push(path);
      } else if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(path);
      } else if (entry.isFile()) {
        if (toRead.length + tooLarge.length >= maxFiles) {
          truncated = true;
          return;
        }
        const stat = lstatSync(join(root, path));
        await turn();
        if (stat.size > maxFileBytes) tooLarge.push(path);
        else if ((totalBytes += stat.size) > maxTotalBytes) {
          totalTooLarge = true;
          return;
        } else toRead.push({ path, executable: (stat.mode & 0o111) !== 0 });
      }
      // Sockets, FIFOs and devices are not content: skipped.
    }
  }

  await walk("");
  const files = await readAll(root, toRead, maxFileBytes, tooLarge, turn);
  files.sort((a, b) => compare(a.path, b.path));
  symlinks.sort(compare);
  tooLarge.sort(compare);
  return { files, symlinks, tooLarge, truncated, ...(totalTooLarge && { totalTooLarge }) };
}

async function readAll(root: string, paths: ToRead[], maxFileBytes: number, tooLarge: string[], turn: () => Promise<void> | undefined): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  for (const { path, executable } of paths) {
    const bytes = readFileSync(join(root, path));
    // The file may have grown since it was measured.
    if (bytes.byteLength > maxFileBytes) tooLarge.push(path);
    else out.push({ path, executable, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    await turn();
  }
  return out;
}

/** Code-unit order: the same on every platform and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
