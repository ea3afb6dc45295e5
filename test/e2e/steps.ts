/**
 * A case's steps.json: what the case proves, the exit codes of its first plan and apply, and
 * named scenarios. Each scenario starts from a fresh copy of the case's before/ and runs its
 * steps in order: edit files, run packs with flags and expected exit codes and output, check
 * files and whole trees.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "vitest";
import { bytesAsString, changedPaths, describeRun, golden, normalisePlan, readTree, runCli, stackLines, treeObject, type CliResult, type Tree } from "./harness.js";

export interface CaseConfig {
  /** One or two sentences: what this case proves. */
  about: string;
  /** Exit codes of the first `packs plan` and `packs apply --yes` (default 0 and 0). */
  first?: { plan?: number; apply?: number };
  scenarios?: Record<string, Step[]>;
  /**
   * Known bugs in packs (never in the test): a check or scenario named here ("plan",
   * "plan.json", "apply", "a".."d" for the invariants, or a scenario's name) runs as `it.skip`,
   * its name saying "BUG: <text>". The text says what is wrong and how to reproduce it.
   */
  bugs?: Record<string, string>;
}

export type Step =
  /**
   * Runs packs, in the project folder or in its subfolder `in`. `exit`: the expected exit code;
   * `stdout`/`stderr`: substrings they must contain; `unchanged`: every byte of the project is the
   * same afterwards; `golden`: stdout equals expected/<golden>.
   */
  | { do: "packs"; args: string[]; in?: string; exit: number; stdout?: string[]; notStdout?: string[]; stderr?: string[]; unchanged?: boolean; golden?: string; note?: string }
  /**
   * Writes a project file. In `text`, {{HOSTNAME}} becomes this machine's host name and
   * {{LIVE_PID}} the pid of the test process (alive while the step runs).
   */
  | { do: "write"; path: string; text: string }
  /** Copies a file of the case folder (e.g. variants/packs.yaml) over a project file. */
  | { do: "copy"; from: string; to: string }
  /** Replaces the one occurrence of `from` in a project file; fails when it is not there exactly once. */
  | { do: "replace"; path: string; from: string; to: string }
  | { do: "delete"; path: string }
  /** Sets a project file's mode, e.g. "755" (git keeps only the executable bit; this makes it explicit). */
  | { do: "chmod"; path: string; mode: string }
  /** Checks a project file: exact text, the same bytes as a case file, substrings, absence, the executable bit. */
  | { do: "expectFile"; path: string; equals?: string; sameAs?: string; contains?: string[]; notContains?: string[]; absent?: boolean; executable?: boolean }
  /** Remembers the project tree under a name... */
  | { do: "save"; name: string }
  /**
   * ...and later checks the tree is byte-identical to it; `case:<folder>` (e.g. case:expected/after)
   * compares with a folder of the case instead, packs/ and packs.yaml left out on both sides.
   */
  | { do: "expectTree"; sameAs: string };

/** packs.yaml and packs/ are a case's inputs; expected/after/ holds the rest of the project. */
export const isInput = (p: string): boolean => p === "packs.yaml" || p === "packs" || p.startsWith("packs/");

/** The keys each step may have, so that a misspelt check fails loudly instead of never running. */
const STEP_KEYS: Record<Step["do"], readonly string[]> = {
  packs: ["args", "in", "exit", "stdout", "notStdout", "stderr", "unchanged", "golden", "note"],
  write: ["path", "text"],
  copy: ["from", "to"],
  replace: ["path", "from", "to"],
  delete: ["path"],
  chmod: ["path", "mode"],
  expectFile: ["path", "equals", "sameAs", "contains", "notContains", "absent", "executable"],
  save: ["name"],
  expectTree: ["sameAs"],
};
const CONFIG_KEYS = ["about", "first", "scenarios", "bugs"];

export function readCaseConfig(caseDir: string): CaseConfig {
  const file = path.join(caseDir, "steps.json");
  if (!fs.existsSync(file)) return { about: "" };
  const config = JSON.parse(fs.readFileSync(file, "utf8")) as CaseConfig;
  const bad = (what: string) => new Error(`${file}: ${what}`);
  for (const k of Object.keys(config)) if (!CONFIG_KEYS.includes(k)) throw bad(`unknown key "${k}"`);
  for (const [name, steps] of Object.entries(config.scenarios ?? {})) {
    steps.forEach((step, i) => {
      const allowed = STEP_KEYS[step.do];
      if (!allowed) throw bad(`scenario "${name}" step ${i + 1}: unknown step "${String(step.do)}"`);
      for (const k of Object.keys(step)) if (k !== "do" && !allowed.includes(k)) throw bad(`scenario "${name}" step ${i + 1}: "${k}" is not a key of a ${step.do} step`);
    });
  }
  for (const key of Object.keys(config.bugs ?? {})) {
    if (!["plan", "plan.json", "apply", "a", "b", "c", "d"].includes(key) && !(key in (config.scenarios ?? {}))) throw bad(`bugs: "${key}" names no check or scenario`);
  }
  return config;
}

