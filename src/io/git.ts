/**
 * The real `git` binary, for git sources: one bare mirror per remote in the user cache, and
 * reading a pack's files straight from the mirror's objects at a commit. Nothing is checked
 * out: a commit's tree is immutable, so the mirror is the cache of every commit at once.
 * Failures come back as values (`GitError`); callers turn them into diagnostics.
 */
import { execFile } from "node:child_process";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { sha256Hex } from "./hash.js";
import type { ReadTreeResult, TreeEntry } from "./read-tree.js";
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES, DEFAULT_MAX_TOTAL_BYTES, SKIPPED_DIRS } from "./read-tree.js";

export class GitError extends Error {
  constructor(message: string, readonly stderr: string) {
    super(message);
  }
}

function git(args: string[], opts: { cwd?: string; input?: string; maxBuffer?: number; timeoutMs?: number } = {}): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      // The environment is inherited: the CLI sets GIT_TERMINAL_PROMPT=0 at start, so a remote
      // that wants credentials fails instead of waiting for a password nobody will type.
      { cwd: opts.cwd, encoding: "buffer", maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024, timeout: opts.timeoutMs ?? 300_000 },
      (err, stdout, stderr) => {
        const errText = stderr.toString("utf8").trim();
        if (err) reject(new GitError(`git ${args[0]} failed: ${errText.split("\n").pop() || err.message}`, errText));
        else resolve({ stdout, stderr: errText });
      },
    );
    if (opts.input !== undefined) child.stdin!.end(opts.input);
  });
}

/** Where the mirror of `url` lives in the cache. */
export function mirrorDir(cacheDir: string, url: string): string {
  const name = url.replace(/\/+$/, "").split(/[/:]/).pop()!.replace(/\.git$/, "").replace(/[^A-Za-z0-9._-]/g, "_");
  return join(cacheDir, "git", `${name}-${sha256Hex(url).slice(0, 16)}.git`);
}

const FETCHED_AT = "packs-fetched-at";

/** When the mirror was last fetched (ms since the epoch), or undefined when there is no mirror. */
export async function mirrorFetchedAt(dir: string): Promise<number | undefined> {
  try {
    return (await stat(join(dir, FETCHED_AT))).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Only branches and tags are fetched (forced, pruned): a full mirror would also copy every other
 * ref a host keeps, such as GitHub's refs/pull/*, which can be thousands.
 */
const REFSPECS = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

/**
 * Make the mirror hold what the remote has now: create it (in a temporary folder, renamed into
 * place, so a killed first fetch leaves no half mirror) or fetch into it; HEAD follows the
 * remote's default branch.
 */
export async function syncMirror(dir: string, url: string, now: number): Promise<void> {
  if ((await mirrorFetchedAt(dir)) === undefined) {
    await mkdir(dirname(dir), { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}-${now}`;
    await rm(tmp, { recursive: true, force: true });
    try {
      await git(["init", "--quiet", "--bare", tmp]);
      await git(["remote", "add", "origin", "--", url], { cwd: tmp });
      await git(["config", "--unset-all", "remote.origin.fetch"], { cwd: tmp }).catch(() => undefined);
      for (const spec of REFSPECS) await git(["config", "--add", "remote.origin.fetch", spec], { cwd: tmp });
      await fetchInto(tmp);
      await writeFile(join(tmp, FETCHED_AT), "");
      await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return;
  }
  await fetchInto(dir);
  await writeFile(join(dir, FETCHED_AT), "");
}

async function fetchInto(dir: string): Promise<void> {
  await git(["fetch", "--quiet", "--prune", "--prune-tags", "--force", "--no-tags", "origin", ...REFSPECS], { cwd: dir });
  const { stdout } = await git(["ls-remote", "--symref", "origin", "HEAD"], { cwd: dir });
  const head = /^ref: (refs\/heads\/\S+)\tHEAD$/m.exec(stdout.toString("utf8"))?.[1];
  if (head) await git(["symbolic-ref", "HEAD", head], { cwd: dir });
}

export type RefKind = "branch" | "tag" | "commit" | "default";

/** A ref (tag, branch, commit, or undefined for the default branch) → commit SHA, or undefined. */
export async function resolveRef(dir: string, ref: string | undefined): Promise<{ sha: string; kind: RefKind } | undefined> {
  const candidates: [string, RefKind][] = ref === undefined
    ? [["HEAD", "default"]]
    : [[`refs/tags/${ref}`, "tag"], [`refs/heads/${ref}`, "branch"], [ref, "commit"]];
  for (const [name, kind] of candidates) {
    if (kind === "commit" && !/^[0-9a-f]{4,64}$/i.test(name)) continue;
    try {
      const { stdout } = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`], { cwd: dir });
      return { sha: stdout.toString("utf8").trim(), kind };
    } catch {
      // not this kind of ref
    }
  }
  return undefined;
}

