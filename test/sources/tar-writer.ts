/**
 * A tiny tar writer for tests: ustar headers written by hand, so tests can build any archive,
 * including the malformed and hostile ones a real packer refuses to make.
 */
import { gzipSync } from "node:zlib";

export interface TarEntry {
  /** Stored in the 100-byte name field (truncated to it); use `pax` or `gnuLong` for longer names. */
  name: string;
  /** Typeflag: "0" file (default), "1" hard link, "2" symlink, "3"/"4" devices, "5" folder, "6" FIFO, "x", "g", "L"... */
  type?: string;
  data?: string | Uint8Array;
  /** Default 0o644 (0o755 for folders). */
  mode?: number;
  linkname?: string;
  /** ustar prefix field (POSIX long names up to 255 bytes). */
  prefix?: string;
  /** Written in the size field instead of the data's length (to fake a truncated archive). */
  sizeOverride?: number;
  /** Break the checksum. */
  badChecksum?: boolean;
}

const enc = new TextEncoder();

function bytesOf(data: string | Uint8Array | undefined): Uint8Array {
  return data === undefined ? new Uint8Array(0) : typeof data === "string" ? enc.encode(data) : data;
}

function put(h: Uint8Array, text: string, at: number, len: number): void {
  const b = enc.encode(text);
  h.set(b.subarray(0, len), at);
}

function octal(n: number, len: number): string {
  return `${n.toString(8).padStart(len - 1, "0")}\0`;
}

export function header(e: TarEntry, size: number): Uint8Array {
  const type = e.type ?? "0";
  const h = new Uint8Array(512);
  put(h, e.name, 0, 100);
  put(h, octal(e.mode ?? (type === "5" ? 0o755 : 0o644), 8), 100, 8);
  put(h, octal(0, 8), 108, 8);
  put(h, octal(0, 8), 116, 8);
  put(h, octal(e.sizeOverride ?? size, 12), 124, 12);
  put(h, octal(0, 12), 136, 12);
  h[156] = type.charCodeAt(0);
  if (e.linkname) put(h, e.linkname, 157, 100);
  put(h, "ustar\0", 257, 6);
  put(h, "00", 263, 2);
  if (e.prefix) put(h, e.prefix, 345, 155);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  if (e.badChecksum) sum += 1;
  put(h, `${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
  return h;
}

/** A tar stream: each entry's header and data padded to 512 bytes, then two zero blocks. */
export function tar(entries: TarEntry[], { end = true }: { end?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = bytesOf(e.data);
    parts.push(header(e, data.byteLength), data, new Uint8Array((512 - (data.byteLength % 512)) % 512));
  }
  if (end) parts.push(new Uint8Array(1024));
  return concat(parts);
}

export function tgz(entries: TarEntry[]): Uint8Array {
  return new Uint8Array(gzipSync(tar(entries)));
}

/** A pax extended header giving the next entry's attributes (`path`, `linkpath`, `size`). */
export function pax(attrs: Record<string, string>): TarEntry {
  let body = "";
  for (const [k, v] of Object.entries(attrs)) {
    const rec = ` ${k}=${v}\n`;
    const rest = enc.encode(rec).byteLength;
    let len = rest + String(rest).length;
    while (String(len).length + rest !== len) len = String(len).length + rest; // the length counts its own digits
    body += `${len}${rec}`;
  }
  return { name: "PaxHeader", type: "x", data: body };
}

/** A GNU long-name entry ('L') giving the next entry's name. */
export function gnuLong(name: string): TarEntry {
  return { name: "././@LongLink", type: "L", data: `${name}\0` };
}

/** The usual files of a pack under npm's `package/` folder. */
export function packFiles(prefix = "package"): TarEntry[] {
  return [
    { name: `${prefix}/`, type: "5" },
    { name: `${prefix}/package.json`, data: '{"name":"demo","version":"1.0.0"}\n' },
    { name: `${prefix}/PACK.yaml`, data: "name: demo\nversion: 1.0.0\n" },
    { name: `${prefix}/skills/a/SKILL.md`, data: "---\nname: a\ndescription: A skill.\n---\nBody.\n" },
  ];
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
