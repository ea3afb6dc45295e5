/**
 * Subresource Integrity strings as npm writes them (`sha512-<base64>`, several separated by
 * spaces, options after `?` ignored) and the checks against them. The strongest algorithm
 * present is the one checked, as the SRI spec says.
 */
import { createHash } from "node:crypto";

/** Strongest first. */
const ALGORITHMS = ["sha512", "sha384", "sha256", "sha1"] as const;
type Algorithm = (typeof ALGORITHMS)[number];

export interface SriHash {
  algorithm: Algorithm;
  /** Base64 digest. */
  digest: string;
}

/** sha512 SRI of `bytes`: what the lock records for archives. */
export function sha512Sri(bytes: Uint8Array): string {
  return `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
}

/** The strongest supported hash in an SRI string, or undefined when it holds none. */
export function strongestHash(sri: string): SriHash | undefined {
  let best: SriHash | undefined;
  for (const token of sri.trim().split(/\s+/)) {
    const m = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/]+={0,2})(?:\?.*)?$/.exec(token);
    if (!m) continue;
    const algorithm = m[1] as Algorithm;
    if (!best || ALGORITHMS.indexOf(algorithm) < ALGORITHMS.indexOf(best.algorithm)) best = { algorithm, digest: m[2]! };
  }
  return best;
}

/** True when `bytes` match the strongest hash of `sri`; false when they do not or `sri` holds no hash. */
export function matchesSri(bytes: Uint8Array, sri: string): boolean {
  const h = strongestHash(sri);
  return h !== undefined && createHash(h.algorithm).update(bytes).digest("base64") === h.digest;
}

/** True when `bytes` match a hex sha1 (npm's legacy `dist.shasum`). */
export function matchesSha1Hex(bytes: Uint8Array, hex: string): boolean {
  return /^[0-9a-f]{40}$/i.test(hex) && createHash("sha1").update(bytes).digest("hex") === hex.toLowerCase();
}
