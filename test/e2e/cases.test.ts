/**
 * Every folder under test/e2e/cases/ is one end-to-end case, run through the real CLI in a
 * temp copy of its before/ (see README.md in this folder for the layout and steps.json).
 *
 * Per case: the first `packs plan` against expected/plan.txt (and `plan --json` against
 * expected/plan.json), the tree after the first
 * `apply --yes` against expected/after/, then the invariants of DESIGN §7:
 *   (a) plan → apply → plan is empty;
 *   (b) applying twice equals applying once;
 *   (c) bytes packs does not own survive the apply;
 *   (d) removing every pack restores every pre-existing file and removes all packs created;
 * and finally the case's own scenarios from steps.json.
 * UPDATE_GOLDEN=1 rewrites the golden files instead of comparing them; review them by eye.
 *
 * The CLI runs of all cases are started together in beforeAll, a few at a time (harness `pool`);
 * each test awaits the runs it checks.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CASES_DIR, CONCURRENCY, assertBuilt, changedPaths, describeRun, golden, goldenTree, listDirs, makeProject, normalisePlan,
  pool, readTree, removeProject, runCli, settle, treeObject, unwrap, type CliResult, type Settled, type Tree,
} from "./harness.js";
import { isPacksOwnFile, ownedItems, removalRestores, unownedSurvive, withoutPacks } from "./invariants.js";
import { expectNoStackTrace, isInput, readCaseConfig, runSteps, type CaseConfig } from "./steps.js";

const caseNames = fs.readdirSync(CASES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

interface MainRun {
  project: string;
  before: Tree;
  beforeDirs: string[];
  plan: CliResult;
  planJson: CliResult;
  afterPlan: Tree;
  apply: CliResult;
  after: Tree;
  /** Only when the first apply succeeds: */
  replan?: CliResult;
  reapply?: CliResult;
  afterReapply?: Tree;
  removal?: CliResult;
  afterRemoval?: Tree;
  dirsAfterRemoval?: string[];
  planAfterRemoval?: CliResult;
}

const projects: string[] = [];
const mainRuns = new Map<string, Promise<Settled<MainRun>>>();
const scenarioRuns = new Map<string, Promise<Settled<void>>>();
const scenarioKey = (name: string, scenario: string) => `${name}\u0000${scenario}`;

/** The main flow of a case: plan, apply, plan, apply again, remove every pack, apply, plan. */
async function mainRun(caseDir: string): Promise<MainRun> {
  const project = makeProject(path.join(caseDir, "before"));
  projects.push(project);
  const before = readTree(project);
  const beforeDirs = listDirs(project).map((d) => d.path);
  const plan = await runCli(project, ["plan"]);
  const planJson = await runCli(project, ["plan", "--json"]);
  const afterPlan = readTree(project);
  const apply = await runCli(project, ["apply", "--yes"]);
  const after = readTree(project);
  const run: MainRun = { project, before, beforeDirs, plan, planJson, afterPlan, apply, after };
  if (apply.status !== 0) return run;
  run.replan = await runCli(project, ["plan", "--detailed-exitcode"]);
  run.reapply = await runCli(project, ["apply", "--yes"]);
  run.afterReapply = readTree(project);
  fs.writeFileSync(path.join(project, "packs.yaml"), withoutPacks(before.get("packs.yaml") ?? ""));
  run.removal = await runCli(project, ["apply", "--yes"]);
  run.afterRemoval = readTree(project, isInput);
  run.dirsAfterRemoval = listDirs(project, isInput).map((d) => d.path);
  run.planAfterRemoval = await runCli(project, ["plan", "--detailed-exitcode"]);
  return run;
}

const configs = new Map<string, CaseConfig>(caseNames.map((n) => [n, readCaseConfig(path.join(CASES_DIR, n))]));

beforeAll(() => {
  assertBuilt();
  const run = pool(CONCURRENCY);
  for (const name of caseNames) {
    const caseDir = path.join(CASES_DIR, name);
    mainRuns.set(name, settle(run(() => mainRun(caseDir))));
    for (const [scenario, steps] of Object.entries(configs.get(name)!.scenarios ?? {})) {
      if (configs.get(name)!.bugs?.[scenario]) continue;
      scenarioRuns.set(scenarioKey(name, scenario), settle(run(async () => {
        const project = makeProject(path.join(caseDir, "before"));
        projects.push(project);
        await runSteps(caseDir, project, steps);
      })));
    }
  }
});
afterAll(() => projects.forEach(removeProject));

it("finds the e2e cases", () => {
  expect(caseNames.length).toBeGreaterThanOrEqual(12);
});

