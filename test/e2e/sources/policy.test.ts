/**
 * packs.yaml `policy:` end to end: a source outside allow_sources is refused before anything is
 * fetched; a tier claim shows as community unless trusted; floating: deny refuses a branch ref
 * and an unversioned MCP launch command.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, readTree, runCli } from "../harness.js";
import { GitRemote, packFiles } from "./git-remote.js";

let root: string;
let remote: GitRemote;
beforeAll(() => {
  assertBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-policy-"));
  remote = new GitRemote(root, "policy");
  for (const [rel, text] of Object.entries(packFiles("team", "1.0.0", "Body."))) remote.write(`packs/team/${rel}`, text);
  remote.write("packs/team/PACK.yaml", "name: team\nversion: 1.0.0\ndescription: Team\ntier: verified\nmcp:\n  gh:\n    type: stdio\n    command: [npx, -y, '@modelcontextprotocol/server-github']\n");
  remote.commit("one", "v1");
});

function project(name: string, yaml: string) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "packs.yaml"), yaml);
  const cache = path.join(root, `${name}-cache`);
  return { dir, cache, run: (...args: string[]) => runCli(dir, args, { PACKS_CACHE_DIR: cache }) };
}

const packsYaml = (ref: string, policy: string) => `version: 1\nagents: [claude-code]\npacks:\n  team:\n    source: git+${"{URL}"}\n    ref: ${ref}\n    path: packs/team\n${policy}`;

describe("policy", () => {
  it("refuses a source outside allow_sources without fetching it", async () => {
    const p = project("allow", packsYaml("v1", "policy:\n  allow_sources: [\"github:acme/*\"]\n").replace("{URL}", remote.url));
    const before = readTree(p.dir);
    const r = await p.run("plan");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error[policy/source-not-allowed] packs.yaml:4:3: pack "team": source git+${remote.url} is not allowed by policy.allow_sources`);
    expect(r.stderr).toContain("Allowed: github:acme/*.");
    expect(fs.existsSync(p.cache)).toBe(false); // nothing fetched
    expect(readTree(p.dir)).toEqual(before);
  });

  it("shows a verified claim as community until the project trusts the source, and records both tiers", async () => {
    const p = project("tier", packsYaml("v1", "").replace("{URL}", remote.url));
    const untrusted = await p.run("apply", "--yes");
    expect(untrusted.status, untrusted.stderr).toBe(0);
    expect(untrusted.stdout).toContain("claims tier verified; shown as community");
    expect(untrusted.stdout).toContain("warning[policy/unversioned-mcp]");
    const lock = fs.readFileSync(path.join(p.dir, "packs.lock.yaml"), "utf8");
    expect(lock).toContain("claimed_tier: verified\n");
    expect(lock).toContain("tier: community\n");

    fs.appendFileSync(path.join(p.dir, "packs.yaml"), `policy:\n  trusted: ["git+file://**"]\n`);
    expect((await p.run("apply", "--yes")).status).toBe(0);
    const trusted = fs.readFileSync(path.join(p.dir, "packs.lock.yaml"), "utf8");
    expect(trusted).toContain("tier: verified\n");
    expect(trusted).not.toContain("claimed_tier");
  });

  it("floating: deny refuses a branch ref and an unversioned MCP launch; floating: allow accepts both silently", async () => {
    const deny = project("deny", packsYaml("main", "policy:\n  floating: deny\n").replace("{URL}", remote.url));
    const r = await deny.run("plan");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[policy/floating-source]");
    expect(r.stderr).toContain("error[policy/unversioned-mcp]");
    expect(r.stderr).toContain("`npx @modelcontextprotocol/server-github`");

    const allow = project("allow-floating", packsYaml("main", "policy:\n  floating: allow\n").replace("{URL}", remote.url));
    const ok = await allow.run("plan");
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).not.toContain("policy/");
  });

  it("a repository a pack takes skills from is held to allow_sources too, before anything is fetched", async () => {
    const dir = path.join(root, "skill-source");
    fs.mkdirSync(path.join(dir, "packs/kit"), { recursive: true });
    fs.writeFileSync(path.join(dir, "packs/kit/PACK.yaml"), "name: kit\ndescription: Kit\nskills:\n  - source: evil/skills\n    select: [x]\n");
    fs.writeFileSync(path.join(dir, "packs.yaml"), "version: 1\nagents: [codex]\npacks:\n  kit:\n    source: ./packs/kit\npolicy:\n  allow_sources: [\"./packs/*\", \"github:acme/*\"]\n");
    const r = await runCli(dir, ["plan"], { PACKS_CACHE_DIR: path.join(root, "skill-source-cache") });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[policy/source-not-allowed] packs.yaml:4:3: pack "kit": it takes skills from github:evil/skills, which policy.allow_sources does not allow');
    expect(fs.existsSync(path.join(root, "skill-source-cache"))).toBe(false);
  });
});
