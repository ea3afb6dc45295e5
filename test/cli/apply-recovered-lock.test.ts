/** A lock left by a dead process is taken over, and apply says so (in text and in --json). */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "./fake-io.js";

const DEAD_PID = 2147483646;

function quickstartWithDeadLock(): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-dead-lock-"));
  cpSync(join(import.meta.dirname, "..", "..", "examples", "quickstart"), dir, { recursive: true });
  mkdirSync(join(dir, ".packs/tmp"), { recursive: true });
  writeFileSync(join(dir, ".packs/tmp/lock"), JSON.stringify({ pid: DEAD_PID, host: hostname() }) + "\n");
  return dir;
}

describe("apply over a dead process's lock", () => {
  it("applies and notes whose lock it took over", async () => {
    const dir = quickstartWithDeadLock();
    const r = await runMain(dir, ["apply", "--yes"], { env: { PACKS_CACHE_DIR: join(dir, ".cache") } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: took over the apply lock left by pid ${DEAD_PID} on ${hostname()}, which is no longer running.`);
  });

  it("reports it as recovered_lock in --json", async () => {
    const dir = quickstartWithDeadLock();
    const r = await runMain(dir, ["apply", "--yes", "--json"], { env: { PACKS_CACHE_DIR: join(dir, ".cache") } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).result.recovered_lock).toEqual({ pid: DEAD_PID, host: hostname() });
  });
});
