/**
 * The project's own git repository, read at a commit from its object store (`packs plan --from
 * --to`): where the project sits in its repository, which commit a ref names, one file's bytes,
 * and a folder written out into a temporary folder. Only `rev-parse`, `ls-tree` and `cat-file`
 * run: nothing here writes to the repository, its index or its working tree.
 * Failures come back as values; callers turn them into diagnostics.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, realpath, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { GitError } from "./git.js";

function git(cwd: string, args: string[], opts: { input?: string; maxBuffer?: number } = {}): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile("git", args, { cwd, encoding: "buffer", maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) => {
      const errText = stderr.toString("utf8").trim();
      if (err) reject(new GitError(`git ${args[0]} failed: ${errText.split("\n").pop() || err.message}`, errText));
      else resolvePromise(stdout);
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
  });
}

/**
 * The git working tree `dir` is in: its top-level folder, and the path from there to `dir`
 * (POSIX, "" at the top, else ending in "/"). `error` (git's own words) when `dir` is not a
 * folder inside a working tree, or git cannot be run.
 */
export async function repositoryOf(dir: string): Promise<{ top: string; prefix: string } | { error: string }> {
  try {
    if (!(await stat(dir)).isDirectory()) return { error: `${dir} is not a folder` };
  } catch {
    return { error: `${dir} does not exist` };
  }
  try {
    const out = (await git(dir, ["rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix"])).toString("utf8").split("\n");
    if (out[0] !== "true" || !out[1]) return { error: "not inside a git working tree" };
    return { top: out[1], prefix: out[2] ?? "" };
  } catch (e) {
    return { error: e instanceof GitError ? e.stderr.split("\n").pop() || e.message : (e as Error).message };
  }
}