/** Does the mirror hold this commit? */
export async function hasCommit(dir: string, sha: string): Promise<boolean> {
  try {
    await git(["cat-file", "-e", `${sha}^{commit}`], { cwd: dir });
    return true;
  } catch {
    return false;
  }
}

/** A few tags and branches, newest names first, for "did you mean" hints. */
export async function someRefs(dir: string, max = 8): Promise<string[]> {
  try {
    const { stdout } = await git(["for-each-ref", "--sort=-creatordate", `--count=${max}`, "--format=%(refname:short)", "refs/tags", "refs/heads"], { cwd: dir });
    return stdout.toString("utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The files under `path` (or the whole tree) at a commit, read from the object store with the
 * same result shape and limits as reading a folder: symlinks and submodules are listed, never
 * followed; executable bits kept. `undefined` when `path` is not a folder at that commit.
 */
export async function readTreeAtCommit(dir: string, sha: string, path: string | undefined, limits: { maxFileBytes?: number; maxFiles?: number; maxTotalBytes?: number } = {}): Promise<ReadTreeResult | undefined> {
  const maxFileBytes = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxTotalBytes = limits.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  let totalBytes = 0;
  const maxFiles = limits.maxFiles ?? DEFAULT_MAX_FILES;
  const prefix = path ? `${path.replace(/\/+$/, "")}/` : "";
  const { stdout } = await git(["ls-tree", "-r", "-z", "-l", "--full-tree", sha, "--", ...(prefix ? [prefix] : [])], { cwd: dir });
  const rows = stdout.toString("utf8").split("\0").filter(Boolean);
  if (prefix && rows.length === 0) return undefined;
  const result: ReadTreeResult = { files: [], symlinks: [], tooLarge: [], truncated: false };
  const wanted: { oid: string; path: string; executable: boolean }[] = [];
  for (const row of rows) {
    const tab = row.indexOf("\t");
    const [mode, type, oid, size] = row.slice(0, tab).split(/\s+/);
    const rel = row.slice(tab + 1).slice(prefix.length);
    if (rel.split("/").slice(0, -1).some((seg) => SKIPPED_DIRS.has(seg))) continue;
    if (type === "commit" || mode === "120000") {
      result.symlinks.push(rel); // a submodule is not followed either
      continue;
    }
    if (type !== "blob") continue;
    if (Number(size) > maxFileBytes) {
      result.tooLarge.push(rel);
      continue;
    }
    if (wanted.length >= maxFiles) {
      result.truncated = true;
      break;
    }
    if ((totalBytes += Number(size)) > maxTotalBytes) {
      result.totalTooLarge = true;
      break;
    }
    wanted.push({ oid: oid!, path: rel, executable: mode === "100755" });
  }
  result.files = await readBlobs(dir, wanted);
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.symlinks.sort();
  result.tooLarge.sort();
  return result;
}

/** `git cat-file --batch`: one process for every blob, framed as `<oid> blob <size>\n<bytes>\n`. */
async function readBlobs(dir: string, wanted: readonly { oid: string; path: string; executable: boolean }[]): Promise<TreeEntry[]> {
  if (wanted.length === 0) return [];
  const { stdout } = await git(["cat-file", "--batch"], { cwd: dir, input: wanted.map((w) => w.oid).join("\n") + "\n", maxBuffer: 1024 * 1024 * 1024 });
  const out: TreeEntry[] = [];
  let at = 0;
  for (const w of wanted) {
    const nl = stdout.indexOf(0x0a, at);
    const header = stdout.subarray(at, nl).toString("utf8").split(" ");
    if (header[1] !== "blob") throw new GitError(`git cat-file: unexpected object ${header.join(" ")} for ${w.path}`, "");
    const size = Number(header[2]);
    out.push({ path: w.path, bytes: new Uint8Array(stdout.subarray(nl + 1, nl + 1 + size)), executable: w.executable });
    at = nl + 1 + size + 1;
  }
  return out;
}
