/**
 * The e2e harness: projects in fresh temp folders, the real CLI run as a child process
 * (`node bin/packs.js`, built beforehand by `npm run build`), and helpers to read, compare and
 * write whole trees of files byte for byte.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(REPO_ROOT, "bin", "packs.js");
export const CASES_DIR = path.join(REPO_ROOT, "test", "e2e", "cases");
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === "1";

/** Fails fast, with the fix, when dist/ was not built: every e2e test runs the compiled CLI. */
export function assertBuilt(): void {
  if (!fs.existsSync(path.join(REPO_ROOT, "dist", "cli", "main.js"))) {
    throw new Error("dist/ is missing: run `npm run build` before the e2e tests (`npm test` does it).");
  }
}

export interface CliResult {
  args: string[];
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/packs.js ...args` in `cwd`, as a user's shell would: stdin is not a TTY (a
 * closed pipe), NO_COLOR is set. Asynchronous, so that independent runs can overlap (see `pool`).
 */
export function runCli(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...offlineGitEnv(), ...env }, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const stderr = Buffer.concat(err).toString("utf8") + (signal ? `\n[killed by ${signal}]\n` : "");
      resolve({ args: [...args], status: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr });
    });
    child.stdin.end();
  });
}

/**
 * Runs async jobs at most `n` at a time, in the order they were queued. Each CLI run is mostly
 * node start-up on one core; overlapping a few keeps the e2e suite fast on a 2-core CI runner.
 */
export function pool(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (running >= n || queue.length === 0) return;
    running++;
    queue.shift()!();
  };
  return <T>(job: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        job().then(resolve, reject).finally(() => {
          running--;
          next();
        });
      });
      next();
    });
}

/** How many projects the suite works on at once. */
export const CONCURRENCY = Number(process.env.PACKS_E2E_CONCURRENCY) || Math.max(2, Math.min(4, os.availableParallelism()));

/** A promise that never rejects, so a job started early cannot become an unhandled rejection. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
}

export async function unwrap<T>(p: Promise<Settled<T>> | undefined): Promise<T> {
  if (!p) throw new Error("bug in the e2e suite: job not started");
  const s = await p;
  if (!s.ok) throw s.error;
  return s.value;
}

/** One line naming a run, for assertion messages. */
export function describeRun(r: CliResult): string {
  return `packs ${r.args.join(" ")} → exit ${r.status}\n--- stdout ---\n${r.stdout}--- stderr ---\n${r.stderr}`;
}

/** A fresh temp folder holding a copy of `source` (a case's before/ folder); real files, no links. */
export function makeProject(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "packs-e2e-"));
  fs.cpSync(source, dir, { recursive: true, dereference: true });
  return dir;
}

/** A fresh temp folder holding exactly `tree`. */
export function projectFromTree(tree: Tree): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "packs-e2e-"));
  for (const [rel, content] of tree) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), stringAsBytes(content));
  }
  return dir;
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** path (relative, `/`-separated) → file content. */
export type Tree = Map<string, string>;

/** Folders never read into a tree: packs' temp folder (journal, apply lock) is not state. */
const SKIPPED_DIRS = new Set([".packs/tmp"]);

/**
 * File bytes as a string that compares byte for byte: UTF-8 text when the bytes are valid UTF-8
 * (readable diffs), otherwise `base64:` and the bytes.
 */
export function bytesAsString(buf: Buffer): string {
  const text = buf.toString("utf8");
  return Buffer.from(text, "utf8").equals(buf) ? text : `base64:${buf.toString("base64")}`;
}

function stringAsBytes(s: string): Buffer {
  return s.startsWith("base64:") ? Buffer.from(s.slice(7), "base64") : Buffer.from(s, "utf8");
}

/** Every file under `root`, sorted by path. `skip(rel)` leaves out a file or a whole folder. */
export function readTree(root: string, skip: (rel: string) => boolean = () => false): Tree {
  const out: Tree = new Map();
  const walk = (rel: string) => {
    const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (SKIPPED_DIRS.has(r) || skip(r)) continue;
      if (e.isDirectory()) walk(r);
      else out.set(r, bytesAsString(fs.readFileSync(path.join(root, r))));
    }
  };
  if (fs.existsSync(root)) walk("");
  return out;
}

/** Every folder under `root` (relative paths), with whether it is empty. */
export function listDirs(root: string, skip: (rel: string) => boolean = () => false): { path: string; empty: boolean }[] {
  const out: { path: string; empty: boolean }[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip(r)) continue;
      out.push({ path: r, empty: fs.readdirSync(path.join(root, r)).length === 0 });
      walk(r);
    }
  };
  walk("");
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Writes a tree under `root`, replacing whatever was there. */
export function writeTree(root: string, tree: Tree): void {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, content] of tree) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), stringAsBytes(content));
  }
}

/** A tree as a plain object (sorted), for `toEqual` diffs that name the differing path. */
export function treeObject(tree: Tree): Record<string, string> {
  return Object.fromEntries([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The paths whose content differs between two trees (added, removed or changed). */
export function changedPaths(a: Tree, b: Tree): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

/**
 * Plan text made comparable with a golden file: the project's temp path (as given and as
 * resolved by the OS) becomes `<project>`. The plan text has no temp paths today; this keeps a
 * future one from making goldens machine-specific.
 */
export function normalisePlan(text: string, projectDir: string): string {
  let out = text;
  for (const p of new Set([fs.realpathSync(projectDir), projectDir])) out = out.split(p).join("<project>");
  return out;
}

/** Lines of a stack trace (`    at fn (file:line:col)`), which user-facing output must never show. */
export function stackLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => /^\s+at\s/.test(l));
}

/**
 * Compares `actual` with the golden file `file`, or (re)writes it when UPDATE_GOLDEN=1.
 * Returns the expected text (undefined when the golden does not exist and is not being written).
 */
export function golden(file: string, actual: string): string | undefined {
  if (UPDATE_GOLDEN) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return actual;
  }
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}

/** Like `golden`, for a whole tree. */
export function goldenTree(dir: string, actual: Tree): Tree | undefined {
  if (UPDATE_GOLDEN) {
    writeTree(dir, actual);
    return actual;
  }
  return fs.existsSync(dir) ? readTree(dir) : undefined;
}

const GITHUB_DIR = path.join(REPO_ROOT, "test", "e2e", "github");
const REAL_DIR = path.resolve(REPO_ROOT, "..", "shared", "fixtures", "real");
let fakeGithub: { base: string; cache: string } | undefined;

/**
 * Every CLI run fetches https://github.com/<owner>/<repo> from bare repositories built from
 * test/e2e/github/ (see its README) and caches sources in a temp folder of this process: no run
 * can reach the network or the user's cache. Built once per test process.
 */
export function offlineGitEnv(): Record<string, string> {
  if (!fakeGithub) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "packs-fake-github-"));
    const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
      cwd,
      env: { ...process.env, GIT_AUTHOR_NAME: "packs test", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "packs test", GIT_COMMITTER_EMAIL: "test@example.com", GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" },
      stdio: "ignore",
    });
    for (const owner of fs.readdirSync(GITHUB_DIR).filter((o) => fs.statSync(path.join(GITHUB_DIR, o)).isDirectory())) {
      for (const repo of fs.readdirSync(path.join(GITHUB_DIR, owner))) {
        const work = path.join(tmp, "work", owner, repo);
        fs.cpSync(path.join(GITHUB_DIR, owner, repo), work, { recursive: true });
        const list = path.join(work, "real-files.txt");
        if (fs.existsSync(list)) {
          for (const rel of fs.readFileSync(list, "utf8").split("\n").filter(Boolean)) {
            fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
            fs.copyFileSync(path.join(REAL_DIR, repo, rel), path.join(work, rel));
          }
          fs.rmSync(list);
        }
        git(work, "init", "-q");
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "fixture");
        git(tmp, "clone", "-q", "--bare", work, path.join(tmp, "github", owner, `${repo}.git`));
      }
    }
    fakeGithub = { base: `file://${path.join(tmp, "github")}/`, cache: path.join(tmp, "cache") };
  }
  return { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: `url.${fakeGithub.base}.insteadOf`, GIT_CONFIG_VALUE_0: "https://github.com/", PACKS_CACHE_DIR: fakeGithub.cache };
}
