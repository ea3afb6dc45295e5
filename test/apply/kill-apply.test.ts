/**
 * The real CLI, SIGKILLed at seeded random moments during `packs apply` (a fresh apply, and an
 * update to the packs' next versions). After every kill each agent config parses and the user's
 * entries and comments are all there; the next `packs apply` then converges to the same tree,
 * byte for byte (.packs/tmp aside), as an uninterrupted run. Kill times vary with the machine;
 * the assertions hold whatever moment a kill lands on. Runs the built CLI (`npm run build`).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, watch } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain } from "../cli/fake-io.js";
import { assertBuilt, BIN, runCli } from "../e2e/harness.js";
import { copyProject, makeProject, nextVersion, tree, userContentProblems } from "./crash-fixture.js";

const KILLS_PER_SCENARIO = 15;
const SEED = 0x7ac4;
/** Kills aimed at the writes land this many ms (at most) after the lock appears. */
const WRITE_WINDOW_MS = 40;

/** mulberry32: a small seeded generator, so a run's kill delays can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Start `packs apply --yes` and SIGKILL it `ms` after it starts or, with `afterLock`, `ms` after
 * it takes the project lock (the first file event in .packs/tmp), which is where the writes
 * begin. Says whether it had finished by then.
 */
function applyKilledAfter(cwd: string, ms: number, afterLock: boolean): Promise<{ finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "apply", "--yes"], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: "ignore" });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer ??= setTimeout(() => child.kill("SIGKILL"), ms);
    };
    const watcher = afterLock ? watch(join(cwd, ".packs/tmp"), arm) : undefined;
    if (!afterLock) arm();
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ finished: signal === null && code === 0 });
    });
  });
}

async function timedApply(dir: string): Promise<number> {
  const t0 = performance.now();
  const r = await runCli(dir, ["apply", "--yes"]);
  expect(r.status, r.stderr).toBe(0);
  return performance.now() - t0;
}

/** The recovering apply runs in process (the same engine and version, without node's start-up). */
const applyInProcess = (dir: string) => runMain(dir, ["apply", "--yes"], { env: { PACKS_CACHE_DIR: "/nonexistent-packs-cache" } });

const counts: string[] = [];
beforeAll(() => assertBuilt());
afterAll(() => console.log(`kill-apply: ${counts.join("; ")}`));

describe.each([
  ["a fresh apply", async (_: string) => {}],
  ["an update", async (dir: string) => {
    expect((await runCli(dir, ["apply", "--yes"])).status).toBe(0);
    nextVersion(dir);
  }],
])("SIGKILL during %s", (name, prepare) => {
  it(`${KILLS_PER_SCENARIO} kills at seeded moments: configs parse, user content stays, the next apply converges`, async () => {
    const template = makeProject();
    await prepare(template);
    mkdirSync(join(template, ".packs/tmp"), { recursive: true }); // watched for the lock
    const reference = copyProject(template);
    const duration = await timedApply(reference);
    const want = tree(reference);
    expect((await runCli(reference, ["plan", "--detailed-exitcode"])).status).toBe(0);

    const rand = random(SEED + (name === "an update" ? 1 : 0));
    let midApply = 0;
    let finished = 0;
    for (let i = 0; i < KILLS_PER_SCENARIO; i++) {
      // Node's start-up and the plan take most of a run and write nothing: aim two kills in
      // three at the writes, a few ms after the lock is taken, and the rest anywhere in the run.
      const afterLock = i % 3 !== 2;
      const ms = afterLock ? Math.floor(rand() * WRITE_WINDOW_MS) : Math.round(rand() * duration * 1.1);
      const dir = copyProject(template);
      const killed = await applyKilledAfter(dir, ms, afterLock);
      if (killed.finished) finished++;
      else if (existsSync(join(dir, ".packs/tmp/journal.json"))) midApply++;
      const at = `kill ${i}, ${ms} ms after ${afterLock ? "the lock" : "the start"}`;
      expect(userContentProblems(dir), at).toEqual([]);

      const again = await applyInProcess(dir);
      expect(again.code, `apply after ${at}: ${again.stderr}`).toBe(0);
      expect(tree(dir), `tree after ${at} and one more apply`).toEqual(want);
    }
    counts.push(`${name}: ${KILLS_PER_SCENARIO} kills (run takes ${Math.round(duration)} ms; ${midApply} landed between the journal and its removal, ${finished} after the apply finished)`);
  });
});
