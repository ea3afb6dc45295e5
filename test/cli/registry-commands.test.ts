/**
 * `packs search`, `packs detect` and `packs import altimate` through `main`: what they print
 * (text and --json), their exit codes, and that search and detect write nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeIo } from "./fake-io.js";
import { main } from "../../src/cli/main.js";
import { readReal } from "../real-fixtures.js";


function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-registry-cli-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

async function packs(dir: string, ...argv: string[]) {
  const io = fakeIo(dir, { env: { PACKS_CACHE_DIR: join(dir, ".cache-test") } });
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const withRegistry = (extra: Record<string, string> = {}) =>
  project({ "packs.yaml": "version: 1\npacks: {}\nregistries:\n  altimate: ./registry.json\n", "registry.json": readReal("data-engineering-skills/registry.json"), ...extra });

describe("packs search", () => {
  it("prints each match with version, shown tier, registry, description, tags and the add line", async () => {
    const dir = withRegistry();
    const r = await packs(dir, "search", "Snowflake");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "dbt-snowflake 1.0.0 · community (claims built-in; trust it with policy.trusted) · registry altimate\n" +
        "  Complete dbt + Snowflake development setup — skills, MCP server, and best-practice instructions\n" +
        "  tags: dbt, snowflake, warehouse, sql, analytics\n" +
        "  packs add registry:dbt-snowflake\n\n" +
        '1 pack in the registry altimate matches "Snowflake".\n',
    );
    expect(readdirSync(dir).sort()).toEqual(["packs.yaml", "registry.json"]);
  });

  it("says so when nothing matches, and exits 0", async () => {
    const r = await packs(withRegistry(), "search", "bigquery");
    expect([r.code, r.stdout]).toEqual([0, 'No pack in the registry altimate matches "bigquery".\n']);
  });

  it("--json gives the matches with both tiers", async () => {
    const r = await packs(withRegistry(), "search", "dbt", "--json");
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as { ok: boolean; term: string; results: Record<string, unknown>[] };
    expect(v).toMatchObject({ format_version: "1", ok: true, term: "dbt", registries: ["altimate"] });
    expect(v.results).toEqual([{ name: "dbt-snowflake", version: "1.0.0", description: expect.any(String), tier: "community", claimed_tier: "built-in", tags: ["dbt", "snowflake", "warehouse", "sql", "analytics"], registry: "altimate", registry_url: "./registry.json", add: "packs add registry:dbt-snowflake" }]);
  });

  it("without registries: in packs.yaml, fails with the hint to add them", async () => {
    const r = await packs(project({ "packs.yaml": "version: 1\npacks: {}\n" }), "search", "dbt");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[registry\/none\] packs.yaml: packs.yaml names no registry \(registries:\)\n  hint: Add the indexes to search to packs.yaml, e.g.\n    registries:\n      altimate: https:\/\/raw.githubusercontent.com\/AltimateAI\/data-engineering-skills\/main\/registry.json\n/);
    const bare = await packs(project({}), "search", "dbt", "--json");
    expect(bare.code).toBe(1);
    expect(JSON.parse(bare.stdout)).toMatchObject({ ok: false, diagnostics: [{ code: "registry/none" }] });
  });

  it("needs a term", async () => {
    const r = await packs(withRegistry(), "search");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing required argument 'term'");
  });
});

describe("packs detect", () => {
  it("names the file each matching pack was detected by, and the add line", async () => {
    const dir = withRegistry({ "dbt_project.yml": "name: shop\n" });
    const r = await packs(dir, "detect");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "dbt-snowflake 1.0.0 · community (claims built-in; trust it with policy.trusted) · registry altimate\n" +
        "  Complete dbt + Snowflake development setup — skills, MCP server, and best-practice instructions\n" +
        "  tags: dbt, snowflake, warehouse, sql, analytics\n" +
        "  matched dbt_project.yml\n" +
        "  packs add registry:dbt-snowflake\n\n" +
        "1 registry pack matches this project and is not in packs.yaml yet.\n",
    );
  });

  it("a message of a rule is printed under its match; a pack in packs.yaml is named, not suggested", async () => {
    const index = JSON.stringify({ packs: [{ name: "airflow", version: "2.0.0", repo: "a/b", detect: [{ files: ["**/dags/*.py"], message: "Airflow DAGs found" }] }, { name: "house", repo: "a/b", detect: ["dbt_project.yml"] }] });
    const dir = project({ "packs.yaml": "version: 1\npacks:\n  house:\n    source: ./packs/house\nregistries:\n  r: ./r.json\n", "r.json": index, "etl/dags/x.py": "", "dbt_project.yml": "" });
    const r = await packs(dir, "detect");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("airflow 2.0.0 · community · registry r\n  matched etl/dags/x.py (**/dags/*.py)\n    Airflow DAGs found\n  packs add registry:airflow\n");
    expect(r.stdout).toContain("Matching, and in packs.yaml already: house.\n");
    const json = JSON.parse((await packs(dir, "detect", "--json")).stdout) as { detected: { name: string; matches: unknown[] }[]; already_added: string[] };
    expect(json.detected.map((d) => [d.name, d.matches])).toEqual([["airflow", [{ file: "etl/dags/x.py", pattern: "**/dags/*.py", message: "Airflow DAGs found" }]]]);
    expect(json.already_added).toEqual(["house"]);
  });

  it("with no match, says how many files it looked at", async () => {
    const r = await packs(withRegistry(), "detect");
    expect([r.code, r.stdout]).toEqual([0, "No registry pack matches this project (2 files looked at).\n"]);
  });
});

describe("packs import altimate", () => {
  const altimate = () =>
    project({
      ".opencode/active-packs": "team\nelsewhere\n",
      ".opencode/packs/team/PACK.yaml": "name: team\ndescription: Team\nversion: 1.0.0\nmcp:\n  docs:\n    type: remote\n    url: https://docs.example.com/mcp\ninstructions: |\n  Be kind.\n",
      ".opencode/opencode.json": '{\n  "mcp": {\n    "docs": {\n      "type": "remote",\n      "url": "https://docs.example.com/mcp"\n    }\n  }\n}',
      ".opencode/instructions/pack-team.md": "Be kind.\n",
    });

  it("prints what it imported, what it left out and skipped, and that a plan is now empty", async () => {
    const dir = altimate();
    const config = readFileSync(join(dir, ".opencode/opencode.json"), "utf8");
    const r = await packs(dir, "import", "altimate");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "Imported 1 pack from altimate-code (.opencode/active-packs) into packs.yaml:\n" +
        "  + team  ./.opencode/packs/team  1 item adopted; left out: instructions\n" +
        "Not imported:\n" +
        "  - elsewhere: no pack of that name under .opencode/packs, .opencode/pack, .altimate-code/packs, .altimate-code/pack (installed globally, or removed?); packs imports only packs inside the project\n" +
        "\n" +
        "Created packs.yaml and wrote packs.lock.yaml and .packs/state/; no agent file changed.\n" +
        "`packs plan` now shows no changes.\n",
    );
    expect(r.stderr).toContain("warning[import/left-out] .opencode/packs/team/PACK.yaml: pack \"team\": its instructions are left out");
    expect(readFileSync(join(dir, ".opencode/opencode.json"), "utf8")).toBe(config);
    expect((await packs(dir, "plan", "--detailed-exitcode")).code).toBe(0);
  });

  it("--json gives the same as data", async () => {
    const r = await packs(altimate(), "import", "altimate", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      active_file: ".opencode/active-packs",
      imported: [{ key: "team", source: "./.opencode/packs/team", adopted: 1, excluded: ["instructions"] }],
      skipped: [{ name: "elsewhere" }],
      packs_yaml: "created",
      plan_empty: true,
      agent_files_unchanged: true,
    });
  });

  it("without altimate-code's state, exits 1 and writes nothing; --cwd points it at another folder", async () => {
    const empty = project({});
    const r = await packs(empty, "import", "altimate");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[import/no-altimate-state]");
    expect(readdirSync(empty)).toEqual([]);
    const dir = altimate();
    expect((await packs(empty, "--cwd", dir, "import", "altimate")).code).toBe(0);
    expect(readdirSync(dir)).toContain("packs.yaml");
  });

  it("`packs import` alone lists what it can import from", async () => {
    const r = await packs(project({}), "import", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("altimate");
  });
});
