/**
 * Registry sources end to end, through the real CLI: an index served over HTTP on 127.0.0.1
 * (and the real altimate registry.json), version ranges, the lock making later runs skip the
 * index, the TTL cache going stale when the server is gone, and --offline.
 */
import * as fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REAL_FIXTURES, readReal } from "../../real-fixtures.js";
import { assertBuilt, readTree, runCli } from "../harness.js";
import { GitRemote, packFiles } from "./git-remote.js";

let root: string;
let server: Server;
let base: string;
let index = "{}";
let requests = 0;
let down = false;

beforeAll(async () => {
  assertBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-registry-"));
  server = createServer((req, res) => {
    requests++;
    if (down) res.writeHead(503).end();
    else if (req.url === "/registry.json") res.writeHead(200, { "content-type": "application/json" }).end(index);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function project(name: string, source: string, env: Record<string, string> = {}) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "packs.yaml"), `version: 1\nagents: [claude-code]\npacks:\n  team:\n    source: ${source}\nregistries:\n  acme: ${base}/registry.json\n`);
  const cacheEnv = { PACKS_CACHE_DIR: path.join(root, `${name}-cache`), ...env };
  return { dir, run: (...args: string[]) => runCli(dir, args, cacheEnv), file: (rel: string) => fs.readFileSync(path.join(dir, rel), "utf8") };
}

describe("registry sources", () => {
  it("takes the highest version in the range, pins it with the registry it came from, and later runs skip the index", async () => {
    const remote = new GitRemote(root, "reg");
    for (const [rel, text] of Object.entries(packFiles("team", "1.0.0", "One."))) remote.write(`packs/team/${rel}`, text);
    remote.commit("one", "v1.0.0");
    remote.write("packs/team/PACK.yaml", "name: team\nversion: 1.2.0\ndescription: The team pack\n");
    const v12 = remote.commit("one-two", "v1.2.0");
    remote.write("packs/team/PACK.yaml", "name: team\nversion: 2.0.0\ndescription: The team pack\n");
    remote.commit("two", "v2.0.0");
    const entry = (version: string) => ({ name: "team", version, description: "Team", tier: "verified", source: `git+${remote.url}`, ref: `v${version}`, path: "packs/team" });
    index = JSON.stringify({ packs: [entry("1.0.0"), entry("1.2.0"), entry("2.0.0")] });

    const p = project("range", "registry:team@^1");
    const applied = await p.run("apply", "--yes");
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain("pack team 1.2.0");
    const lock = p.file("packs.lock.yaml");
    expect(lock).toContain("kind: registry\n");
    expect(lock).toContain(`resolved: ${v12}\n`);
    expect(lock).toContain(`registry:\n      name: acme\n      url: ${base}/registry.json\n      version: 1.2.0\n`);

    const seen = requests;
    expect((await p.run("plan", "--detailed-exitcode")).status).toBe(0);
    expect(requests).toBe(seen); // pinned: the index is not read again

    fs.writeFileSync(path.join(p.dir, "packs.yaml"), p.file("packs.yaml").replace("registry:team@^1", "registry:team@^3"));
    const none = await p.run("plan");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no version of "team" in the registries satisfies ^3');
    expect(none.stderr).toContain("Versions listed: 1.0.0, 1.2.0, 2.0.0");
  });

  it("uses the cached index past its TTL when the registry is down, saying how old it is; --offline without a cache is an error", async () => {
    const remote = new GitRemote(root, "ttl");
    for (const [rel, text] of Object.entries(packFiles("team", "1.0.0", "One."))) remote.write(`packs/team/${rel}`, text);
    remote.commit("one");
    index = JSON.stringify({ packs: [{ name: "team", version: "1.0.0", source: `git+${remote.url}`, path: "packs/team" }] });
    const p = project("ttl", "registry:team", { PACKS_REGISTRY_TTL: "0" });
    expect((await p.run("lock")).status).toBe(0);
    index = "not json at all"; // the server now answers garbage; the cache must not be replaced by it
    const broken = await p.run("update");
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("registry/invalid");
    down = true; // the garbage was not cached: the good copy from before still serves
    const afterGarbage = await p.run("update");
    down = false;
    expect(afterGarbage.status, afterGarbage.stderr).toBe(0);
    expect(afterGarbage.stdout).toContain("using the cached index from");

    index = JSON.stringify({ packs: [{ name: "team", version: "1.0.0", source: `git+${remote.url}`, path: "packs/team" }] });
    expect((await p.run("update")).status).toBe(0);
    down = true;
    const stale = await p.run("update");
    down = false;
    expect(stale.status, stale.stderr).toBe(0);
    expect(stale.stdout).toMatch(/registry "acme": could not fetch http:\/\/127\.0\.0\.1:\d+\/registry\.json \(HTTP 503[^)]*\); using the cached index from \d+ seconds? ago/);

    const missing = project("ttl-404", "registry:team");
    fs.writeFileSync(path.join(missing.dir, "packs.yaml"), missing.file("packs.yaml").replace("/registry.json", "/missing.json"));
    const notFound = await missing.run("plan");
    expect(notFound.status).toBe(1);
    expect(notFound.stderr).toContain(`registry "acme" (${base}/missing.json): could not fetch it: HTTP 404`);

    const fresh = project("ttl-offline", "registry:team");
    const before = readTree(fresh.dir);
    const offline = await fresh.run("apply", "--yes", "--offline");
    expect(offline.status).toBe(1);
    expect(offline.stderr).toContain("not in the cache, and --offline forbids fetching it");
    expect(readTree(fresh.dir)).toEqual(before);
  });

  // The real KIT.yaml takes its skills from another repository (`skills: [{source: owner/repo}]`),
  // which packs does not fetch yet (see the real-kit-yaml e2e case); here its skills are bundled.
  it("reads the real altimate registry (kits, repo + path) and the real KIT.yaml's servers and instructions, GitHub rewritten to a local remote", async () => {
    const remote = new GitRemote(root, "altimate");
    const real = (rel: string) => fs.readFileSync(path.join(REAL_FIXTURES, "data-engineering-skills", rel), "utf8");
    const kit = real("kits/dbt-snowflake/KIT.yaml").replace(/\nskills:\n(?: {2}.*\n| {4}.*\n| {6}.*\n)+/, "\n");
    expect(kit).not.toContain("select:");
    remote.write("kits/dbt-snowflake/KIT.yaml", kit);
    remote.write("kits/dbt-snowflake/skills/creating-dbt-models/SKILL.md", real("skills/dbt/creating-dbt-models/SKILL.md"));
    const sha = remote.commit("real content");
    index = readReal("data-engineering-skills/registry.json");
    const p = project("altimate", "registry:dbt-snowflake@^1", {
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: `url.${remote.url}.insteadOf`,
      GIT_CONFIG_VALUE_0: "https://github.com/AltimateAI/data-engineering-skills.git",
    });
    const r = await p.run("apply", "--yes");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("pack team 1.0.0");
    expect(r.stdout).toContain("floating"); // the entry names no ref: the default branch
    const lock = p.file("packs.lock.yaml");
    expect(lock).toContain(`resolved: ${sha}\n`);
    expect(lock).toContain("url: https://github.com/AltimateAI/data-engineering-skills.git\n");
    expect(lock).toContain("path: kits/dbt-snowflake\n");
    expect(p.file(".mcp.json")).toContain('"dbt"');
    expect(p.file(".claude/rules/team.md")).toContain("staging → intermediate → marts");
    expect(p.file(".claude/skills/creating-dbt-models/SKILL.md")).toBe(real("skills/dbt/creating-dbt-models/SKILL.md"));
  });
});
