/**
 * Content hashing. Every hash packs records (lock, sidecars, pack trees) is a sha256 SRI string,
 * `sha256-<base64>`, so it can be compared with npm integrity values and read by SBOM tools.
 */
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { canonicalText, type FileContent } from "../core/file-content.js";

/**
 * Hashes of byte arrays contentHash already computed over the exact bytes (canonical text is the
 * text as read), so that asking sha256Sri for the raw hash of the same array (ProjectFs.observe
 * wants both) does not hash the file twice. Keyed by the array object: bytes are never mutated.
 */
const rawHashes = new WeakMap<Uint8Array, string>();

/** sha256 SRI of `data`; a string is hashed as its UTF-8 bytes. */
export function sha256Sri(data: string | Uint8Array): string {
  if (typeof data !== "string") {
    const known = rawHashes.get(data);
    if (known !== undefined) return known;
  }
  return `sha256-${createHash("sha256").update(data).digest("base64")}`;
}

/** sha256 as lowercase hex, for names (cache folders). */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

// fatal: invalid UTF-8 throws, so binary is told apart from text.
// ignoreBOM: keep a BOM in the text, so the content carries exactly the bytes that were read.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The plan-ready content of a file and its hash. Text (valid UTF-8) is hashed in canonical form
 * (BOM stripped, CRLF→LF), so line endings alone never change a hash; binary is hashed as is.
 */
export function contentHash(bytes: Uint8Array): { content: FileContent; hash: string } {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { content: { encoding: "base64", data: Buffer.from(bytes).toString("base64") }, hash: sha256Sri(bytes) };
  }
  const canonical = canonicalText(text);
  if (canonical !== text) return { content: { encoding: "utf8", text }, hash: sha256Sri(canonical) };
  // Strict UTF-8 decoding is lossless, so the bytes are the text's UTF-8: hash them as they are.
  const hash = sha256Sri(bytes);
  rawHashes.set(bytes, hash);
  return { content: { encoding: "utf8", text }, hash };
}

/**
 * A file's two hashes (as contentHash and sha256Sri give them) and whether it is UTF-8 text,
 * without decoding it when that can be avoided: valid UTF-8 with no CR and no BOM is its own
 * canonical form, so both hashes are one hash of the bytes. For files read for their hash alone.
 */
export function fileHashes(data: Uint8Array): { hash: string; raw: string; utf8: boolean } {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (isUtf8(bytes) && bytes.indexOf(0x0d) === -1 && !startsWithBom(bytes)) {
    const hash = sha256Sri(bytes);
    return { hash, raw: hash, utf8: true };
  }
  const { content, hash } = contentHash(bytes);
  return { hash, raw: sha256Sri(bytes), utf8: content.encoding === "utf8" };
}

function startsWithBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * What a run remembers of a text it read with a lossy decoder (ProjectFs.readText) to tell later
 * whether a rendering of it is unchanged: its hash. Undefined when the text holds U+FFFD, since
 * bytes that are not UTF-8 read as U+FFFD and such a text does not say what the bytes were.
 */
export function readTextHash(text: string): string | undefined {
  return text.includes("\uFFFD") ? undefined : sha256Sri(text);
}
