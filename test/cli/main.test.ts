import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeIo as sharedFakeIo } from "./fake-io.js";
import { main } from "../../src/cli/main.js";

const fakeIo = (cwd: string, answer = "") => sharedFakeIo(cwd, { interactive: answer !== "", answer, env: { PACKS_CACHE_DIR: join(cwd, ".cache-test") } });

function quickstart(): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-cli-"));
  cpSync(join(import.meta.dirname, "..", "..", "examples", "quickstart"), dir, { recursive: true });
  return dir;
}

describe("packs CLI", () => {
  it("--version prints the version", async () => {
    const io = fakeIo(tmpdir());
    expect(await main(["--version"], io)).toBe(0);
    expect(io.stdout).toBe("0.1.0\n");
  });

  it("with no command, shows help and exits 1", async () => {
    const io = fakeIo(tmpdir());
    expect(await main([], io)).toBe(1);
    expect(io.stderr).toMatch(/Usage: packs/);
  });

  it.each([[["--help"]], [["plan", "--help"]], [["apply", "--help"]]])("%j shows help and exits 0", async (argv) => {
    const io = fakeIo(tmpdir());
    expect(await main(argv, io)).toBe(0);
    expect(io.stdout + io.stderr).toMatch(/Usage: packs/);
  });

  it("suggests the command meant by a typo", async () => {
    const io = fakeIo(tmpdir());
    expect(await main(["plna"], io)).toBe(1);
    expect(io.stderr).toContain("(Did you mean plan?)");
  });

  it("rejects --adopt with --force", async () => {
    const io = fakeIo(quickstart());
    expect(await main(["plan", "--adopt", "--force"], io)).toBe(1);
    expect(io.stderr).toContain("error[cli/conflicting-flags]");
  });

  it("without packs.yaml, says what to do", async () => {
    const io = fakeIo(mkdtempSync(join(tmpdir(), "packs-empty-")));
    expect(await main(["plan"], io)).toBe(1);
    expect(io.stderr).toMatch(/error\[packs-yaml\/missing\] packs.yaml: no packs.yaml in .*\n  hint: Create packs.yaml/);
  });

  it("--detailed-exitcode: 2 with changes, 0 without", async () => {
    const dir = quickstart();
    expect(await main(["plan", "--detailed-exitcode"], fakeIo(dir))).toBe(2);
    expect(await main(["apply", "--yes"], fakeIo(dir))).toBe(0);
    expect(await main(["plan", "--detailed-exitcode"], fakeIo(dir))).toBe(0);
  });

  it("on a terminal asks for approval and applies only on 'yes'", async () => {
    const dir = quickstart();
    const no = fakeIo(dir, "no");
    expect(await main(["apply"], no)).toBe(1);
    expect(no.asked).toHaveLength(1);
    expect(no.stderr).toContain("not approved");
    const yes = fakeIo(dir, "yes");
    expect(await main(["apply"], yes)).toBe(0);
    expect(yes.stdout).toContain("Apply complete: 5 added, 0 changed, 0 removed.");
  });

  it("--json prints one versioned document", async () => {
    const io = fakeIo(quickstart());
    expect(await main(["plan", "--json"], io)).toBe(0);
    const doc = JSON.parse(io.stdout) as { format_version: string; ok: boolean; plan: { format_version: string; summary: { add: number } } };
    expect(doc).toMatchObject({ format_version: "1", ok: true, plan: { format_version: "1", summary: { add: 5 } } });
  });

  it("--json errors are JSON too, on stdout", async () => {
    const io = fakeIo(mkdtempSync(join(tmpdir(), "packs-empty-")));
    expect(await main(["plan", "--json"], io)).toBe(1);
    expect(JSON.parse(io.stdout)).toMatchObject({ ok: false, diagnostics: [{ code: "packs-yaml/missing" }] });
    expect(io.stderr).toBe("");
  });

  it("--cwd runs in another folder", async () => {
    const dir = quickstart();
    const io = fakeIo(tmpdir());
    expect(await main(["--cwd", dir, "plan"], io)).toBe(0);
    expect(io.stdout).toContain("pack dbt-snowflake 1.0.0");
  });
});
