/**
 * The project's files, addressed by POSIX paths relative to the project root. The only code
 * (with read-tree, atomic-write and project-lock) that touches node:fs. Every path is checked
 * to stay inside the root.
 */
import { readdirSync, readFileSync } from "node:fs";
import { lstat, mkdir, readdir, readFile, rmdir, unlink } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { FileContent } from "../core/file-content.js";
import type { LiveFile } from "../core/live.js";
import { atomicWrite, isAtomicTemp } from "./atomic-write.js";
import { contentHash, fileHashes, sha256Sri } from "./hash.js";

export class ProjectFs {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a project-relative path; throws (a bug upstream) if it escapes the root. */
  abs(rel: string): string {
    const p = resolve(this.root, rel);
    const back = relative(this.root, p);
    if (escapes(back)) throw new Error(`bug: path escapes the project: ${rel}`);
    return p;
  }

  /** Project-relative POSIX form of an absolute path, or undefined when outside the root. */
  rel(abs: string): string | undefined {
    const back = relative(this.root, resolve(abs));
    if (escapes(back)) return undefined;
    return back.split(sep).join("/");
  }

  async readText(rel: string): Promise<string | undefined> {
    try {
      return readFileSync(this.abs(rel), "utf8"); // synchronous: see sync-reads.ts
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /**
   * A file as the planner sees it: existence, text, canonical hash and exact-bytes hash.
   * `keepText` is asked with the canonical hash whether the text is wanted at all; a file read
   * for its hash alone is never decoded into a string (memory and time, thousands of files).
   */
  async observe(rel: string, keepText?: (hash: string) => boolean): Promise<LiveFile> {
    return this.observeNow(rel, keepText);
  }

  /** observe, synchronously (see sync-reads.ts): for callers reading many files in batches. */
  observeNow(rel: string, keepText?: (hash: string) => boolean): LiveFile {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.abs(rel));
    } catch (e) {
      if (isNotFound(e) || isNotDir(e)) return { exists: false };
      throw e;
    }
    if (keepText) {
      const { hash, raw, utf8 } = fileHashes(bytes);
      if (!utf8 || !keepText(hash)) return { exists: true, hash, raw };
      // Valid UTF-8 (fileHashes checked), so decoding is exact; a BOM stays in the text, as contentHash keeps it.
      return { exists: true, hash, raw, text: bytes.toString("utf8") };
    }
    const { content, hash } = contentHash(bytes);
    return { exists: true, hash, raw: sha256Sri(bytes), ...(content.encoding === "utf8" && { text: content.text }) };
  }

  /** sha256 SRI of the exact bytes, or null when the file does not exist. */
  async rawHash(rel: string): Promise<string | null> {
    try {
      return sha256Sri(await readFile(this.abs(rel)));
    } catch (e) {
      if (isNotFound(e) || isNotDir(e)) return null;
      throw e;
    }
  }

  /**
   * Entry names of a folder, or null when it does not exist (or is not a folder). Temp files a
   * killed write left behind are not listed: they are packs' debris, not the user's content.
   */
  async list(rel: string): Promise<string[] | null> {
    return this.listNow(rel);
  }

  /** list, synchronously (see sync-reads.ts). */
  listNow(rel: string): string[] | null {
    try {
      return readdirSync(this.abs(rel)).filter((n) => !isAtomicTemp(n)).sort();
    } catch (e) {
      if (isNotFound(e) || isNotDir(e)) return null;
      throw e;
    }
  }

  /** True when anything (file or folder) is at the path. */
  async exists(rel: string): Promise<boolean> {
    try {
      await lstat(this.abs(rel));
      return true;
    } catch (e) {
      if (isNotFound(e) || isNotDir(e)) return false;
      throw e;
    }
  }

  async isDir(rel: string): Promise<boolean> {
    return isDirectory(this.abs(rel));
  }

  /** Write atomically; `executable` makes it 0755, otherwise an existing file keeps its mode. */
  async write(rel: string, content: FileContent, executable = false): Promise<void> {
    const bytes = content.encoding === "utf8" ? Buffer.from(content.text, "utf8") : Buffer.from(content.data, "base64");
    await atomicWrite(this.abs(rel), bytes, executable ? 0o755 : undefined);
  }

  async remove(rel: string): Promise<void> {
    try {
      await unlink(this.abs(rel));
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** Delete the temp files killed writes left in a folder (call it holding the project lock). */
  async sweepTemps(rel: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.abs(rel));
    } catch (e) {
      if (isNotFound(e) || isNotDir(e)) return;
      throw e;
    }
    for (const n of names) if (isAtomicTemp(n)) await unlink(this.abs(`${rel}/${n}`)).catch(() => undefined);
  }

  async mkdir(rel: string): Promise<void> {
    await mkdir(this.abs(rel), { recursive: true });
  }

  /** Remove a folder only if it is empty; a folder someone put a file in since stays. */
  async rmdirIfEmpty(rel: string): Promise<boolean> {
    try {
      await rmdir(this.abs(rel));
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST" || isNotFound(e)) return false;
      throw e;
    }
  }
}

/** True when a path relative to the root leaves it; `..x` (a file named so) stays inside. */
function escapes(back: string): boolean {
  return back === ".." || back.startsWith(`..${sep}`) || isAbsolute(back);
}

/** True for a real folder (not a symlink to one). */
export async function isDirectory(abs: string): Promise<boolean> {
  try {
    return (await lstat(abs)).isDirectory();
  } catch (e) {
    if (isNotFound(e) || isNotDir(e)) return false;
    throw e;
  }
}

export function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === "ENOENT";
}

function isNotDir(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === "ENOTDIR";
}

/** Read a file given by the user on the command line (a plan file), relative to `cwd`. */
export async function readUserFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** Write a file given by the user on the command line, atomically. */
export async function writeUserFile(path: string, text: string): Promise<void> {
  await atomicWrite(resolve(path), Buffer.from(text, "utf8"));
}
