/**
 * Apply stopped at every write step: each agent config still parses, nothing of the user's is
 * lost, and the next apply converges to exactly what an uninterrupted run gives.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/apply/apply-plan.js";
import type { FileContent } from "../../src/core/file-content.js";
import { parseJsonc } from "../../src/core/edit/jsonc-parse.js";
import { makePlan } from "../../src/engine/make-plan.js";
import { ProjectFs } from "../../src/io/project-fs.js";

const QUICKSTART = join(import.meta.dirname, "..", "..", "examples", "quickstart");

/** A ProjectFs whose Nth mutating operation fails, as a kill would stop it. */
class FailingFs extends ProjectFs {
  private ops = 0;
  constructor(root: string, private readonly failAt: number) {
    super(root);
  }
  private step() {
    if (this.ops++ === this.failAt) throw new Error("injected fault");
  }
  override async write(rel: string, content: FileContent) {
    this.step();
    return super.write(rel, content);
  }
  override async remove(rel: string) {
    this.step();
    return super.remove(rel);
  }
  override async mkdir(rel: string) {
    this.step();
    return super.mkdir(rel);
  }
  get count() {
    return this.ops;
  }
}

function tree(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (rel === ".packs/tmp") continue;
    if (e.isDirectory()) Object.assign(out, tree(dir, rel), { [`${rel}/`]: "" });
    else out[rel] = readFileSync(join(dir, rel), "utf8");
  }
  return out;
}

/** Local packs only: nothing is fetched. */
const OFFLINE_SOURCES = { cacheDir: "/nonexistent-packs-cache", offline: true, npmRegistry: "http://127.0.0.1:9", registryTtlMs: 0, now: 0 };

async function applyAll(fs: ProjectFs) {
  const outcome = await makePlan({ resolution: "none" }, { fs, packsVersion: "test", projectLabel: ".", sources: OFFLINE_SOURCES });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
  expect(outcome.plan.blocked).toBe(false);
  return { plan: outcome.plan, result: await applyPlan(outcome.plan, fs) };
}

function project(setup?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-fault-"));
  cpSync(QUICKSTART, dir, { recursive: true });
  setup?.(dir);
  return dir;
}

/** The pack's next version: a changed MCP server and one skill fewer. */
function nextVersion(dir: string) {
  const manifest = join(dir, "packs/dbt-snowflake/PACK.yaml");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace(`command: ["uvx", "dbt-mcp"]`, `command: ["uvx", "dbt-mcp@2"]`).replace("  - altimate-code\n", ""));
}

describe.each([
  ["a fresh apply", (_: string) => {}],
  ["an update after a first apply", async (dir: string) => {
    await applyAll(new ProjectFs(dir));
    nextVersion(dir);
  }],
])("interrupting %s", (_, prepare) => {
  it("at every step leaves parseable configs and converges on the next apply", async () => {
    const reference = project();
    await prepare(reference);
    const probe = new FailingFs(reference, Number.POSITIVE_INFINITY);
    await applyAll(probe);
    const want = tree(reference);
    const steps = probe.count;
    expect(steps).toBeGreaterThanOrEqual(4);

    for (let n = 0; n < steps; n++) {
      const dir = project();
      await prepare(dir);
      const fs = new FailingFs(dir, n);
      await expect(applyAll(fs)).rejects.toThrow("injected fault");
      const config = readFileSync(join(dir, "opencode.jsonc"), "utf8");
      expect(parseJsonc(config).errors, `step ${n}`).toEqual([]);
      expect(config, `step ${n}`).toContain("// Internal docs search, run locally.");

      await applyAll(new ProjectFs(dir));
      expect(tree(dir), `after a fault at step ${n}`).toEqual(want);
      const again = await makePlan({ resolution: "none" }, { fs: new ProjectFs(dir), packsVersion: "test", projectLabel: ".", sources: OFFLINE_SOURCES });
      expect(again.ok && again.plan.empty, `plan after recovering from step ${n}`).toBe(true);
    }
  });
});
