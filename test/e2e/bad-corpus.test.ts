/**
 * The corpus of malformed inputs, `test/fixtures/bad/<case>/` (see its README): each case is a
 * project (the files of `_base/` with the case's files laid over them) and a `case.json` saying
 * which command to run and which diagnostic it must print. For every case and every command:
 * exit 1, `error[<code>] <where>: ` and the message on stderr, no stack trace, no "internal
 * error", and every file of the project byte-identical afterwards; `check`, `status`, `sbom`,
 * `explain` and `plan --json` on the same project must not crash or write either. Cases marked `json` also run
 * `--json` through the real CLI (`node bin/packs.js`) and must report the same code and location
 * as data.
 *
 * The commands run in process (`main` with a recording CliIo, as test/cli does): a run costs a
 * few milliseconds instead of a node start-up, so the whole corpus takes seconds.
 * `BAD_CORPUS_DISCOVER=1` prints what each case prints instead of checking it (for writing a
 * new case.json).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "../cli/fake-io.js";
import { REPO_ROOT, assertBuilt, describeRun, runCli, stackLines } from "./harness.js";

const CORPUS = path.join(REPO_ROOT, "test", "fixtures", "bad");
const BASE = path.join(CORPUS, "_base");
const DISCOVER = process.env.BAD_CORPUS_DISCOVER === "1";
/** Also run on every plan/apply case: they may succeed or fail, but must not crash or write. */
const READ_ONLY = [["check"], ["status"], ["sbom"], ["explain", "opencode.jsonc"], ["plan", "--json"]];

interface CaseSpec {
  about: string;
  /** An input a malicious pack or a tampered file would hold, not a mistake (counted in docs/reliability.md). */
  hostile?: boolean;
  /** Project files of `_base/` to delete. */
  delete?: string[];
  /** Symlinks to create (path → target), made at run time so the repository holds none. */
  symlinks?: Record<string, string>;
  /** Files of this many bytes to create at run time (too large to check in). */
  generate?: { path: string; bytes: number }[];
  /** Make a saved plan (`plan --out plan.json`) first, then break it or the project. */
  plan_edit?: "write-dotdot" | "stale";
  /** Commands to run; each must fail the same way. Default: `plan`, then `apply --yes`. */
  runs?: string[][];
  code: string;
  /** A piece of the diagnostic's summary or hint. */
  message: string;
  /** `file:line:col`, `file:line` or `file`, as printed after the code. */
  where: string;
  /** Also check `--json` (real CLI): the diagnostic with this code and location as data. */
  json?: boolean;
}

const names = fs.readdirSync(CORPUS).filter((n) => !n.startsWith("_") && fs.existsSync(path.join(CORPUS, n, "case.json"))).sort();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A temp folder holding `project/` (the case's project) and room beside it (the cache, `outside/`). */
async function setUp(name: string, spec: CaseSpec): Promise<string> {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "packs-bad-"));
  dirs.push(top);
  const dir = path.join(top, "project");
  fs.cpSync(BASE, dir, { recursive: true });
  for (const rel of spec.delete ?? []) fs.rmSync(path.join(dir, rel), { recursive: true, force: true });
  fs.cpSync(path.join(CORPUS, name), dir, { recursive: true, filter: (src) => path.basename(src) !== "case.json" });
  for (const [rel, target] of Object.entries(spec.symlinks ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, rel));
  }
  for (const g of spec.generate ?? []) fs.writeFileSync(path.join(dir, g.path), Buffer.alloc(g.bytes, "a"));
  if (spec.plan_edit) {
    const r = await inProcess(dir, ["plan", "--out", "plan.json"]);
    if (r.code !== 0) throw new Error(`the base plan failed:\n${r.stderr}`);
    if (spec.plan_edit === "write-dotdot") {
      const plan = JSON.parse(fs.readFileSync(path.join(dir, "plan.json"), "utf8"));
      plan.files.writes.push({ ...plan.files.writes[0], path: "../escaped.txt" });
      fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(plan, null, 2));
    } else {
      fs.appendFileSync(path.join(dir, "opencode.jsonc"), "\n// edited after the plan was saved\n");
    }
  }
  return dir;
}

