import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLock } from "../../src/lockfile/parse-lock.js";
import { renderLock } from "../../src/lockfile/render-lock.js";

const golden = readFileSync(join(import.meta.dirname, "..", "e2e", "cases", "six-agents", "expected", "after", "packs.lock.yaml"), "utf8");

describe("parseLock", () => {
  it("reads back what renderLock wrote, byte for byte", () => {
    const r = parseLock("packs.lock.yaml", golden);
    expect(r.diagnostics).toEqual([]);
    expect(r.lock!.packs["dbt-snowflake"]!.kind).toBe("local");
    expect(renderLock(r.lock!)).toBe(golden);
  });

  it.each([
    ["not YAML", "packs: [\n", /is not valid YAML/, 2],
    ["a wrong shape", golden.replace("kind: local", "kind: ftp"), /unexpected shape at packs\.dbt-snowflake\.kind/, undefined],
    ["a broken hash", golden.replace(/integrity: sha256-[^\n]+/, "integrity: md5-x"), /must be an SRI hash/, undefined],
    ["an alias", "a: &x [1]\nb: *x\nlockfile_version: 1\npacks: {}\nitems: []\n", /./, undefined],
  ])("refuses %s with a located error", (_, text, message, line) => {
    const r = parseLock("packs.lock.yaml", text);
    expect(r.lock).toBeUndefined();
    expect(r.diagnostics[0]!.summary).toMatch(message);
    expect(r.diagnostics[0]!.hint).toContain("packs lock");
    if (line !== undefined) expect(r.diagnostics[0]!.location!.line).toBe(line);
  });

  it("names the version it reads when the lock is from a newer packs", () => {
    const r = parseLock("packs.lock.yaml", golden.replace("lockfile_version: 1", "lockfile_version: 2"));
    expect(r.diagnostics[0]!.code).toBe("lock/unsupported-version");
  });
});
