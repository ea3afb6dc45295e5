/**
 * `packs sbom` end to end: in-process through `main` (flags, errors, the clock), and as a user
 * runs it, `node bin/packs.js sbom` in a temp project (build first: `npm run build`).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { main } from "../../src/cli/main.js";
import { renderLock } from "../../src/lockfile/render-lock.js";
import { renderSbom } from "../../src/sbom/render-sbom.js";
import { assertBuilt, runCli } from "../e2e/harness.js";
import { cycloneDxValidator, errorsOf, everyKindLock, META, spdxValidator } from "./sbom-fixtures.js";

const NOW = Date.UTC(2025, 5, 1, 12, 30, 45, 678);

function fakeIo(cwd: string, env: Record<string, string> = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    interactive: false,
    columns: 100,
    colorWanted: false,
    cwd,
    env,
    now: () => NOW,
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    prompt: async () => "",
  };
  return io;
}

/** A project holding only a lock (no packs.yaml, no packs: the SBOM must not need them). */
function project(lockText: string | null = renderLock(everyKindLock())): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-sbom-"));
  if (lockText !== null) writeFileSync(join(dir, "packs.lock.yaml"), lockText);
  return dir;
}

const BAD_LOCK = `lockfile_version: 1
packs:
  dbt:
    components: {}
    integrity: not-a-hash
    kind: local
    name: dbt
    resolved: ./packs/dbt
    source: ./packs/dbt
    tier: community
    version: 1.0.0
items: []
`;

describe("packs sbom (in process)", () => {
  const cdx = cycloneDxValidator();
  const spdx = spdxValidator();

  it("prints a valid CycloneDX BOM by default, made from the lock alone", async () => {
    const dir = project();
    const before = readdirSync(dir);
    const io = fakeIo(dir);
    expect(await main(["sbom"], io)).toBe(0);
    expect(io.stderr).toBe("");
    const bom = JSON.parse(io.stdout) as unknown;
    expect(cdx(bom), errorsOf(cdx)).toBe(true);
    expect(io.stdout).toBe(renderSbom(everyKindLock(), "cyclonedx", { ...META, projectName: basename(dir) }));
    // Nothing written, nothing resolved (the lock's git remotes do not exist).
    expect(readdirSync(dir)).toEqual(before);
  });

  it("prints the same bytes every time", async () => {
    const dir = project();
    const a = fakeIo(dir);
    const b = fakeIo(dir);
    await main(["sbom", "--format", "cyclonedx"], a);
    await main(["sbom"], b);
    expect(b.stdout).toBe(a.stdout);
  });

  it("--format spdx prints a valid SPDX document created now, to the second", async () => {
    const io = fakeIo(project());
    expect(await main(["sbom", "--format", "spdx"], io)).toBe(0);
    const doc = JSON.parse(io.stdout) as { creationInfo: { created: string } };
    expect(spdx(doc), errorsOf(spdx)).toBe(true);
    expect(doc.creationInfo.created).toBe("2025-06-01T12:30:45Z");
  });

  it("SOURCE_DATE_EPOCH fixes the SPDX creation time, so the bytes are reproducible", async () => {
    const dir = project();
    const io = fakeIo(dir, { SOURCE_DATE_EPOCH: "1700000000" });
    expect(await main(["sbom", "--format", "spdx"], io)).toBe(0);
    expect((JSON.parse(io.stdout) as { creationInfo: { created: string } }).creationInfo.created).toBe("2023-11-14T22:13:20Z");
    const again = fakeIo(dir, { SOURCE_DATE_EPOCH: "1700000000" });
    again.now = () => NOW + 86_400_000;
    await main(["sbom", "--format", "spdx"], again);
    expect(again.stdout).toBe(io.stdout);
  });

  it("refuses a SOURCE_DATE_EPOCH that is not a number of seconds", async () => {
    const io = fakeIo(project(), { SOURCE_DATE_EPOCH: "yesterday" });
    expect(await main(["sbom", "--format", "spdx"], io)).toBe(1);
    expect(io.stderr).toContain("error[sbom/bad-source-date-epoch]");
    expect(io.stdout).toBe("");
  });

  it("without a lock, exits 1 and says how to make one", async () => {
    const io = fakeIo(project(null));
    expect(await main(["sbom"], io)).toBe(1);
    expect(io.stderr).toContain("error[sbom/no-lock] packs.lock.yaml: no packs.lock.yaml");
    expect(io.stderr).toContain("packs lock");
    expect(io.stdout).toBe("");
  });

  it("with an invalid lock, exits 1 with parseLock's located diagnostic", async () => {
    const io = fakeIo(project(BAD_LOCK));
    expect(await main(["sbom"], io)).toBe(1);
    expect(io.stderr).toMatch(/error\[lock\/invalid\] packs\.lock\.yaml:5(:\d+)?: packs\.lock\.yaml has an unexpected shape at packs\.dbt\.integrity/);
    expect(io.stdout).toBe("");
  });

  it("with a lock from a future packs, exits 1", async () => {
    const io = fakeIo(project("lockfile_version: 2\npacks: {}\nitems: []\n"));
    expect(await main(["sbom", "--format", "spdx"], io)).toBe(1);
    expect(io.stderr).toContain("error[lock/unsupported-version]");
  });

  it("rejects an unknown format", async () => {
    const io = fakeIo(project());
    expect(await main(["sbom", "--format", "swid"], io)).toBe(1);
    expect(io.stderr).toMatch(/Allowed choices are cyclonedx, spdx/);
  });

  it("--out writes the SBOM to a file (relative to where packs runs) instead of printing it", async () => {
    const dir = project();
    const io = fakeIo(dir);
    expect(await main(["sbom", "--out", "bom.cdx.json"], io)).toBe(0);
    expect(io.stdout).toBe("Wrote the CycloneDX 1.6 SBOM of 7 packs to bom.cdx.json.\n");
    expect(readFileSync(join(dir, "bom.cdx.json"), "utf8")).toBe(renderSbom(everyKindLock(), "cyclonedx", { ...META, projectName: basename(dir) }));
  });

  it("--cwd reads the lock of another folder", async () => {
    const parent = mkdtempSync(join(tmpdir(), "packs-sbom-parent-"));
    mkdirSync(join(parent, "app"));
    writeFileSync(join(parent, "app", "packs.lock.yaml"), renderLock(everyKindLock()));
    const io = fakeIo(parent);
    expect(await main(["--cwd", "app", "sbom"], io)).toBe(0);
    expect((JSON.parse(io.stdout) as { metadata: { component: { name: string } } }).metadata.component.name).toBe("app");
  });

  it("has help", async () => {
    const io = fakeIo(project());
    expect(await main(["sbom", "--help"], io)).toBe(0);
    expect(io.stdout).toMatch(/Usage: packs sbom[\s\S]*--format[\s\S]*--out/);
  });
});

