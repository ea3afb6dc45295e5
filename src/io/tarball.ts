/**
 * Safe extraction of a `.tgz` (an npm package, a packed pack) into memory: nothing is written to
 * disk and nothing in the archive is trusted. The uncompressed size is capped (a gzip bomb stops
 * early), the tar format is parsed here (ustar, pax extended headers, GNU long names; 512-byte
 * blocks), and every entry's path is checked before it is used: no absolute paths, no `..`, no
 * backslashes, no NUL. Links are never followed (reported like read-tree reports symlinks);
 * devices and FIFOs make the archive unsafe. The single top folder (`package/` for npm) is
 * stripped, so the result reads like the pack's folder read by readTree, with the same limits.
 */
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES, type ReadTreeResult, type TreeEntry, SKIPPED_DIRS } from "./read-tree.js";

export const DEFAULT_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export interface ExtractOptions {
  /** The most bytes the archive may inflate to (the tar stream, headers included). Default 100 MiB. */
  maxUnpackedBytes?: number;
  /** Files larger than this are listed in `tooLarge`, not kept. Default: read-tree's (5 MiB). */
  maxFileBytes?: number;
  /** Past this many files the result is `truncated`. Default: read-tree's (10 000). */
  maxFiles?: number;
}

export type ArchiveProblem =
  /** An entry that must not be extracted; `entry` is its path as stored in the archive. */
  | { kind: "unsafe"; entry: string; reason: string }
  /** The archive inflates past `maxUnpackedBytes`. */
  | { kind: "too-large"; limitBytes: number }
  /** Not a gzip'd tar, damaged, or not laid out as one top folder. */
  | { kind: "invalid"; reason: string };

export type ExtractResult =
  | {
      ok: true;
      /** Paths relative to the top folder, sorted like readTree's. */
      tree: ReadTreeResult;
      /** Groups of paths (files and links) that differ only in case, each sorted; sorted. */
      caseCollisions: string[][];
    }
  | { ok: false; problem: ArchiveProblem };

const gunzipAsync = promisify(gunzip);

/** Inflate and read a `.tgz`. Never throws for what is in the archive. */
export async function extractTgz(gz: Uint8Array, opts: ExtractOptions = {}): Promise<ExtractResult> {
  const limitBytes = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  if (gz.byteLength < 2 || gz[0] !== 0x1f || gz[1] !== 0x8b) return { ok: false, problem: { kind: "invalid", reason: "it is not a gzip file" } };
  let tar: Buffer;
  try {
    tar = await gunzipAsync(gz, { maxOutputLength: limitBytes });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err?.code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) return { ok: false, problem: { kind: "too-large", limitBytes } };
    return { ok: false, problem: { kind: "invalid", reason: `it is not valid gzip data (${err?.message ?? String(e)})` } };
  }
  return extractTar(new Uint8Array(tar.buffer, tar.byteOffset, tar.byteLength), opts);
}

type Kept = { kind: "file"; entry: TreeEntry } | { kind: "link" } | { kind: "large" };

const BLOCK = 512;

