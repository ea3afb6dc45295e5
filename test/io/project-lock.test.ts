/**
 * The project lock in one process: a live holder refuses, a dead or unreadable one is taken
 * over, and many recoverers racing for one stale lock leave exactly one holder.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock } from "../../src/io/project-lock.js";

const DEAD_PID = 2147483646;

function lockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-lock-"));
  mkdirSync(join(dir, ".packs/tmp"), { recursive: true });
  return join(dir, ".packs/tmp/lock");
}

describe("acquireLock", () => {
  it("holds the lock with this process's pid, refuses a second taker, and frees it on release", async () => {
    const path = lockPath();
    const first = await acquireLock(path);
    expect(first.ok).toBe(true);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ pid: process.pid, host: hostname() });
    const second = await acquireLock(path);
    expect(second).toEqual({ ok: false, holder: { pid: process.pid, host: hostname() } });
    if (first.ok) await first.release();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(path, ".."))).toEqual([]);
  });

  it.each([
    ["a dead process", JSON.stringify({ pid: DEAD_PID, host: hostname() }), { pid: DEAD_PID, host: hostname() }],
    ["an empty file", "", { pid: 0, host: "unknown" }],
    ["garbage", "\u0000\u00ffnot json{", { pid: 0, host: "unknown" }],
    ["JSON without a pid", `{"pid": "12"}`, { pid: 0, host: "unknown" }],
  ])("takes over a lock left by %s", async (_, text, recovered) => {
    const path = lockPath();
    writeFileSync(path, text);
    const r = await acquireLock(path);
    expect(r.ok && r.recovered).toEqual(recovered);
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    if (r.ok) await r.release();
  });

  it("removes on release the folders it made, once empty, and never folders it found", async () => {
    const root = mkdtempSync(join(tmpdir(), "packs-lock-"));
    const path = join(root, ".packs/tmp/lock");
    const made = await acquireLock(path);
    if (made.ok) await made.release();
    expect(readdirSync(root)).toEqual([]);
    mkdirSync(join(root, ".packs/state"), { recursive: true });
    const again = await acquireLock(path);
    if (again.ok) await again.release();
    expect(readdirSync(join(root, ".packs"))).toEqual(["state"]);
    mkdirSync(join(root, ".packs/tmp"));
    const found = await acquireLock(path);
    if (found.ok) await found.release();
    expect(readdirSync(join(root, ".packs")).sort()).toEqual(["state", "tmp"]);
  });

  it("respects a lock held on another host", async () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: DEAD_PID, host: "elsewhere.invalid" }));
    expect(await acquireLock(path)).toEqual({ ok: false, holder: { pid: DEAD_PID, host: "elsewhere.invalid" } });
  });

  it("release leaves a lock that is no longer its own", async () => {
    const path = lockPath();
    const r = await acquireLock(path);
    if (!r.ok) throw new Error("not acquired");
    const other = JSON.stringify({ pid: DEAD_PID + 1, host: "elsewhere.invalid" });
    const { unlinkSync } = await import("node:fs");
    unlinkSync(path);
    writeFileSync(path, other);
    await r.release();
    expect(readFileSync(path, "utf8")).toBe(other);
  });

  it("gives one stale lock to exactly one of many racing recoverers (30 rounds of 6)", async () => {
    for (let round = 0; round < 30; round++) {
      const path = lockPath();
      writeFileSync(path, JSON.stringify({ pid: DEAD_PID, host: hostname() }));
      const results = await Promise.all(Array.from({ length: 6 }, () => acquireLock(path)));
      expect(results.filter((r) => r.ok).length, `round ${round}`).toBe(1);
      for (const r of results) if (r.ok) await r.release();
      expect(existsSync(path)).toBe(false);
    }
  });

  it("clears a takeover guard left by a recoverer that died", async () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: DEAD_PID, host: hostname() }));
    writeFileSync(`${path}.takeover`, JSON.stringify({ pid: DEAD_PID, host: hostname() }));
    const r = await acquireLock(path);
    expect(r.ok).toBe(true);
    expect(existsSync(`${path}.takeover`)).toBe(false);
  });
});
