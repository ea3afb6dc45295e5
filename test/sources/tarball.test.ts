/** fetchTarball: a packed pack (`*.tgz`) on disk, relative to the project root. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PackEntry } from "../../src/config/project-config.js";
import { fetchTarball } from "../../src/sources/resolve-tarball.js";
import type { FetchOutcome } from "../../src/sources/source-context.js";
import { context, packTarball, sha512 } from "./fake-registry.js";
import { tgz } from "./tar-writer.js";

let tmp: string;
let root: string;
const v1 = packTarball("local-pack", "1.0.0");
const v2 = packTarball("local-pack", "2.0.0");

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "packs-tgz-"));
  root = join(tmp, "project");
  await mkdir(join(root, "vendor", "folder.tgz"), { recursive: true });
  await writeFile(join(root, "vendor", "local-pack-1.0.0.tgz"), v1);
  await writeFile(join(root, "vendor", "v2.tgz"), v2);
  await writeFile(join(root, "vendor", "evil.tgz"), tgz([{ name: "package/PACK.yaml", data: "x" }, { name: "/etc/passwd", data: "x" }]));
  await writeFile(join(root, "vendor", "not-gzip.tgz"), "hello");
  await writeFile(join(tmp, "outside.tgz"), v1);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function entry(path: string): PackEntry {
  return { key: "local", source: { kind: "tarball", path }, sourceText: path, groups: [], exclude: [], mcp: {}, location: { file: "packs.yaml", line: 7, col: 3 } };
}

const ctx = () => context(root, join(tmp, "cache"), "http://127.0.0.1:9", { offline: true });

function fetched(o: FetchOutcome) {
  if (!o.fetched) throw new Error(`expected a fetched source, got ${JSON.stringify(o.diagnostics)}`);
  return o.fetched;
}

describe("fetchTarball", () => {
  test("reads the archive, strips package/, pins the path as written and the sha512", async () => {
    const o = await fetchTarball({ entry: entry("./vendor/local-pack-1.0.0.tgz") }, ctx());
    const f = fetched(o);
    expect(o.diagnostics).toEqual([]);
    expect(f.displayRoot).toBe("./vendor/local-pack-1.0.0.tgz");
    expect(f.pin).toEqual({ kind: "tarball", resolved: "./vendor/local-pack-1.0.0.tgz", tarball_integrity: sha512(v1) });
    expect(f.tree.files.map((x) => x.path)).toEqual(["PACK.yaml", "package.json"]);
    expect(new TextDecoder().decode(f.tree.files[0]!.bytes)).toContain("version: 1.0.0");
    expect(f.notes).toEqual([]);
  });

  test("a path outside the project is read relative to its root", async () => {
    expect(fetched(await fetchTarball({ entry: entry("../outside.tgz") }, ctx())).pin.tarball_integrity).toBe(sha512(v1));
  });

  test("the lock's integrity still matching: no note", async () => {
    const locked = { kind: "tarball" as const, resolved: "vendor/v2.tgz", tarball_integrity: sha512(v2) };
    expect(fetched(await fetchTarball({ entry: entry("vendor/v2.tgz"), locked }, ctx())).notes).toEqual([]);
  });

  test("a file changed since the lock is not an error: the new pin and a note", async () => {
    const locked = { kind: "tarball" as const, resolved: "vendor/v2.tgz", tarball_integrity: sha512(v1) };
    const o = await fetchTarball({ entry: entry("vendor/v2.tgz"), locked }, ctx());
    const f = fetched(o);
    expect(o.diagnostics).toEqual([]);
    expect(f.pin.tarball_integrity).toBe(sha512(v2));
    expect(f.notes).toEqual(["vendor/v2.tgz changed since the lock"]);
  });

  test.each(["vendor/missing.tgz", "vendor/folder.tgz"])("%s: not found", async (path) => {
    const o = await fetchTarball({ entry: entry(path) }, ctx());
    expect(o.fetched).toBeUndefined();
    expect(o.diagnostics).toMatchObject([{ code: "source/not-found", severity: "error", summary: expect.stringContaining(path), location: { file: "packs.yaml", line: 7 } }]);
  });

  test("an unsafe archive is an error naming the entry", async () => {
    const o = await fetchTarball({ entry: entry("vendor/evil.tgz") }, ctx());
    expect(o.fetched).toBeUndefined();
    expect(o.diagnostics).toMatchObject([{ code: "source/unsafe-archive", severity: "error", summary: expect.stringContaining("/etc/passwd") }]);
  });

  test("a file that is not a gzip'd tar is an invalid archive", async () => {
    const o = await fetchTarball({ entry: entry("vendor/not-gzip.tgz") }, ctx());
    expect(o.diagnostics).toMatchObject([{ code: "source/invalid-archive", severity: "error" }]);
  });

  test("an archive that inflates past the cap is refused", async () => {
    const o = await fetchTarball({ entry: entry("vendor/local-pack-1.0.0.tgz") }, ctx(), { extract: { maxUnpackedBytes: 512 } });
    expect(o.diagnostics).toMatchObject([{ code: "source/archive-too-large", summary: expect.stringContaining("512 bytes") }]);
  });

  test("an archive larger than the read cap is refused", async () => {
    const o = await fetchTarball({ entry: entry("vendor/local-pack-1.0.0.tgz") }, ctx(), { maxTarballBytes: 10 });
    expect(o.diagnostics).toMatchObject([{ code: "source/archive-too-large" }]);
  });
});