/** Read an uncompressed tar stream. */
export function extractTar(tar: Uint8Array, opts: ExtractOptions = {}): ExtractResult {
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const invalid = (reason: string): ExtractResult => ({ ok: false, problem: { kind: "invalid", reason } });
  const unsafe = (entry: string, reason: string): ExtractResult => ({ ok: false, problem: { kind: "unsafe", entry, reason } });

  const kept = new Map<string, Kept>();
  let fileCount = 0;
  let truncated = false;
  let top: string | undefined;
  let pax: Record<string, string> = {};
  let gnuName: string | undefined;
  let off = 0;

  for (;;) {
    if (off === tar.byteLength) break; // no end-of-archive blocks: accepted, as tar does
    if (off + BLOCK > tar.byteLength) return invalid("the tar data is truncated");
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break; // end of archive
    if (!checksumOk(h)) return invalid(`a tar header at byte ${off} is damaged (bad checksum)`);

    const type = h[156] === 0 ? "0" : String.fromCharCode(h[156]!);
    const isMeta = type === "x" || type === "g" || type === "L" || type === "K";
    let size = parseNumeric(h, 124, 12);
    if (size === undefined) return invalid(`a tar header at byte ${off} has an unreadable size`);
    if (!isMeta && pax.size !== undefined) {
      if (!/^\d+$/.test(pax.size) || !Number.isSafeInteger(Number(pax.size))) return invalid(`a pax header at byte ${off} has an unreadable size`);
      size = Number(pax.size);
    }
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.byteLength) return invalid("the tar data is truncated");
    const data = tar.subarray(dataStart, dataEnd);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === "x") {
      const parsed = parsePax(data);
      if (!parsed) return invalid(`a pax extended header at byte ${dataStart - BLOCK} is malformed`);
      pax = { ...pax, ...parsed };
      continue;
    }
    if (type === "g") continue; // global pax header: comments (git archive's commit id), nothing per entry
    if (type === "L") {
      gnuName = cString(data);
      continue;
    }
    if (type === "K") continue; // GNU long link name: links are only reported, their targets unused

    const rawPath = pax.path ?? gnuName ?? ustarName(h);
    pax = {};
    gnuName = undefined;

    const problem = pathProblem(rawPath);
    if (problem) return unsafe(rawPath, problem);
    if (type === "3" || type === "4") return unsafe(rawPath, "it is a device file");
    if (type === "6") return unsafe(rawPath, "it is a FIFO");
    if (type !== "0" && type !== "7" && type !== "1" && type !== "2" && type !== "5") return unsafe(rawPath, `its entry type ${JSON.stringify(type)} is not a file, folder or link`);
    const segments = rawPath.split("/").filter((s) => s !== "" && s !== ".");
    if (segments.length === 0) {
      if (type === "5") continue; // "./"
      return invalid(`entry ${JSON.stringify(rawPath)} has no name`);
    }
    if (top === undefined) top = segments[0];
    else if (segments[0] !== top) return invalid(`it holds more than one top folder (${JSON.stringify(top)} and ${JSON.stringify(segments[0])}); a packed pack is one folder, like npm's package/`);
    const rest = segments.slice(1);
    const path = rest.join("/");

    if (type === "5") continue;
    if (rest.length === 0) return invalid(`entry ${JSON.stringify(rawPath)} is not inside the top folder; a packed pack is one folder, like npm's package/`);
    if (rest.slice(0, -1).some((s) => SKIPPED_DIRS.has(s))) continue;

    if (type === "1" || type === "2") {
      // Hard links and symlinks are never followed: a pack must not reach outside its folder.
      kept.set(path, { kind: "link" });
      continue;
    }
    const previous = kept.get(path);
    const replacing = previous !== undefined && previous.kind !== "link";
    if (!replacing && fileCount >= maxFiles) {
      truncated = true;
      break;
    }
    if (!replacing) fileCount++;
    if (size > maxFileBytes) {
      kept.set(path, { kind: "large" });
    } else {
      const mode = parseNumeric(h, 100, 8);
      if (mode === undefined) return invalid(`entry ${JSON.stringify(rawPath)} has an unreadable mode`);
      // A copy: the entry must not keep the whole inflated archive alive.
      kept.set(path, { kind: "file", entry: { path, bytes: data.slice(), executable: (mode & 0o111) !== 0 } });
    }
  }

  // A later entry replaces an earlier one of the same path (tar's rule); a path that is both a
  // file and a folder cannot be laid out on disk.
  for (const path of kept.keys()) {
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
      const parent = path.slice(0, i);
      if (kept.has(parent)) return invalid(`${JSON.stringify(parent)} is both a file and a folder in it`);
    }
  }

  const files: TreeEntry[] = [];
  const symlinks: string[] = [];
  const tooLarge: string[] = [];
  for (const [path, k] of kept) {
    if (k.kind === "file") files.push(k.entry);
    else if (k.kind === "link") symlinks.push(path);
    else tooLarge.push(path);
  }
  files.sort((a, b) => compare(a.path, b.path));
  symlinks.sort(compare);
  tooLarge.sort(compare);
  return { ok: true, tree: { files, symlinks, tooLarge, truncated }, caseCollisions: caseCollisions([...kept.keys()]) };
}

