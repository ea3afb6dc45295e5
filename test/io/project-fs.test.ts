import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProjectFs } from "../../src/io/project-fs.js";

describe("ProjectFs", () => {
  it("keeps a file whose name starts with two dots inside the project, and refuses real escapes", () => {
    const fs = new ProjectFs(mkdtempSync(join(tmpdir(), "packs-pfs-")));
    expect(fs.abs("..mcp.json.packs-0123456789ab.tmp")).toBe(join(fs.root, "..mcp.json.packs-0123456789ab.tmp"));
    expect(fs.rel(join(fs.root, "..x"))).toBe("..x");
    expect(() => fs.abs("../x")).toThrow("escapes");
    expect(() => fs.abs("..")).toThrow("escapes");
    expect(fs.rel(join(fs.root, "..", "x"))).toBeUndefined();
  });

  it("does not list the temp files a killed write left, and sweeps them", async () => {
    const fs = new ProjectFs(mkdtempSync(join(tmpdir(), "packs-pfs-")));
    writeFileSync(join(fs.root, "a.json"), "{}");
    writeFileSync(join(fs.root, ".a.json.packs-0123456789ab.tmp"), "half");
    writeFileSync(join(fs.root, "..mcp.json.packs-ba9876543210.tmp"), "half");
    writeFileSync(join(fs.root, ".mine.tmp"), "the user's");
    expect(await fs.list(".")).toEqual([".mine.tmp", "a.json"]);
    await fs.sweepTemps(".");
    expect(await fs.exists(".a.json.packs-0123456789ab.tmp")).toBe(false);
    expect(await fs.exists("..mcp.json.packs-ba9876543210.tmp")).toBe(false);
    expect(await fs.exists(".mine.tmp")).toBe(true);
  });
});
