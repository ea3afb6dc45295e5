/**
 * Git remotes for source tests: a work tree the test edits and commits to, pushed to a bare
 * repository the CLI fetches with a file:// URL. Never the network.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const GIT_ID = ["-c", "user.email=test@example.com", "-c", "user.name=packs test", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"];

export class GitRemote {
  readonly work: string;
  readonly bare: string;

  constructor(root: string, name: string) {
    this.work = path.join(root, `${name}-work`);
    this.bare = path.join(root, `${name}.git`);
    fs.mkdirSync(this.work, { recursive: true });
    this.git("init", "-q");
    execFileSync("git", [...GIT_ID, "init", "-q", "--bare", this.bare]);
    execFileSync("git", ["--git-dir", this.bare, "symbolic-ref", "HEAD", "refs/heads/main"]);
  }

  get url(): string {
    return `file://${this.bare}`;
  }

  git(...args: string[]): string {
    return execFileSync("git", [...GIT_ID, ...args], { cwd: this.work, encoding: "utf8" }).trim();
  }

  write(rel: string, text: string): this {
    fs.mkdirSync(path.dirname(path.join(this.work, rel)), { recursive: true });
    fs.writeFileSync(path.join(this.work, rel), text);
    return this;
  }

  /** Commit everything, optionally (re)tag it, push branches and tags (forced); returns the SHA. */
  commit(message: string, tag?: string): string {
    this.git("add", "-A");
    this.git("commit", "-q", "--allow-empty", "-m", message);
    if (tag) this.git("tag", "-f", tag);
    this.git("push", "-q", "-f", "--tags", this.bare, "HEAD:refs/heads/main");
    return this.git("rev-parse", "HEAD");
  }
}

/** A pack folder's files: PACK.yaml and one skill whose body says `body`. */
export function packFiles(name: string, version: string, body: string): Record<string, string> {
  return {
    "PACK.yaml": `name: ${name}\nversion: ${version}\ndescription: The ${name} pack\n`,
    "skills/review/SKILL.md": `---\nname: review\ndescription: Reviews changes\n---\n${body}\n`,
  };
}
