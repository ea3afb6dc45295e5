/** extractTgz on archives built by hand, including hostile ones. */
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { extractTar, extractTgz, type ExtractOptions, type ExtractResult } from "../../src/io/tarball.js";
import { gnuLong, packFiles, pax, tar, tgz, type TarEntry } from "../sources/tar-writer.js";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function ok(entries: TarEntry[], opts?: ExtractOptions) {
  const r = await extractTgz(tgz(entries), opts);
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.problem)}`);
  return r;
}

async function problem(entries: TarEntry[] | Uint8Array, opts?: ExtractOptions) {
  const r: ExtractResult = await extractTgz(entries instanceof Uint8Array ? entries : tgz(entries), opts);
  if (r.ok) throw new Error("expected a problem, the archive was accepted");
  return r.problem;
}

describe("extractTgz: normal archives", () => {
  test("an npm package: package/ stripped, folders skipped, files sorted with their bytes", async () => {
    const r = await ok(packFiles());
    expect(r.tree.files.map((f) => f.path)).toEqual(["PACK.yaml", "package.json", "skills/a/SKILL.md"]);
    expect(text(r.tree.files[0]!.bytes)).toBe("name: demo\nversion: 1.0.0\n");
    expect(r.tree.files.every((f) => !f.executable)).toBe(true);
    expect(r.tree).toMatchObject({ symlinks: [], tooLarge: [], truncated: false });
    expect(r.caseCollisions).toEqual([]);
  });

  test("any single top folder is stripped, and ./ prefixes are ignored", async () => {
    const r = await ok([{ name: "./my-pack/PACK.yaml", data: "name: x\n" }, { name: "my-pack/./skills//b/SKILL.md", data: "b" }]);
    expect(r.tree.files.map((f) => f.path)).toEqual(["PACK.yaml", "skills/b/SKILL.md"]);
  });

  test("the executable bit comes from the mode", async () => {
    const r = await ok([{ name: "package/run.sh", data: "#!/bin/sh\n", mode: 0o755 }, { name: "package/x.txt", data: "x", mode: 0o644 }, { name: "package/g.sh", data: "", mode: 0o610 }]);
    expect(Object.fromEntries(r.tree.files.map((f) => [f.path, f.executable]))).toEqual({ "g.sh": true, "run.sh": true, "x.txt": false });
  });

  test("long names: pax path, GNU long name, ustar prefix", async () => {
    const longA = `package/skills/${"a".repeat(120)}/SKILL.md`;
    const longB = `package/skills/${"b".repeat(150)}/SKILL.md`;
    const r = await ok([
      pax({ path: longA }),
      { name: longA.slice(0, 100), data: "pax" },
      gnuLong(longB),
      { name: longB.slice(0, 100), data: "gnu" },
      { prefix: `package/skills/${"c".repeat(100)}`, name: "SKILL.md", data: "prefix" },
      { name: "package/after.txt", data: "the long names applied to one entry only" },
    ]);
    const byPath = Object.fromEntries(r.tree.files.map((f) => [f.path, text(f.bytes)]));
    expect(byPath).toEqual({
      "after.txt": "the long names applied to one entry only",
      [`skills/${"a".repeat(120)}/SKILL.md`]: "pax",
      [`skills/${"b".repeat(150)}/SKILL.md`]: "gnu",
      [`skills/${"c".repeat(100)}/SKILL.md`]: "prefix",
    });
  });

  test("a pax size overrides the header's size", async () => {
    const r = await ok([pax({ size: "5" }), { name: "package/a.txt", data: "hello", sizeOverride: 0 }, { name: "package/b.txt", data: "b" }]);
    expect(r.tree.files.map((f) => [f.path, text(f.bytes)])).toEqual([["a.txt", "hello"], ["b.txt", "b"]]);
  });

  test("symlinks and hard links are reported, never followed or read", async () => {
    const r = await ok([
      { name: "package/PACK.yaml", data: "name: x\n" },
      { name: "package/link.yaml", type: "2", linkname: "/etc/passwd" },
      { name: "package/hard.yaml", type: "1", linkname: "package/PACK.yaml" },
    ]);
    expect(r.tree.files.map((f) => f.path)).toEqual(["PACK.yaml"]);
    expect(r.tree.symlinks).toEqual(["hard.yaml", "link.yaml"]);
  });

  test("node_modules and .git folders are skipped, as readTree skips them", async () => {
    const r = await ok([{ name: "package/PACK.yaml", data: "x" }, { name: "package/node_modules/dep/index.js", data: "x" }, { name: "package/.git/HEAD", data: "x" }]);
    expect(r.tree.files.map((f) => f.path)).toEqual(["PACK.yaml"]);
  });

  test("a later entry of the same path replaces the earlier one", async () => {
    const r = await ok([{ name: "package/a", data: "old" }, { name: "package/a", data: "new" }]);
    expect(r.tree.files.map((f) => text(f.bytes))).toEqual(["new"]);
  });

  test("a global pax header (git archive's comment) is ignored", async () => {
    const r = await ok([{ ...pax({ comment: "3f2e9c1" }), name: "pax_global_header", type: "g" }, ...packFiles()]);
    expect(r.tree.files).toHaveLength(3);
  });

  test("an archive without end-of-archive blocks is accepted", async () => {
    const r = await extractTgz(new Uint8Array(gzipSync(tar(packFiles(), { end: false }))));
    expect(r.ok).toBe(true);
  });
});

describe("extractTgz: limits", () => {
  test("files over maxFileBytes are listed as too large, not kept", async () => {
    const r = await ok([{ name: "package/big.bin", data: new Uint8Array(2048) }, { name: "package/small.txt", data: "s" }], { maxFileBytes: 1024 });
    expect(r.tree.files.map((f) => f.path)).toEqual(["small.txt"]);
    expect(r.tree.tooLarge).toEqual(["big.bin"]);
  });

  test("past maxFiles the tree is truncated", async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ name: `package/f${i}`, data: `${i}` }));
    const r = await ok(entries, { maxFiles: 3 });
    expect(r.tree.truncated).toBe(true);
    expect(r.tree.files.map((f) => f.path)).toEqual(["f0", "f1", "f2"]);
    expect((await ok(entries, { maxFiles: 5 })).tree.truncated).toBe(false);
  });

  test("a gzip bomb stops at the unpacked cap", async () => {
    const bomb = tgz([{ name: "package/zeros", data: new Uint8Array(8 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(await problem(bomb, { maxUnpackedBytes: 1024 * 1024 })).toEqual({ kind: "too-large", limitBytes: 1024 * 1024 });
    expect((await extractTgz(bomb, { maxUnpackedBytes: 16 * 1024 * 1024 })).ok).toBe(true);
  });

  test("names differing only in case are reported", async () => {
    const r = await ok([{ name: "package/README.md", data: "a" }, { name: "package/readme.md", data: "b" }, { name: "package/Readme.md", type: "2", linkname: "x" }, { name: "package/other", data: "c" }]);
    expect(r.caseCollisions).toEqual([["README.md", "Readme.md", "readme.md"]]);
  });
});

describe("extractTgz: unsafe entries", () => {
  test.each([
    ["../x", "`..`"],
    ["package/../../x", "`..`"],
    ["/abs/x", "absolute"],
    ["C:/x", "absolute"],
    ["package\\x", "backslash"],
  ])("%s is rejected", async (name, reason) => {
    const p = await problem([{ name: "package/PACK.yaml", data: "x" }, { name, data: "evil" }]);
    expect(p).toMatchObject({ kind: "unsafe", entry: name });
    expect((p as { reason: string }).reason).toContain(reason);
  });

  test("a folder entry with .. is rejected too", async () => {
    expect(await problem([{ name: "package/../", type: "5" }])).toMatchObject({ kind: "unsafe", entry: "package/../" });
  });

  test("a pax path with a NUL byte is rejected", async () => {
    expect(await problem([pax({ path: "package/a\0b" }), { name: "package/a", data: "x" }])).toMatchObject({ kind: "unsafe", entry: "package/a\0b", reason: expect.stringContaining("NUL") });
  });

  test("a GNU long name with .. is rejected", async () => {
    expect(await problem([gnuLong("package/../../etc/x"), { name: "package/x", data: "x" }])).toMatchObject({ kind: "unsafe", entry: "package/../../etc/x" });
  });

  test.each([["3", "device"], ["4", "device"], ["6", "FIFO"]])("entry type %s is rejected", async (type, reason) => {
    const p = await problem([{ name: "package/PACK.yaml", data: "x" }, { name: "package/dev", type }]);
    expect(p).toMatchObject({ kind: "unsafe", entry: "package/dev", reason: expect.stringContaining(reason) });
  });

  test("an unknown entry type is rejected", async () => {
    expect(await problem([{ name: "package/vol", type: "V" }])).toMatchObject({ kind: "unsafe", entry: "package/vol" });
  });
});

describe("extractTgz: invalid archives", () => {
  test("not gzip", async () => {
    expect(await problem(new TextEncoder().encode("name: x\n"))).toMatchObject({ kind: "invalid", reason: expect.stringContaining("gzip") });
  });

  test("damaged gzip", async () => {
    const gz = tgz(packFiles());
    expect(await problem(gz.subarray(0, gz.byteLength - 20))).toMatchObject({ kind: "invalid" });
  });

  test("a header with a bad checksum", async () => {
    expect(await problem([{ name: "package/a", data: "x", badChecksum: true }])).toMatchObject({ kind: "invalid", reason: expect.stringContaining("checksum") });
  });

  test("data running past the end", async () => {
    const t = tar([{ name: "package/a", data: "x", sizeOverride: 4096 }], { end: false });
    expect(extractTar(t)).toMatchObject({ ok: false, problem: { kind: "invalid", reason: expect.stringContaining("truncated") } });
  });

  test("two top folders", async () => {
    expect(await problem([{ name: "package/a", data: "x" }, { name: "other/b", data: "y" }])).toMatchObject({ kind: "invalid", reason: expect.stringContaining("more than one top folder") });
  });

  test("a file outside any top folder", async () => {
    expect(await problem([{ name: "PACK.yaml", data: "x" }])).toMatchObject({ kind: "invalid", reason: expect.stringContaining("top folder") });
  });

  test("a path that is both a file and a folder", async () => {
    expect(await problem([{ name: "package/skills", data: "x" }, { name: "package/skills/a/SKILL.md", data: "y" }])).toMatchObject({ kind: "invalid", reason: expect.stringContaining('"skills" is both') });
  });
});
