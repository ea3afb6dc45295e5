import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentHash, fileHashes, readTextHash, sha256Sri } from "../../src/io/hash.js";

/** What fileHashes must agree with: the decoding path every other read takes. */
function reference(bytes: Buffer) {
  const { content, hash } = contentHash(bytes);
  return { hash, raw: sha256Sri(bytes), utf8: content.encoding === "utf8" };
}

describe("fileHashes", () => {
  it.each([
    ["plain text", Buffer.from("# skill\nbody\n")],
    ["CRLF", Buffer.from("a\r\nb\r\n")],
    ["a lone CR", Buffer.from("a\rb")],
    ["a BOM", Buffer.from("\uFEFFtext\n")],
    ["a BOM alone", Buffer.from([0xef, 0xbb, 0xbf])],
    ["invalid UTF-8", Buffer.from([0x61, 0xff, 0x62])],
    ["a lone surrogate encoded", Buffer.from([0xed, 0xa0, 0x80])],
    ["an overlong encoding", Buffer.from([0xc0, 0xaf])],
    ["empty", Buffer.alloc(0)],
    ["non-ASCII text", Buffer.from("naïve — 👩‍💻\n")],
  ])("%s: the same hashes as decoding", (_, bytes) => {
    expect(fileHashes(bytes)).toEqual(reference(bytes));
  });

  it("agrees with decoding on any bytes, and on any text with any line endings", () => {
    const texts = fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom("\r\n", "\r", "\n", "\uFEFF")), { maxLength: 8 }).map((xs) => Buffer.from(xs.join(""), "utf8"));
    const bytes = fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a));
    fc.assert(fc.property(fc.oneof(texts, bytes), (b) => {
      expect(fileHashes(b)).toEqual(reference(b));
    }), { seed: 8, numRuns: 500 });
  });
});

describe("readTextHash", () => {
  it("is the text's hash, or nothing for a text with U+FFFD (maybe bytes that were not UTF-8)", () => {
    expect(readTextHash("lock\n")).toBe(sha256Sri("lock\n"));
    expect(readTextHash("a\uFFFDb")).toBeUndefined();
  });
});
