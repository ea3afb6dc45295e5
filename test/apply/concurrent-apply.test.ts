/**
 * Applies at once, as real processes: three `packs apply --yes` started together on one project
 * never corrupt it. Each either applies, finds nothing to do, is refused by the project lock (a
 * message naming the pid that holds it) or is refused as a stale plan (the other apply changed
 * its files first); nothing of the user's is lost and the project converges. A lock left by a
 * killed process is taken over, by exactly one of several processes racing for it.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain } from "../cli/fake-io.js";
import { assertBuilt, BIN, REPO_ROOT } from "../e2e/harness.js";
import { copyProject, makeProject, nextVersion, tree, userContentProblems } from "./crash-fixture.js";

const ROUNDS = 6;
const AT_ONCE = 3;
const LOCK_ROUNDS = 8;
const LOCK_RACERS = 5;

const applyInProcess = (dir: string) => runMain(dir, ["apply", "--yes"], { env: { PACKS_CACHE_DIR: "/nonexistent-packs-cache" } });

interface Run {
  pid: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(cmd: string[], cwd: string): { pid: number; done: Promise<Run> } {
  const child = spawn(process.execPath, cmd, { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const done = new Promise<Run>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ pid: child.pid!, code, stdout, stderr }));
  });
  return { pid: child.pid!, done };
}

/** The pid of a process that has exited: a lock naming it was left by a killed apply. */
async function deadPid(): Promise<number> {
  const p = start(["-e", ""], tmpdir());
  await p.done;
  return p.pid;
}

const counts: string[] = [];
beforeAll(() => assertBuilt());
afterAll(() => console.log(`concurrent-apply: ${counts.join("; ")}`));

describe("concurrent applies", () => {
  it(`${ROUNDS} rounds of ${AT_ONCE} applies at once never corrupt the project`, async () => {
    const fresh = makeProject();
    const update = makeProject();
    expect((await applyInProcess(update)).code).toBe(0);
    nextVersion(update);
    const want = new Map<string, Record<string, string>>();
    for (const t of [fresh, update]) {
      const ref = copyProject(t);
      expect((await applyInProcess(ref)).code).toBe(0);
      want.set(t, tree(ref));
    }

    const outcome = { applied: 0, nothing: 0, locked: 0, stale: 0, staleLockTakenOver: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const template = round % 2 === 0 ? fresh : update;
      const dir = copyProject(template);
      // Every third round starts from a lock a killed apply left behind.
      if (round % 3 === 2) {
        mkdirSync(join(dir, ".packs/tmp"), { recursive: true });
        writeFileSync(join(dir, ".packs/tmp/lock"), JSON.stringify({ pid: await deadPid(), host: hostname() }) + "\n");
        outcome.staleLockTakenOver++;
      }
      const runs = Array.from({ length: AT_ONCE }, () => start([BIN, "apply", "--yes"], dir));
      const results = await Promise.all(runs.map((r) => r.done));
      for (const r of results) {
        const others = results.filter((o) => o !== r).map((o) => o.pid);
        if (r.code === 0) {
          if (r.stdout.includes("Nothing to do.")) outcome.nothing++;
          else outcome.applied++;
          continue;
        }
        expect(r.code, `round ${round}: ${r.stderr}`).toBe(1);
        if (r.stderr.includes("apply/locked")) {
          outcome.locked++;
          expect(others.some((pid) => r.stderr.includes(`another packs apply is running in this project (pid ${pid} on ${hostname()})`)), r.stderr).toBe(true);
        } else {
          expect(r.stderr, `round ${round}`).toContain("apply/stale-plan");
          outcome.stale++;
        }
      }
      expect(results.filter((r) => r.code === 0 && !r.stdout.includes("Nothing to do.")).length, `round ${round}: one apply wrote`).toBeGreaterThanOrEqual(1);
      expect(userContentProblems(dir), `round ${round}`).toEqual([]);
      expect(existsSync(join(dir, ".packs/tmp/lock")), `round ${round}: the lock is released`).toBe(false);
      // Whatever interleaving happened, the project is where one apply takes it.
      expect((await applyInProcess(dir)).code).toBe(0);
      expect(tree(dir), `round ${round}`).toEqual(want.get(template));
    }
    counts.push(`${ROUNDS * AT_ONCE} applies in ${ROUNDS} rounds of ${AT_ONCE} (${outcome.staleLockTakenOver} rounds from a dead process's lock): ${outcome.applied} applied, ${outcome.nothing} found nothing to do, ${outcome.locked} refused by the lock, ${outcome.stale} refused as stale`);
  });

  it(`a dead process's lock is taken over by one of ${LOCK_RACERS} racing processes at a time (${LOCK_ROUNDS} rounds)`, async () => {
    const lockModule = join(REPO_ROOT, "dist", "io", "project-lock.js");
    // Each racer waits for `go`, takes the lock, and while holding it checks no one else holds it.
    const racer = `
      import { acquireLock } from ${JSON.stringify(lockModule)};
      import { existsSync, mkdirSync, readdirSync, rmdirSync, writeFileSync } from "node:fs";
      const [dir] = process.argv.slice(1);
      writeFileSync(dir + "/ready-" + process.pid, "");
      while (!existsSync(dir + "/go")) await new Promise((r) => setTimeout(r, 1));
      const r = await acquireLock(dir + "/lock");
      if (!r.ok) { console.log("refused " + r.holder.pid); process.exit(0); }
      mkdirSync(dir + "/holders/" + process.pid, { recursive: true });
      const overlap = readdirSync(dir + "/holders").length !== 1;
      await new Promise((res) => setTimeout(res, 30));
      rmdirSync(dir + "/holders/" + process.pid);
      await r.release();
      console.log(overlap ? "OVERLAP" : "held" + (r.recovered ? " recovered" : ""));
    `;
    let held = 0;
    let refused = 0;
    for (let round = 0; round < LOCK_ROUNDS; round++) {
      const dir = mkdtempSync(join(tmpdir(), "packs-lockrace-"));
      mkdirSync(join(dir, "holders"));
      writeFileSync(join(dir, "lock"), JSON.stringify({ pid: await deadPid(), host: hostname() }) + "\n");
      const runs = Array.from({ length: LOCK_RACERS }, () => start(["--input-type=module", "-e", racer, dir], dir));
      while (readdirSync(dir).filter((n) => n.startsWith("ready-")).length < LOCK_RACERS) await new Promise((r) => setTimeout(r, 5));
      writeFileSync(join(dir, "go"), "");
      const results = await Promise.all(runs.map((r) => r.done));
      const lines = results.map((r) => `${r.code} ${r.stdout.trim()} ${r.stderr.trim()}`.trim());
      expect(lines.filter((l) => l.includes("OVERLAP")), `round ${round}: ${lines.join(" | ")}`).toEqual([]);
      expect(lines.every((l) => /^0 (held|refused \d+)/.test(l)), lines.join(" | ")).toBe(true);
      // Someone got it: the dead process's lock did not wedge the project. (Whoever deleted the
      // stale file may lose the race to make the new one; then the winner did not "recover".)
      expect(lines.filter((l) => l.includes("held")).length, `round ${round}: ${lines.join(" | ")}`).toBeGreaterThanOrEqual(1);
      held += lines.filter((l) => l.includes("held")).length;
      refused += lines.filter((l) => l.includes("refused")).length;
      expect(existsSync(join(dir, "lock"))).toBe(false);
    }
    counts.push(`${LOCK_ROUNDS * LOCK_RACERS} lock racers in ${LOCK_ROUNDS} rounds: ${held} held it in turn, ${refused} refused, never two at once, every stale lock taken over`);
  });
});