describe("packs sbom (the real CLI)", () => {
  beforeAll(() => assertBuilt());
  const cdx = cycloneDxValidator();
  const spdx = spdxValidator();

  it("prints valid CycloneDX and SPDX for a lock with every kind of source, byte-identical run to run", async () => {
    const dir = project();
    const [a, b] = await Promise.all([runCli(dir, ["sbom"]), runCli(dir, ["sbom", "--format", "cyclonedx"])]);
    expect(a.status, a.stderr).toBe(0);
    expect(cdx(JSON.parse(a.stdout)), errorsOf(cdx)).toBe(true);
    expect(b.stdout).toBe(a.stdout);

    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    const [s1, s2] = await Promise.all([runCli(dir, ["sbom", "--format", "spdx"], env), runCli(dir, ["sbom", "--format", "spdx"], env)]);
    expect(s1.status, s1.stderr).toBe(0);
    expect(spdx(JSON.parse(s1.stdout)), errorsOf(spdx)).toBe(true);
    expect(s2.stdout).toBe(s1.stdout);
    expect(existsSync(join(dir, ".packs"))).toBe(false);
  });

  it("exits 1 on an invalid lock and on a missing one", async () => {
    const [bad, none] = await Promise.all([runCli(project(BAD_LOCK), ["sbom"]), runCli(project(null), ["sbom", "--format", "spdx"])]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("error[lock/invalid]");
    expect(bad.stdout).toBe("");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("error[sbom/no-lock]");
  });
});