/** Every CLI run must be free of stack traces, whatever it printed. */
export function expectNoStackTrace(r: CliResult): void {
  expect(stackLines(r.stdout + r.stderr), describeRun(r)).toEqual([]);
}

export async function runSteps(caseDir: string, project: string, steps: readonly Step[]): Promise<void> {
  const saved = new Map<string, Tree>();
  const abs = (p: string) => path.join(project, p);
  for (const [n, step] of steps.entries()) {
    const where = `step ${n + 1} (${step.do}${step.do === "packs" ? ` ${step.args.join(" ")}${step.in ? ` in ${step.in}/` : ""}` : ""})`;
    switch (step.do) {
      case "packs": {
        const treeBefore = step.unchanged ? readTree(project) : undefined;
        const r = await runCli(step.in ? abs(step.in) : project, step.args);
        const msg = `${where}${step.note ? ` — ${step.note}` : ""}\n${describeRun(r)}`;
        expect(r.status, msg).toBe(step.exit);
        expectNoStackTrace(r);
        for (const s of step.stdout ?? []) expect(r.stdout, `${msg}\nstdout should contain ${JSON.stringify(s)}`).toContain(s);
        for (const s of step.notStdout ?? []) expect(r.stdout, `${msg}\nstdout should not contain ${JSON.stringify(s)}`).not.toContain(s);
        for (const s of step.stderr ?? []) expect(r.stderr, `${msg}\nstderr should contain ${JSON.stringify(s)}`).toContain(s);
        if (treeBefore) {
          const after = readTree(project);
          expect(changedPaths(treeBefore, after), `${msg}\nshould have written nothing`).toEqual([]);
        }
        if (step.golden) {
          const text = normalisePlan(r.stdout, project);
          const want = golden(path.join(caseDir, "expected", step.golden), text);
          expect(want, `${where}: golden expected/${step.golden} is missing; run with UPDATE_GOLDEN=1 and review it`).toBeDefined();
          expect(text, `${where}: stdout vs expected/${step.golden}`).toBe(want);
        }
        break;
      }
      case "write":
        fs.mkdirSync(path.dirname(abs(step.path)), { recursive: true });
        fs.writeFileSync(abs(step.path), step.text.replaceAll("{{HOSTNAME}}", os.hostname()).replaceAll("{{LIVE_PID}}", String(process.pid)));
        break;
      case "copy":
        fs.mkdirSync(path.dirname(abs(step.to)), { recursive: true });
        fs.copyFileSync(path.join(caseDir, step.from), abs(step.to));
        break;
      case "replace": {
        const text = fs.readFileSync(abs(step.path), "utf8");
        expect(text.split(step.from).length - 1, `${where}: ${JSON.stringify(step.from)} should occur once in ${step.path}`).toBe(1);
        fs.writeFileSync(abs(step.path), text.replace(step.from, () => step.to));
        break;
      }
      case "delete":
        fs.rmSync(abs(step.path), { recursive: true, force: true });
        break;
      case "chmod":
        fs.chmodSync(abs(step.path), parseInt(step.mode, 8));
        break;
      case "expectFile": {
        const exists = fs.existsSync(abs(step.path));
        if (step.absent) {
          expect(exists, `${where}: ${step.path} should not exist`).toBe(false);
          break;
        }
        expect(exists, `${where}: ${step.path} should exist`).toBe(true);
        const text = bytesAsString(fs.readFileSync(abs(step.path)));
        if (step.equals !== undefined) expect(text, `${where}: ${step.path}`).toBe(step.equals);
        if (step.sameAs !== undefined) expect(text, `${where}: ${step.path} vs ${step.sameAs}`).toBe(bytesAsString(fs.readFileSync(path.join(caseDir, step.sameAs))));
        if (step.executable !== undefined) expect((fs.statSync(abs(step.path)).mode & 0o111) !== 0, `${where}: ${step.path} executable`).toBe(step.executable);
        for (const s of step.contains ?? []) expect(text, `${where}: ${step.path} should contain ${JSON.stringify(s)}`).toContain(s);
        for (const s of step.notContains ?? []) expect(text, `${where}: ${step.path} should not contain ${JSON.stringify(s)}`).not.toContain(s);
        break;
      }
      case "save":
        saved.set(step.name, readTree(project));
        break;
      case "expectTree": {
        if (step.sameAs.startsWith("case:")) {
          const folder = path.join(caseDir, step.sameAs.slice("case:".length));
          expect(fs.existsSync(folder), `${where}: no folder ${folder}`).toBe(true);
          expect(treeObject(readTree(project, isInput)), `${where}: tree vs ${step.sameAs}`).toEqual(treeObject(readTree(folder, isInput)));
          break;
        }
        const want = saved.get(step.sameAs);
        expect(want, `${where}: no tree saved as "${step.sameAs}"`).toBeDefined();
        expect(treeObject(readTree(project)), `${where}: tree vs "${step.sameAs}"`).toEqual(treeObject(want!));
        break;
      }
    }
  }
}
