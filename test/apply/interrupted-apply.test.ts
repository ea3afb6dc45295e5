/**
 * Apply stopped at every step: a wrapping file port fails the Nth operation apply makes (a
 * write, a delete, a folder made or removed, the temp sweep), either before it happens or, for a
 * write, torn (the temp file written, the rename never done, as a kill inside atomicWrite
 * leaves it). After each stop every agent config parses, nothing of the user's is lost, and the
 * next apply converges to exactly what an uninterrupted run gives (the whole tree byte for
 * byte, .packs/tmp aside), after which a plan is empty.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ApplyFs } from "../../src/apply/apply-plan.js";
import type { FileContent } from "../../src/core/file-content.js";
import { ProjectFs } from "../../src/io/project-fs.js";
import { applyAll, copyProject, makeProject, nextVersion, PACKS_YAML_NONE, planFor, tree, userContentProblems, userFilesRestored, write } from "./crash-fixture.js";

type Mode = "before" | "torn";

/** An ApplyFs whose operation number `failAt` (0-based) fails; counts every operation. */
class FaultFs implements ApplyFs {
  ops: string[] = [];
  private readonly fs: ProjectFs;
  constructor(readonly root: string, private readonly failAt = Number.POSITIVE_INFINITY, private readonly mode: Mode = "before") {
    this.fs = new ProjectFs(root);
  }
  private step(op: string, rel: string) {
    if (this.ops.length === this.failAt) {
      if (this.mode === "torn" && op === "write") {
        mkdirSync(dirname(this.fs.abs(rel)), { recursive: true }); // atomicWrite makes the folder first
        writeFileSync(this.fs.abs(`${dirname(rel)}/.${basename(rel)}.packs-0123456789ab.tmp`), "half");
      }
      throw new Error(`injected fault at ${op} ${rel}`);
    }
    this.ops.push(`${op} ${rel}`);
  }
  abs = (rel: string) => this.fs.abs(rel);
  rawHash = (rel: string) => this.fs.rawHash(rel);
  async write(rel: string, content: FileContent, executable?: boolean) {
    this.step("write", rel);
    return this.fs.write(rel, content, executable);
  }
  async remove(rel: string) {
    this.step("remove", rel);
    return this.fs.remove(rel);
  }
  async mkdir(rel: string) {
    this.step("mkdir", rel);
    return this.fs.mkdir(rel);
  }
  async rmdirIfEmpty(rel: string) {
    this.step("rmdir", rel);
    return this.fs.rmdirIfEmpty(rel);
  }
  async sweepTemps(rel: string) {
    this.step("sweep", rel);
    return this.fs.sweepTemps(rel);
  }
}

const scenarios: Array<[string, (dir: string) => Promise<void>]> = [
  ["a fresh apply", async () => {}],
  ["an update after a first apply", async (dir) => {
    await applyAll(dir);
    nextVersion(dir);
  }],
  ["removing every pack", async (dir) => {
    await applyAll(dir);
    write(dir, "packs.yaml", PACKS_YAML_NONE);
  }],
];

const tried: string[] = [];
afterAll(() => console.log(`interrupted-apply: ${tried.join("; ")}`));

describe.each(scenarios)("interrupting %s", (name, prepare) => {
  it("at every step, before or torn, leaves parseable configs and converges on the next apply", async () => {
    const template = makeProject();
    await prepare(template);
    const reference = copyProject(template);
    const probe = new FaultFs(reference);
    await applyAll(reference, probe);
    const want = tree(reference);
    expect(userContentProblems(reference)).toEqual([]);
    if (name === "removing every pack") expect(userFilesRestored(reference)).toEqual([]);
    const steps = probe.ops;
    expect(steps.length).toBeGreaterThanOrEqual(8);

    let count = 0;
    for (let n = 0; n < steps.length; n++) {
      for (const mode of ["before", "torn"] as const) {
        if (mode === "torn" && !steps[n]!.startsWith("write ")) continue;
        const at = `${mode} step ${n} (${steps[n]})`;
        const dir = copyProject(template);
        await expect(applyAll(dir, new FaultFs(dir, n, mode)), at).rejects.toThrow("injected fault");
        expect(userContentProblems(dir), `stopped ${at}`).toEqual([]);

        await applyAll(dir);
        expect(tree(dir), `after recovering from ${at}`).toEqual(want);
        expect(userContentProblems(dir), `after recovering from ${at}`).toEqual([]);
        expect((await planFor(dir)).empty, `plan after recovering from ${at}`).toBe(true);
        count++;
      }
    }
    tried.push(`${name}: ${count} over ${steps.length} steps`);
  });
});

describe("interrupting a fresh apply, then removing every pack", () => {
  it("at every step gives the user's files back exactly", async () => {
    const template = makeProject();
    const probe = new FaultFs(copyProject(template));
    await applyAll(probe.root, probe);
    const want = Object.fromEntries(Object.entries(tree(template)).filter(([p]) => !p.startsWith(".packs/")));
    for (let n = 0; n < probe.ops.length; n++) {
      const dir = copyProject(template);
      await expect(applyAll(dir, new FaultFs(dir, n)), `step ${n}`).rejects.toThrow("injected fault");
      write(dir, "packs.yaml", PACKS_YAML_NONE);
      await applyAll(dir);
      expect(userFilesRestored(dir), `after a fault at step ${n} (${probe.ops[n]}) and removing every pack`).toEqual([]);
      const left = Object.fromEntries(Object.entries(tree(dir)).filter(([p]) => !p.startsWith(".packs/") && p !== "packs.lock.yaml"));
      expect(left, `step ${n}`).toEqual({ ...want, "packs.yaml": PACKS_YAML_NONE });
    }
    tried.push(`a fresh apply, then every pack removed: ${probe.ops.length} over ${probe.ops.length} steps`);
  });
});