for (const name of caseNames) {
  const caseDir = path.join(CASES_DIR, name);
  const config = configs.get(name)!;
  const planExit = config.first?.plan ?? 0;
  const applyExit = config.first?.apply ?? 0;
  const applies = applyExit === 0;
  /**
   * `it`, or `it.skip` with the bug in its name when steps.json lists a known bug for this check
   * (E2E_RUN_BUGS=1 runs those too, to see them fail or to check a fix).
   */
  const check = (key: string, title: string, fn: () => Promise<void>) => {
    const bug = config.bugs?.[key];
    if (bug && process.env.E2E_RUN_BUGS !== "1") it.skip(`${title} — ${bug.startsWith("BUG") ? bug : `BUG: ${bug}`}`, fn);
    else it(bug ? `${title} — ${bug}` : title, fn);
  };
  const main = () => unwrap(mainRuns.get(name));

  describe(`${name}${config.about ? `: ${config.about}` : ""}`, () => {
    check("plan", `first plan exits ${planExit}, matches expected/plan.txt and writes nothing`, async () => {
      const run = await main();
      expect(run.plan.status, describeRun(run.plan)).toBe(planExit);
      expectNoStackTrace(run.plan);
      const text = normalisePlan(run.plan.stdout, run.project);
      const want = golden(path.join(caseDir, "expected", "plan.txt"), text);
      expect(want, "expected/plan.txt is missing: run with UPDATE_GOLDEN=1 and review it").toBeDefined();
      expect(text).toBe(want);
      const stderrFile = path.join(caseDir, "expected", "plan.stderr.txt");
      const err = normalisePlan(run.plan.stderr, run.project);
      const wantErr = err === "" && !fs.existsSync(stderrFile) ? "" : golden(stderrFile, err);
      expect(err, "stderr vs expected/plan.stderr.txt").toBe(wantErr);
      expect(changedPaths(run.before, run.afterPlan), "plan wrote files").toEqual([]);
    });

    check("plan.json", `first plan --json exits ${planExit} and matches expected/plan.json`, async () => {
      const run = await main();
      expect(run.planJson.status, describeRun(run.planJson)).toBe(planExit);
      expect(run.planJson.stderr).toBe("");
      const value = JSON.parse(run.planJson.stdout) as { format_version: string; ok: boolean };
      expect(value).toMatchObject({ format_version: "1", ok: planExit === 0 });
      const text = normalisePlan(run.planJson.stdout, run.project);
      const want = golden(path.join(caseDir, "expected", "plan.json"), text);
      expect(want, "expected/plan.json is missing: run with UPDATE_GOLDEN=1 and review it").toBeDefined();
      expect(text).toBe(want);
    });

    check("apply", `first apply --yes exits ${applyExit} and leaves exactly expected/after/`, async () => {
      const run = await main();
      expect(run.apply.status, describeRun(run.apply)).toBe(applyExit);
      expectNoStackTrace(run.apply);
      const actual = new Map([...run.after].filter(([p]) => !isInput(p)));
      const want = goldenTree(path.join(caseDir, "expected", "after"), actual);
      expect(want, "expected/after/ is missing: run with UPDATE_GOLDEN=1 and review it").toBeDefined();
      expect(treeObject(actual)).toEqual(treeObject(want!));
      if (!applies) expect(changedPaths(run.before, run.after), "a refused apply wrote files").toEqual([]);
    });

    if (applies) {
      check("a", "(a) plan → apply → plan is empty (plan --detailed-exitcode exits 0)", async () => {
        const run = await main();
        expect(run.replan?.status, run.replan && describeRun(run.replan)).toBe(0);
        expect(run.replan!.stdout).toContain("No changes.");
      });

      check("b", "(b) applying twice equals applying once, and the second apply has nothing to do", async () => {
        const run = await main();
        expect(run.reapply?.status, run.reapply && describeRun(run.reapply)).toBe(0);
        expect(run.reapply!.stdout).toContain("Nothing to do.");
        expect(changedPaths(run.after, run.afterReapply!)).toEqual([]);
      });

      check("c", "(c) bytes packs does not own survive the apply (files, comments, foreign entries)", async () => {
        const run = await main();
        const owned = ownedItems(run.after);
        expect(owned.length, "the apply should own something").toBeGreaterThan(0);
        const userFiles = new Map([...run.before].filter(([p]) => !isPacksOwnFile(p)));
        expect(unownedSurvive(userFiles, run.after, owned)).toEqual([]);
      });

      check("d", "(d) removing every pack restores the project: user files byte for byte, nothing packs created left", async () => {
        const run = await main();
        expect(run.removal?.status, run.removal && describeRun(run.removal)).toBe(0);
        expectNoStackTrace(run.removal!);
        const before = new Map([...run.before].filter(([p]) => !isInput(p)));
        const beforeDirs = run.beforeDirs.filter((d) => !isInput(d));
        expect(removalRestores(before, beforeDirs, run.afterRemoval!, run.dirsAfterRemoval!)).toEqual([]);
        expect(run.planAfterRemoval?.status, run.planAfterRemoval && describeRun(run.planAfterRemoval)).toBe(0);
      });
    }

    for (const [scenario, steps] of Object.entries(config.scenarios ?? {})) {
      check(scenario, `scenario: ${scenario}`, async () => {
        const started = scenarioRuns.get(scenarioKey(name, scenario));
        if (started) return unwrap(started);
        // A known-bug scenario (it.skip) runs only when asked for explicitly.
        const project = makeProject(path.join(caseDir, "before"));
        projects.push(project);
        await runSteps(caseDir, project, steps);
      });
    }
  });
}