/** The commit a ref names (anything `git rev-parse` takes: main, origin/main, v1.2, HEAD~1, a SHA), or undefined. */
export async function commitOf(repoDir: string, ref: string): Promise<string | undefined> {
  if (ref === "") return undefined;
  try {
    return (await git(repoDir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])).toString("utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** True when the repository is a shallow clone (some history is missing). */
export async function isShallowRepository(repoDir: string): Promise<boolean> {
  try {
    return (await git(repoDir, ["rev-parse", "--is-shallow-repository"])).toString("utf8").trim() === "true";
  } catch {
    return false;
  }
}

export type GitEntryKind = "file" | "symlink" | "folder" | "submodule";

/** What is at `path` (POSIX, relative to the repository's top, "" for the top) in a commit; undefined when nothing is. */
export async function entryAtCommit(repoDir: string, commit: string, path: string): Promise<{ kind: GitEntryKind; oid: string } | undefined> {
  const clean = path.replace(/\/+$/, "");
  if (clean === "") return { kind: "folder", oid: `${commit}^{tree}` };
  const slash = clean.lastIndexOf("/");
  const parent = slash === -1 ? "" : clean.slice(0, slash);
  const name = clean.slice(slash + 1);
  let rows: string[];
  try {
    // `<commit>:<folder>` names the folder's tree without pathspec matching, so no character in a path is special.
    rows = (await git(repoDir, ["ls-tree", "-z", "--full-tree", parent === "" ? `${commit}^{tree}` : `${commit}:${parent}`])).toString("utf8").split("\0");
  } catch {
    return undefined; // the parent folder is not there (or is not a folder)
  }
  for (const row of rows) {
    const tab = row.indexOf("\t");
    if (tab === -1 || row.slice(tab + 1) !== name) continue;
    const [mode, type, oid] = row.slice(0, tab).split(" ");
    const kind: GitEntryKind = type === "tree" ? "folder" : type === "commit" ? "submodule" : mode === "120000" ? "symlink" : "file";
    return { kind, oid: oid! };
  }
  return undefined;
}

/**
 * The bytes of the regular file at `path` in a commit. `undefined` when nothing is there; a
 * folder, symlink or submodule there comes back as its kind.
 */
export async function readFileAtRef(repoDir: string, commit: string, path: string): Promise<{ bytes: Uint8Array } | { missing: true } | { kind: Exclude<GitEntryKind, "file"> }> {
  const entry = await entryAtCommit(repoDir, commit, path);
  if (!entry) return { missing: true };
  if (entry.kind !== "file") return { kind: entry.kind };
  const out = await git(repoDir, ["cat-file", "blob", entry.oid], { maxBuffer: 1024 * 1024 * 1024 });
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
}

export interface ExportResult {
  /** Regular files written. */
  files: number;
  /** Symlinks recreated (relative targets). */
  symlinks: string[];
  /** Symlinks left out (absolute targets, or not creatable here) and submodules, relative to `destDir`. */
  skipped: string[];
}

/** Blobs are read in batches of at most this many bytes, so a large tree is never all in memory. */
const BATCH_BYTES = 32 * 1024 * 1024;
const BATCH_FILES = 2000;

/**
 * Write the folder at `path` in a commit ("" for the whole commit) into `destDir`, as a checkout
 * would, from the object store: regular files with their executable bit, symlinks with a relative
 * target (run `confineSymlinks` on the folder once everything is written), submodules left out.
 * `undefined` when `path` is not a folder at that commit. `destDir` is created; files already in
 * it are overwritten, others left as they are.
 */
export async function exportTree(repoDir: string, commit: string, path: string, destDir: string): Promise<ExportResult | undefined> {
  const clean = path.replace(/\/+$/, "");
  const entry = await entryAtCommit(repoDir, commit, clean);
  if (entry?.kind !== "folder") return undefined;
  const treeish = clean === "" ? `${commit}^{tree}` : `${commit}:${clean}`;
  const rows = (await git(repoDir, ["ls-tree", "-r", "-z", "-l", "--full-tree", treeish], { maxBuffer: 1024 * 1024 * 1024 })).toString("utf8").split("\0").filter(Boolean);
  const result: ExportResult = { files: 0, symlinks: [], skipped: [] };
  const blobs: { oid: string; rel: string; size: number; mode: string }[] = [];
  for (const row of rows) {
    const tab = row.indexOf("\t");
    const [mode, type, oid, size] = row.slice(0, tab).split(/\s+/);
    const rel = row.slice(tab + 1);
    if (type === "commit") result.skipped.push(rel);
    else if (type === "blob") blobs.push({ oid: oid!, rel, size: Number(size) || 0, mode: mode! });
  }
  await mkdir(destDir, { recursive: true });
  const root = resolve(destDir);
  let batch: typeof blobs = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const contents = await catBlobs(repoDir, batch.map((b) => b.oid), batchBytes);
    for (const [i, b] of batch.entries()) {
      const abs = resolve(root, b.rel);
      if (!isInside(root, abs)) throw new Error(`bug: git listed a path outside the tree: ${b.rel}`);
      await mkdir(dirname(abs), { recursive: true });
      if (b.mode === "120000") {
        const target = Buffer.from(contents[i]!).toString("utf8");
        if (isAbsolute(target) || /^[A-Za-z]:/.test(target)) {
          result.skipped.push(b.rel);
          continue;
        }
        try {
          await symlink(target, abs);
          result.symlinks.push(b.rel);
        } catch {
          result.skipped.push(b.rel); // e.g. no permission to create symlinks on Windows
        }
        continue;
      }
      await writeFile(abs, contents[i]!, { mode: b.mode === "100755" ? 0o755 : 0o644 });
      result.files++;
    }
    batch = [];
    batchBytes = 0;
  };
  for (const b of blobs) {
    if (batch.length > 0 && (batchBytes + b.size > BATCH_BYTES || batch.length >= BATCH_FILES)) await flush();
    batch.push(b);
    batchBytes += b.size;
  }
  await flush();
  result.symlinks.sort();
  result.skipped.sort();
  return result;
}

/**
 * Remove every symlink under `root` that resolves outside it, and return their paths (relative,
 * sorted). A relative target can leave the folder through other links (`a -> .`,
 * `b -> a/a/../..`), so each link is resolved for real, and passes repeat until one removes
 * nothing: removing a link only ever makes others dangle, never point elsewhere. Run it once
 * every file is in place. Dangling links stay (they read as "no such file", as in a checkout).
 */
export async function confineSymlinks(root: string): Promise<string[]> {
  const realRoot = await realpath(root);
  const links: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(join(realRoot, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) links.push(r);
      else if (e.isDirectory()) await walk(r);
    }
  };
  await walk("");
  const removed: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const rel of links.filter((l) => !removed.includes(l))) {
      let real: string;
      try {
        real = await realpath(join(realRoot, rel));
      } catch {
        continue;
      }
      if (isInside(realRoot, real)) continue;
      await rm(join(realRoot, rel), { force: true });
      removed.push(rel);
      changed = true;
    }
  }
  return removed.sort();
}

/** `git cat-file --batch` for these blobs, in order; framed as `<oid> blob <size>\n<bytes>\n`. */
async function catBlobs(repoDir: string, oids: readonly string[], totalBytes: number): Promise<Uint8Array[]> {
  const stdout = await git(repoDir, ["cat-file", "--batch"], { input: oids.join("\n") + "\n", maxBuffer: totalBytes + oids.length * 128 + 1024 * 1024 });
  const out: Uint8Array[] = [];
  let at = 0;
  for (const oid of oids) {
    const nl = stdout.indexOf(0x0a, at);
    const header = stdout.subarray(at, nl).toString("utf8").split(" ");
    if (header[1] !== "blob") throw new GitError(`git cat-file: unexpected object ${header.join(" ")} for ${oid}`, "");
    const size = Number(header[2]);
    out.push(new Uint8Array(stdout.subarray(nl + 1, nl + 1 + size)));
    at = nl + 1 + size + 1;
  }
  return out;
}

function isInside(root: string, abs: string): boolean {
  const back = relative(root, abs);
  return back === "" || (!back.startsWith("..") && !isAbsolute(back));
}

/** A new, empty temporary folder (under the OS temp folder), for work that must not touch the project. */
export async function makeTempDir(prefix: string): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

/** Remove a file or folder and everything under it; nothing there is fine. */
export async function removeTree(abs: string): Promise<void> {
  await rm(abs, { recursive: true, force: true });
}

/** Write a file's bytes, creating its folder. */
export async function writeBytes(abs: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(abs), { recursive: true });
  await writeFile(abs, bytes);
}
