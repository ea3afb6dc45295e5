/**
 * The lock's SRI hashes (`sha256-<base64>`) as SBOMs want them (lower-case hex with the
 * algorithm named), and the deterministic UUID that identifies an SBOM document. Pure.
 */
import { canonicalJson } from "../core/json.js";
import type { Hasher } from "../core/live.js";

export type DigestAlg = "sha256" | "sha384" | "sha512";

export interface Digest {
  alg: DigestAlg;
  /** Lower-case hex. */
  hex: string;
}

const SRI = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/;

/** An SRI hash as hex; throws on anything else (parseLock has already checked every hash). */
export function sriDigest(sri: string): Digest {
  const m = SRI.exec(sri);
  if (!m) throw new Error(`bug: not an SRI hash: ${sri}`);
  return { alg: m[1] as DigestAlg, hex: base64ToHex(m[2]!) };
}

function base64ToHex(b64: string): string {
  const bin = atob(b64);
  let hex = "";
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, "0");
  return hex;
}

/** CycloneDX `hash-alg` names. */
export const CYCLONEDX_ALG: Record<DigestAlg, string> = { sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" };

/** SPDX 2.3 checksum algorithm names. */
export const SPDX_ALG: Record<DigestAlg, string> = { sha256: "SHA256", sha384: "SHA384", sha512: "SHA512" };

/**
 * A name-based UUID for a document: the first 128 bits of the SHA-256 of the document's
 * canonical JSON, with the version and variant bits of a UUIDv8 (RFC 9562 §5.8; its Appendix B.2
 * shows exactly this SHA-256 name-based construction). The same content always gets the same
 * UUID, and different content a different one, with no clock or randomness involved.
 */
export function contentUuid(value: unknown, hash: Hasher): string {
  const sri = hash(canonicalJson(value));
  const { alg, hex } = sriDigest(sri);
  if (alg !== "sha256") throw new Error(`bug: contentUuid needs a sha256 hasher, got ${alg}`);
  const bytes = hex.slice(0, 32).match(/../g)!.map((h) => parseInt(h, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  const h = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
