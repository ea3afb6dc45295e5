import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { atomicWrite } from "../../src/io/atomic-write.js";

const mode = (p: string) => statSync(p).mode & 0o777;

describe("atomicWrite", () => {
  it("writes the bytes, creating folders, and leaves no temp file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "packs-aw-"));
    await atomicWrite(join(dir, "a/b/c.txt"), Buffer.from("hi"));
    expect(readFileSync(join(dir, "a/b/c.txt"), "utf8")).toBe("hi");
    expect(readdirSync(join(dir, "a/b"))).toEqual(["c.txt"]);
    expect(mode(join(dir, "a/b/c.txt"))).toBe(0o644);
  });

  it("keeps an existing file's mode, and sets an explicit one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "packs-aw-"));
    const p = join(dir, "private.json");
    writeFileSync(p, "{}");
    chmodSync(p, 0o600);
    await atomicWrite(p, Buffer.from("{\"a\":1}"));
    expect(mode(p)).toBe(0o600);
    await atomicWrite(join(dir, "run.sh"), Buffer.from("#!/bin/sh\n"), 0o755);
    expect(mode(join(dir, "run.sh"))).toBe(0o755);
  });
});
