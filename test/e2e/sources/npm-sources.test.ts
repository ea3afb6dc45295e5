/**
 * npm and .tgz sources end to end, through the real CLI, against a fake registry on 127.0.0.1:
 * the version picked and pinned with its integrity, a teammate reproducing it without the
 * packument, a re-published tarball refused, --offline from the cache, a local .tgz.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish, sha512, startRegistry, type FakeRegistry } from "../../sources/fake-registry.js";
import { tgz } from "../../sources/tar-writer.js";
import { assertBuilt, readTree, runCli } from "../harness.js";

let root: string;
let reg: FakeRegistry;

beforeAll(async () => {
  assertBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-npm-"));
  reg = await startRegistry();
});
afterAll(() => reg.close());

function packTgz(version: string, body: string): Uint8Array {
  return tgz([
    { name: "package/", type: "5" },
    { name: "package/package.json", data: JSON.stringify({ name: "@acme/review-pack", version }) },
    { name: "package/PACK.yaml", data: `name: review\nversion: ${version}\ndescription: Review pack\n` },
    { name: "package/skills/review/SKILL.md", data: `---\nname: review\ndescription: Reviews changes\n---\n${body}\n` },
  ]);
}

function project(name: string, source: string) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "packs.yaml"), `version: 1\nagents: [codex]\npacks:\n  review:\n    source: "${source}"\n`);
  const env = { PACKS_CACHE_DIR: path.join(root, `${name}-cache`), PACKS_NPM_REGISTRY: reg.url };
  return { dir, run: (...args: string[]) => runCli(dir, args, env), file: (rel: string) => fs.readFileSync(path.join(dir, rel), "utf8") };
}

describe("npm sources", () => {
  it("pins the highest version in the range with its integrity; a teammate reproduces it without the packument; a re-published tarball is refused", async () => {
    const v11 = packTgz("1.1.0", "One one.");
    publish(reg, "@acme/review-pack", [{ version: "1.0.0", bytes: packTgz("1.0.0", "One.") }, { version: "1.1.0", bytes: v11 }, { version: "2.0.0", bytes: packTgz("2.0.0", "Two.") }], { latest: "2.0.0" });
    const a = project("npm-a", "npm:@acme/review-pack@^1");
    const applied = await a.run("apply", "--yes");
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain("pack review 1.1.0 (npm:@acme/review-pack@^1 @ @acme/review-pack@1.1.0)");
    const lock = a.file("packs.lock.yaml");
    expect(lock).toContain("kind: npm\n");
    expect(lock).toContain("resolved: \"@acme/review-pack@1.1.0\"\n");
    expect(lock).toContain(`tarball_integrity: ${sha512(v11)}\n`);
    expect(a.file(".agents/skills/review/SKILL.md")).toContain("One one.");

    const b = project("npm-b", "npm:@acme/review-pack@^1");
    fs.writeFileSync(path.join(b.dir, "packs.lock.yaml"), lock);
    reg.log.length = 0;
    expect((await b.run("apply", "--yes", "--frozen")).status).toBe(0);
    expect(reg.log.filter((p) => !p.startsWith("/tarballs/"))).toEqual([]); // no packument: the lock says which tarball
    expect(b.file(".agents/skills/review/SKILL.md")).toBe(a.file(".agents/skills/review/SKILL.md"));

    // The same version is re-published with other bytes; a fresh machine must refuse it.
    publish(reg, "@acme/review-pack", [{ version: "1.1.0", bytes: packTgz("1.1.0", "Evil.") }], { latest: "1.1.0" });
    const c = project("npm-c", "npm:@acme/review-pack@^1");
    fs.writeFileSync(path.join(c.dir, "packs.lock.yaml"), lock);
    const before = readTree(c.dir);
    const refused = await c.run("apply", "--yes");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("source/integrity-mismatch");
    expect(readTree(c.dir)).toEqual(before);

    // Machine A has the verified tarball cached: offline it still works.
    expect((await a.run("plan", "--offline", "--detailed-exitcode")).status).toBe(0);
  });

  it("reads a local .tgz made by `npm pack`, and a changed file is a new pin", async () => {
    const p = project("tgz", "./vendor/review-1.0.0.tgz");
    const pkg = path.join(root, "tgz-package");
    fs.mkdirSync(path.join(pkg, "skills/review"), { recursive: true });
    fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "review", version: "1.0.0" }));
    fs.writeFileSync(path.join(pkg, "PACK.yaml"), "name: review\nversion: 1.0.0\ndescription: Review pack\n");
    fs.writeFileSync(path.join(pkg, "skills/review/SKILL.md"), "---\nname: review\ndescription: Reviews changes\n---\nVendored.\n");
    fs.mkdirSync(path.join(p.dir, "vendor"));
    execFileSync("npm", ["pack", "--silent", "--pack-destination", path.join(p.dir, "vendor")], { cwd: pkg, env: { ...process.env, npm_config_offline: "true" } });
    expect(fs.existsSync(path.join(p.dir, "vendor/review-1.0.0.tgz"))).toBe(true);
    const r = await p.run("apply", "--yes");
    expect(r.status, r.stderr).toBe(0);
    expect(p.file(".agents/skills/review/SKILL.md")).toContain("Vendored.");
    fs.writeFileSync(path.join(p.dir, "vendor/review-1.0.0.tgz"), packTgz("1.0.0", "Changed."));
    const frozen = await p.run("plan", "--frozen");
    expect(frozen.status).toBe(1);
    expect(frozen.stderr).toContain("lock/frozen");
    const plan = await p.run("plan");
    expect(plan.stdout).toContain("changed since the lock");
    expect(plan.stdout).toContain("~ .agents/skills/review/");
  });
});
