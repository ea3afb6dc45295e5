/**
 * `packs search` and `packs detect` in the engine: registries from a file path (the real altimate
 * registry.json among them) and over HTTP on 127.0.0.1 (cached for the TTL, --offline), tiers as
 * shown, shadowed names, detect rules in both forms, and the errors without packs.yaml or
 * `registries:`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectPacks } from "../../src/engine/detect-packs.js";
import type { EngineContext } from "../../src/engine/make-plan.js";
import { matchesTerm, searchRegistries } from "../../src/engine/registry-search.js";
import { ProjectFs } from "../../src/io/project-fs.js";
import { readReal } from "../real-fixtures.js";

let server: Server;
let base = "";
let requests = 0;
let body = "{}";
let down = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (down) res.writeHead(503).end();
    else if (req.url === "/registry.json") res.writeHead(200, { "content-type": "application/json" }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-registry-search-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function ctx(dir: string, opts: { offline?: boolean; now?: number; cacheDir?: string } = {}): EngineContext {
  return {
    fs: new ProjectFs(dir),
    packsVersion: "0.1.0",
    projectLabel: ".",
    sources: { cacheDir: opts.cacheDir ?? join(dir, ".cache"), offline: opts.offline ?? false, npmRegistry: "http://127.0.0.1:9", registryTtlMs: 60_000, now: opts.now ?? 1_000_000 },
  };
}

const realRegistry = readReal("data-engineering-skills/registry.json");
const entry = (name: string, extra: Record<string, unknown> = {}) => ({ name, version: "1.0.0", description: `${name} pack`, repo: "acme/packs", path: `packs/${name}`, ...extra });

describe("packs search", () => {
  it("finds the real altimate registry's kit by name, description or tag, case-insensitively, with its shown tier and the add line", async () => {
    const dir = project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  altimate: ./registry.json\n", "registry.json": realRegistry });
    for (const term of ["dbt-snow", "SNOWFLAKE", "best-practice", "analytics"]) {
      const out = await searchRegistries(term, ctx(dir));
      expect(out.ok && out.results.map((r) => r.name), term).toEqual(["dbt-snowflake"]);
    }
    const out = await searchRegistries("snowflake", ctx(dir));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    const [hit] = out.results;
    expect(hit).toMatchObject({ name: "dbt-snowflake", version: "1.0.0", registry: "altimate", registryUrl: "./registry.json", claimedTier: "built-in", tier: "community", tags: ["dbt", "snowflake", "warehouse", "sql", "analytics"], add: "packs add registry:dbt-snowflake" });
    expect(out.registries).toEqual(["altimate"]);
    expect((await searchRegistries("bigquery", ctx(dir))).ok && (await searchRegistries("bigquery", ctx(dir)) as { results: unknown[] }).results).toEqual([]);
  });

  it("believes a tier claim only for packs listed under policy.trusted (by key or by a source glob)", async () => {
    const index = JSON.stringify({ packs: [entry("alpha", { tier: "verified" }), entry("beta", { tier: "Built-In" }), entry("gamma", { tier: "legendary" })] });
    const dir = project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  r: ./r.json\npolicy:\n  trusted: [alpha, \"registry:beta\"]\n", "r.json": index });
    const out = await searchRegistries("pack", ctx(dir));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.results.map((r) => [r.name, r.claimedTier, r.tier])).toEqual([["alpha", "verified", "verified"], ["beta", "built-in", "built-in"], ["gamma", "community", "community"]]);
  });

  it("shows each name once per registry at its highest version, and says when an earlier registry has the same name", async () => {
    const first = JSON.stringify({ packs: [entry("review", { version: "1.0.0" }), entry("review", { version: "1.10.0" }), entry("review", { version: "1.9.0" })] });
    const second = JSON.stringify({ kits: [entry("review", { version: "3.0.0" }), entry("lint")] });
    const dir = project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  one: ./one.json\n  two: ./two.json\n", "one.json": first, "two.json": second });
    const out = await searchRegistries("", ctx(dir));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.results.map((r) => [r.registry, r.name, r.version, r.shadowedBy])).toEqual([["one", "review", "1.10.0", undefined], ["two", "review", "3.0.0", "one"], ["two", "lint", "1.0.0", undefined]]);
  });

  it("reads an HTTP registry once per TTL, and from the cache with --offline", async () => {
    body = realRegistry;
    requests = 0;
    const cacheDir = mkdtempSync(join(tmpdir(), "packs-registry-cache-"));
    const dir = project({ "packs.yaml": `version: 1\npacks: {}\nregistries:\n  altimate: ${base}/registry.json\n` });
    expect((await searchRegistries("dbt", ctx(dir, { cacheDir })) as { results: unknown[] }).results).toHaveLength(1);
    expect((await searchRegistries("dbt", ctx(dir, { cacheDir, now: 1_030_000 })) as { results: unknown[] }).results).toHaveLength(1);
    expect(requests).toBe(1);
    const offline = await searchRegistries("dbt", ctx(dir, { cacheDir, offline: true, now: 9_000_000 }));
    expect(offline.ok && offline.results.map((r) => r.name)).toEqual(["dbt-snowflake"]);
    expect(offline.ok && offline.notes.join()).toMatch(/using the cached index from/);
    expect(requests).toBe(1);

    const cold = await searchRegistries("dbt", ctx(dir, { offline: true }));
    expect(cold.ok).toBe(false);
    expect(!cold.ok && cold.diagnostics.map((d) => d.code)).toEqual(["registry/unavailable"]);
  });

  it("a registry that cannot be read is a warning while another one answers, an error when none does", async () => {
    down = true;
    try {
      const dir = project({ "packs.yaml": `version: 1\npacks: {}\nregistries:\n  gone: ${base}/registry.json\n  local: ./r.json\n`, "r.json": JSON.stringify({ packs: [entry("lint")] }) });
      const out = await searchRegistries("lint", ctx(dir));
      expect(out.ok && out.results.map((r) => r.name)).toEqual(["lint"]);
      expect(out.ok && out.diagnostics.map((d) => [d.code, d.severity])).toEqual([["registry/unavailable", "warning"]]);

      const alone = project({ "packs.yaml": `version: 1\npacks: {}\nregistries:\n  gone: ${base}/registry.json\n  missing: ./nope.json\n` });
      const none = await searchRegistries("lint", ctx(alone));
      expect(!none.ok && none.diagnostics.map((d) => [d.code, d.severity])).toEqual([["registry/unavailable", "error"], ["registry/unavailable", "error"]]);
    } finally {
      down = false;
    }
  });

  it("without packs.yaml, or without registries:, says to add registries:", async () => {
    const bare = await searchRegistries("x", ctx(project({})));
    expect(!bare.ok && bare.diagnostics[0]).toMatchObject({ code: "registry/none", severity: "error" });
    expect(!bare.ok && bare.diagnostics[0]!.hint).toContain("registries:");
    const none = await searchRegistries("x", ctx(project({ "packs.yaml": "version: 1\npacks: {}\n" })));
    expect(!none.ok && none.diagnostics.map((d) => d.code)).toEqual(["registry/none"]);
    expect(!none.ok && none.diagnostics[0]!.hint).toContain("registries:\n");
  });

  it("a packs.yaml with errors stops it with those errors", async () => {
    const out = await searchRegistries("x", ctx(project({ "packs.yaml": "version: 2\npacks: {}\nregistries:\n  r: ./r.json\n" })));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.diagnostics.every((d) => d.code.startsWith("packs-yaml/"))).toBe(true);
  });

  it("matchesTerm: name, description and tags, trimmed; an empty term matches everything", () => {
    const p = { name: "dbt-snowflake", description: "Complete dbt setup", tags: ["Warehouse"] };
    expect(matchesTerm(p, " warehouse ")).toBe(true);
    expect(matchesTerm(p, "COMPLETE")).toBe(true);
    expect(matchesTerm(p, "bigquery")).toBe(false);
    expect(matchesTerm({ name: "x", tags: [] }, "")).toBe(true);
  });
});

describe("packs detect", () => {
  it("the real registry's kit matches a dbt project by its dbt_project.yml, and says which file", async () => {
    const dir = project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  altimate: ./registry.json\n", "registry.json": realRegistry, "dbt_project.yml": "name: shop\n", "models/a.sql": "select 1\n" });
    const out = await detectPacks(ctx(dir));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.detected.map((d) => [d.name, d.matches, d.add])).toEqual([["dbt-snowflake", [{ file: "dbt_project.yml", pattern: "dbt_project.yml" }], "packs add registry:dbt-snowflake"]]);
    expect(out.alreadyAdded).toEqual([]);
    expect(out.filesScanned).toBeGreaterThanOrEqual(4);
  });

  it("rules in the PACK.yaml form carry their message; nested globs match in subfolders; a project without the files matches nothing", async () => {
    const index = JSON.stringify({
      packs: [
        entry("airflow", { detect: [{ files: ["**/dags/*.py"], message: "Airflow DAGs found" }, { files: ["airflow.cfg"] }] }),
        entry("dagster", { detect: ["workspace.yaml"] }),
        entry("none"),
      ],
    });
    const dir = project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  r: ./r.json\n", "r.json": index, "etl/dags/daily.py": "", "airflow.cfg": "" });
    const out = await detectPacks(ctx(dir));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.detected.map((d) => [d.name, d.matches])).toEqual([["airflow", [{ file: "etl/dags/daily.py", pattern: "**/dags/*.py", message: "Airflow DAGs found" }, { file: "airflow.cfg", pattern: "airflow.cfg" }]]]);
  });

  it("leaves out packs packs.yaml has (by key, or as registry:<name> under another key), and names them", async () => {
    const index = JSON.stringify({ packs: [entry("one", { detect: ["a.txt"] }), entry("two", { detect: ["a.txt"] }), entry("three", { detect: ["a.txt"] })] });
    const dir = project({
      "packs.yaml": "version: 1\npacks:\n  one:\n    source: ./packs/one\n  mine:\n    source: registry:two@^1\nregistries:\n  r: ./r.json\n",
      "r.json": index,
      "a.txt": "",
    });
    const out = await detectPacks(ctx(dir));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.detected.map((d) => d.name)).toEqual(["three"]);
    expect(out.alreadyAdded).toEqual(["one", "two"]);
  });

  it("a detect of another shape is a warning and no rule; a later registry's entry of a name an earlier one has is not used", async () => {
    const one = JSON.stringify({ packs: [entry("odd", { detect: "a.txt" }), entry("shared", { detect: ["b.txt"] })] });
    const two = JSON.stringify({ packs: [entry("shared", { detect: ["a.txt"] })] });
    const dir = project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  one: ./one.json\n  two: ./two.json\n", "one.json": one, "two.json": two, "a.txt": "" });
    const out = await detectPacks(ctx(dir));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.detected).toEqual([]);
    expect(out.diagnostics.map((d) => [d.code, d.severity])).toEqual([["registry/invalid", "warning"]]);
    expect(out.diagnostics[0]!.summary).toContain('"odd"');
  });

  it("skips .git, node_modules and .packs when it walks the project", async () => {
    const index = JSON.stringify({ packs: [entry("node", { detect: ["**/package.json"] })] });
    const dir = project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  r: ./r.json\n", "r.json": index, "node_modules/x/package.json": "{}", ".git/package.json": "" });
    const out = await detectPacks(ctx(dir));
    expect(out.ok && out.detected).toEqual([]);
  });
});
