/**
 * Reading the project's own repository at a commit (io/git-export): nothing is written to the
 * repository, files keep their executable bit, symlinks never lead out of the copy.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitOf, confineSymlinks, entryAtCommit, exportTree, readFileAtRef, repositoryOf } from "../../src/io/git-export.js";

let root: string;
let repo: string;
let head: string;

const git = (...args: string[]) => execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
  cwd: repo,
  env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
  encoding: "utf8",
}).trim();

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "packs-git-export-")));
  repo = path.join(root, "repo");
  fs.mkdirSync(path.join(repo, "proj", "skills", "x"), { recursive: true });
  fs.writeFileSync(path.join(repo, "proj", "packs.yaml"), "version: 1\n");
  fs.writeFileSync(path.join(repo, "proj", "skills", "x", "run.sh"), "#!/bin/sh\necho hi\n", { mode: 0o755 });
  fs.writeFileSync(path.join(repo, "proj", "weird name: [x]*.md"), "pathspec characters\n");
  fs.symlinkSync("skills", path.join(repo, "proj", "inside"));
  fs.symlinkSync("/etc", path.join(repo, "proj", "absolute"));
  fs.symlinkSync("../..", path.join(repo, "proj", "up"));
  fs.symlinkSync(".", path.join(repo, "proj", "dot"));
  fs.symlinkSync("dot/dot/../..", path.join(repo, "proj", "sneaky")); // lexically inside, really outside
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "one");
  head = git("rev-parse", "HEAD");
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("git-export", () => {
  it("locates the project in its repository", async () => {
    expect(await repositoryOf(path.join(repo, "proj"))).toEqual({ top: repo, prefix: "proj/" });
    expect(await repositoryOf(path.join(repo, "missing"))).toHaveProperty("error");
  });

  it("resolves refs to commits, and nothing for an unknown one or an option", async () => {
    expect(await commitOf(repo, "main")).toBe(head);
    expect(await commitOf(repo, "HEAD")).toBe(head);
    expect(await commitOf(repo, "nope")).toBeUndefined();
    expect(await commitOf(repo, "--all")).toBeUndefined();
  });

  it("reads one file, with pathspec characters taken literally", async () => {
    const got = await readFileAtRef(repo, head, "proj/weird name: [x]*.md");
    expect("bytes" in got && Buffer.from(got.bytes).toString()).toBe("pathspec characters\n");
    expect(await readFileAtRef(repo, head, "proj/skills")).toEqual({ kind: "folder" });
    expect(await readFileAtRef(repo, head, "proj/inside")).toEqual({ kind: "symlink" });
    expect(await readFileAtRef(repo, head, "proj/none.md")).toEqual({ missing: true });
    expect(await entryAtCommit(repo, head, "nope/deeper/file")).toBeUndefined();
  });

  it("exports a folder: executable bits kept, symlinks confined to the copy", async () => {
    const dest = path.join(root, "out", "proj");
    const result = await exportTree(repo, head, "proj", dest);
    expect(result).toBeDefined();
    expect(result!.skipped).toEqual(["absolute"]);
    expect(fs.statSync(path.join(dest, "skills", "x", "run.sh")).mode & 0o111).not.toBe(0);
    expect(fs.statSync(path.join(dest, "packs.yaml")).mode & 0o111).toBe(0);
    expect(await confineSymlinks(path.join(root, "out"))).toEqual(["proj/sneaky", "proj/up"]);
    expect(fs.readlinkSync(path.join(dest, "inside"))).toBe("skills");
    expect(fs.existsSync(path.join(dest, "up"))).toBe(false);
    expect(fs.existsSync(path.join(dest, "sneaky"))).toBe(false);
    expect(await exportTree(repo, head, "proj/packs.yaml", path.join(root, "nothing"))).toBeUndefined();
  });

  it("leaves the repository's status as it was", () => {
    expect(git("status", "--porcelain")).toBe("");
  });
});