/** Every path under `root` (files, folders, symlinks) with a hash of what it is, sorted. */
function fingerprint(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(root, r);
      if (e.isSymbolicLink()) out.push(`${r} -> ${fs.readlinkSync(abs)}`);
      else if (e.isDirectory()) {
        out.push(`${r}/`);
        walk(r);
      } else out.push(`${r} ${createHash("sha256").update(fs.readFileSync(abs)).digest("hex")}`);
    }
  };
  walk("");
  return out.sort();
}

/**
 * `main` in process, with the process's working folder set to the project for the run, as a shell
 * would: a file argument (`apply plan.json`, `--out plan.json`) is relative to it.
 */
async function inProcess(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const was = process.cwd();
  process.chdir(dir);
  try {
    return await runMain(dir, args, { env: { PACKS_CACHE_DIR: path.join(dir, "..", "cache"), PACKS_OFFLINE: "1" } });
  } finally {
    process.chdir(was);
  }
}

function spec(name: string): CaseSpec {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, name, "case.json"), "utf8")) as CaseSpec;
}

async function check(name: string): Promise<void> {
  const c = spec(name);
  const dir = await setUp(name, c);
  const top = path.dirname(dir);
  const before = fingerprint(top);
  for (const args of c.runs ?? [["plan"], ["apply", "--yes"]]) {
    const r = await inProcess(dir, args);
    const msg = `packs ${args.join(" ")} → exit ${r.code}\n--- stdout ---\n${r.stdout}--- stderr ---\n${r.stderr}`;
    if (DISCOVER) {
      console.log(`### ${name} (${args.join(" ")}) exit ${r.code}\n${r.stderr.split("\n").slice(0, 3).join("\n")}`);
      continue;
    }
    expect(r.code, msg).toBe(1);
    expect(r.stderr, msg).toContain(`error[${c.code}] ${c.where}: `);
    expect(r.stderr, msg).toContain(c.message);
    expect(r.stderr, msg).not.toContain("internal error");
    expect(stackLines(r.stdout + r.stderr), msg).toEqual([]);
    expect(fingerprint(top), `${msg}\nbad input must leave every file as it was`).toEqual(before);
  }
  // The read-only commands meet the same input: whatever they answer, no crash and no write.
  if (!DISCOVER && !c.runs) {
    for (const args of READ_ONLY) {
      const r = await inProcess(dir, args);
      const msg = `packs ${args.join(" ")} → exit ${r.code}\n${r.stdout}${r.stderr}`;
      expect([0, 1, 2], msg).toContain(r.code);
      expect(r.stderr, msg).not.toContain("internal error");
      expect(stackLines(r.stdout + r.stderr), msg).toEqual([]);
    }
    expect(fingerprint(top), "read-only commands must leave every file as it was").toEqual(before);
  }
  if (c.json && !DISCOVER) {
    const args = [...(c.runs ?? [["plan"]])[0]!, "--json"];
    const r = await runCli(dir, args);
    expect(r.status, describeRun(r)).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; location?: { file: string; line?: number; col?: number } }[] };
    expect(out.ok, r.stdout).toBe(false);
    const d = out.diagnostics.find((x) => x.code === c.code);
    expect(d, r.stdout).toBeDefined();
    const [file, line, col] = c.where.split(":");
    expect(d!.location).toEqual({ file, ...(line && { line: Number(line) }), ...(col && { col: Number(col) }) });
    expect(fingerprint(top), "--json must leave every file as it was").toEqual(before);
  }
}

describe("bad-input corpus (test/fixtures/bad): exit 1, the diagnostic with its location, no stack trace, nothing touched", () => {
  it("has at least 50 cases, each with a code, a message and a location", () => {
    expect(names.length).toBeGreaterThanOrEqual(50);
    if (DISCOVER) return;
    for (const n of names) expect(spec(n), n).toMatchObject({ code: expect.any(String), message: expect.any(String), where: expect.any(String) });
    if (names.some((n) => spec(n).json)) assertBuilt();
  });
  for (const name of names) it(`${name}: ${spec(name).about}`, () => check(name), 20_000);
});