/** Why an entry's path is unsafe, or undefined when it is fine. */
function pathProblem(p: string): string | undefined {
  if (p.includes("\0")) return "its path contains a NUL byte";
  if (p.includes("\\")) return "its path contains a backslash";
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p)) return "its path is absolute";
  if (p.split("/").includes("..")) return "its path contains a `..` segment";
  return undefined;
}

/** Groups of paths that name one file on a case-insensitive file system (macOS, Windows). */
export function caseCollisions(paths: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const key = p.normalize("NFC").toLowerCase();
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(compare))
    .sort((a, b) => compare(a[0]!, b[0]!));
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** A NUL-padded string field: trailing NULs dropped, so a NUL inside the name stays visible. */
function cString(bytes: Uint8Array): string {
  let end = bytes.byteLength;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return utf8.decode(bytes.subarray(0, end));
}

/** A fixed header field: ends at its first NUL. */
function field(h: Uint8Array, start: number, len: number): string {
  const bytes = h.subarray(start, start + len);
  const nul = bytes.indexOf(0);
  return utf8.decode(nul === -1 ? bytes : bytes.subarray(0, nul));
}

function ustarName(h: Uint8Array): string {
  const name = field(h, 0, 100);
  // POSIX ustar ("ustar\0") has a prefix field; GNU ("ustar  ") uses those bytes for other data.
  const posix = latin1.decode(h.subarray(257, 263)) === "ustar\0";
  const prefix = posix ? field(h, 345, 155) : "";
  return prefix === "" ? name : `${prefix}/${name}`;
}

/** An octal number field, or GNU base-256 (high bit set). Undefined when unreadable or negative. */
function parseNumeric(h: Uint8Array, start: number, len: number): number | undefined {
  const first = h[start]!;
  if (first & 0x80) {
    if (first === 0xff) return undefined; // negative
    let n = first & 0x7f;
    for (let i = 1; i < len; i++) n = n * 256 + h[start + i]!;
    return Number.isSafeInteger(n) ? n : undefined;
  }
  const text = latin1.decode(h.subarray(start, start + len)).replace(/\0.*$/s, "").trim();
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) return undefined;
  const n = parseInt(text, 8);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The header checksum: the byte sum with the checksum field read as spaces (unsigned, or signed as old tars wrote it). */
function checksumOk(h: Uint8Array): boolean {
  const stored = parseNumeric(h, 148, 8);
  if (stored === undefined) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : h[i]!;
    unsigned += b;
    signed += b >= 0x80 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

/** pax records, `<length> <key>=<value>\n` with the length in bytes counting the whole record. */
function parsePax(data: Uint8Array): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let p = 0;
  while (p < data.byteLength) {
    if (data[p] === 0) break; // padding
    const space = data.indexOf(0x20, p);
    if (space === -1) return undefined;
    const lenText = latin1.decode(data.subarray(p, space));
    if (!/^\d+$/.test(lenText)) return undefined;
    const len = Number(lenText);
    if (len <= space - p + 1 || p + len > data.byteLength || data[p + len - 1] !== 0x0a) return undefined;
    const record = utf8.decode(data.subarray(space + 1, p + len - 1));
    const eq = record.indexOf("=");
    if (eq <= 0) return undefined;
    out[record.slice(0, eq)] = record.slice(eq + 1);
    p += len;
  }
  return out;
}

/** Code-unit order, as readTree sorts. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
