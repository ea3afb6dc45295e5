/** fetchNpm against a fake registry on 127.0.0.1: never the real network. */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { SourcePin } from "../../src/core/source-pin.js";
import { fetchNpm } from "../../src/sources/resolve-npm.js";
import type { FetchOutcome } from "../../src/sources/source-context.js";
import { context, npmEntry, packTarball, publish, sha1hex, sha512, startRegistry, type FakeRegistry } from "./fake-registry.js";
import { tgz } from "./tar-writer.js";

let reg: FakeRegistry;
let root: string;
let cacheDir: string;
let tmp: string;
const tarballs: Record<string, Uint8Array> = {};

beforeAll(async () => {
  reg = await startRegistry();
  tmp = await mkdtemp(join(tmpdir(), "packs-npm-"));
  root = join(tmp, "project");
});

afterAll(async () => {
  await reg.close();
  await rm(tmp, { recursive: true, force: true });
});

let cacheCount = 0;
beforeEach(() => {
  reg.log.length = 0;
  reg.routes.clear();
  cacheDir = join(tmp, `cache-${cacheCount++}`);
  for (const v of ["1.0.0", "1.1.0", "1.2.0", "2.0.0", "3.0.0-beta.1"]) tarballs[v] = packTarball("demo-pack", v);
  publish(reg, "demo-pack", Object.entries(tarballs).map(([version, bytes]) => ({ version, bytes })), { latest: "1.2.0", next: "3.0.0-beta.1" });
});

const ctx = (over = {}) => context(root, cacheDir, reg.url, over);

function fetched(o: FetchOutcome) {
  if (!o.fetched) throw new Error(`expected a fetched source, got ${JSON.stringify(o.diagnostics)}`);
  return o.fetched;
}

function packYaml(o: FetchOutcome): string {
  const f = fetched(o).tree.files.find((x) => x.path === "PACK.yaml");
  return new TextDecoder().decode(f!.bytes);
}

function onlyError(o: FetchOutcome) {
  expect(o.fetched).toBeUndefined();
  expect(o.diagnostics).toHaveLength(1);
  const d = o.diagnostics[0]!;
  expect(d.severity).toBe("error");
  expect(d.location).toEqual({ file: "packs.yaml", line: 4, col: 3 });
  return d;
}

describe("fetchNpm without a lock pin", () => {
  test.each([
    ["^1", "1.2.0"],
    ["~1.1.0", "1.1.0"],
    [">=1.0.0 <1.2.0", "1.1.0"],
    ["*", "2.0.0"],
    ["1.0.0", "1.0.0"],
  ])("range %s picks %s", async (range, version) => {
    const o = await fetchNpm({ entry: npmEntry("demo-pack", range) }, ctx());
    const f = fetched(o);
    expect(f.pin.resolved).toBe(`demo-pack@${version}`);
    expect(f.displayRoot).toBe(`npm:demo-pack@${version}`);
    expect(packYaml(o)).toContain(`version: ${version}`);
    expect(o.diagnostics).toEqual([]);
  });

  test("the pin: name@version, tarball URL, sha512 of the bytes, floating for a range", async () => {
    const f = fetched(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx()));
    expect(f.pin).toEqual({
      kind: "npm",
      resolved: "demo-pack@1.2.0",
      url: `${reg.url}/tarballs/demo-pack-1.2.0.tgz`,
      tarball_integrity: sha512(tarballs["1.2.0"]!),
      floating: true,
    });
    expect(f.tree.files.map((x) => x.path)).toEqual(["PACK.yaml", "package.json"]);
    expect(f.notes).toEqual([]);
  });

  test("one exact version is not floating", async () => {
    const f = fetched(await fetchNpm({ entry: npmEntry("demo-pack", "1.1.0") }, ctx()));
    expect(f.pin.floating).toBeUndefined();
  });

  test("no range means the latest dist-tag; a tag picks its version; both float", async () => {
    const none = fetched(await fetchNpm({ entry: npmEntry("demo-pack") }, ctx()));
    expect(none.pin).toMatchObject({ resolved: "demo-pack@1.2.0", floating: true });
    const next = fetched(await fetchNpm({ entry: npmEntry("demo-pack", "next") }, ctx()));
    expect(next.pin).toMatchObject({ resolved: "demo-pack@3.0.0-beta.1", floating: true });
  });

  test("asks for the packument with npm's abbreviated format", async () => {
    const seen: (string | undefined)[] = [];
    const served = reg.routes.get("/demo-pack")!;
    reg.routes.set("/demo-pack", (req, res) => {
      seen.push(req.headers.accept);
      served(req, res);
    });
    await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx());
    expect(seen[0]).toContain("application/vnd.npm.install-v1+json");
  });

  test("the tarball is cached under npm/<name>/<version>.tgz", async () => {
    await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx());
    expect(new Uint8Array(await readFile(join(cacheDir, "npm", "demo-pack", "1.2.0.tgz")))).toEqual(tarballs["1.2.0"]);
  });

  test("a second resolve reuses the cached tarball: only the packument is asked", async () => {
    await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx());
    reg.log.length = 0;
    const f = fetched(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx()));
    expect(f.pin.resolved).toBe("demo-pack@1.2.0");
    expect(reg.log).toEqual(["/demo-pack"]);
  });

  test("a cached tarball that does not match the registry's integrity is downloaded again", async () => {
    await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx());
    await writeFile(join(cacheDir, "npm", "demo-pack", "1.2.0.tgz"), tarballs["1.0.0"]!);
    reg.log.length = 0;
    const o = await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx());
    expect(packYaml(o)).toContain("version: 1.2.0");
    expect(reg.log).toEqual(["/demo-pack", "/tarballs/demo-pack-1.2.0.tgz"]);
  });

  test("the packument is asked once per run when a run cache is shared", async () => {
    const runCache = new Map<string, Promise<unknown>>();
    await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx({ runCache }));
    await fetchNpm({ entry: npmEntry("demo-pack", "~1.1.0") }, ctx({ runCache }));
    expect(reg.log.filter((p) => p === "/demo-pack")).toHaveLength(1);
  });

  test("a tarball that does not match dist.integrity is refused and not cached", async () => {
    publish(reg, "bad-pack", [{ version: "1.0.0", bytes: packTarball("bad-pack", "1.0.0"), integrity: sha512(packTarball("bad-pack", "0.0.1")) }], { latest: "1.0.0" });
    const d = onlyError(await fetchNpm({ entry: npmEntry("bad-pack", "^1") }, ctx()));
    expect(d.code).toBe("source/integrity-mismatch");
    expect(d.summary).toContain("bad-pack@1.0.0");
    await expect(stat(join(cacheDir, "npm", "bad-pack", "1.0.0.tgz"))).rejects.toThrow();
  });

  test("with only a sha1 shasum the tarball is checked with it and a note says so", async () => {
    const bytes = packTarball("old-pack", "1.0.0");
    publish(reg, "old-pack", [{ version: "1.0.0", bytes, integrity: null, shasum: sha1hex(bytes) }], { latest: "1.0.0" });
    const f = fetched(await fetchNpm({ entry: npmEntry("old-pack") }, ctx()));
    expect(f.pin.tarball_integrity).toBe(sha512(bytes));
    expect(f.notes.join("\n")).toContain("sha1");
  });

  test("a wrong sha1 shasum is a mismatch too", async () => {
    const bytes = packTarball("old-pack", "1.0.0");
    publish(reg, "old-pack", [{ version: "1.0.0", bytes, integrity: null, shasum: sha1hex(packTarball("x", "2.0.0")) }], { latest: "1.0.0" });
    expect(onlyError(await fetchNpm({ entry: npmEntry("old-pack") }, ctx())).code).toBe("source/integrity-mismatch");
  });

  test("no integrity at all is refused", async () => {
    publish(reg, "bare-pack", [{ version: "1.0.0", bytes: packTarball("bare-pack", "1.0.0"), integrity: null }], { latest: "1.0.0" });
    expect(onlyError(await fetchNpm({ entry: npmEntry("bare-pack") }, ctx())).code).toBe("source/integrity-missing");
  });

  test("no matching version lists the newest ones", async () => {
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^4") }, ctx()));
    expect(d.code).toBe("source/no-matching-version");
    expect(d.summary).toContain('"^4"');
    expect(d.hint).toContain("3.0.0-beta.1, 2.0.0, 1.2.0, 1.1.0, 1.0.0");
    expect(d.hint).toContain("latest → 1.2.0");
  });

  test("an unknown dist-tag matches nothing", async () => {
    expect(onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "canary") }, ctx())).code).toBe("source/no-matching-version");
  });

  test("a scoped package: packument at @scope%2fname, cache under npm/@scope/name", async () => {
    const bytes = packTarball("@acme/pack", "1.0.0");
    publish(reg, "@acme/pack", [{ version: "1.0.0", bytes }], { latest: "1.0.0" });
    const o = await fetchNpm({ entry: npmEntry("@acme/pack", "^1.0.0") }, ctx());
    const f = fetched(o);
    expect(reg.log[0]).toBe("/@acme%2fpack");
    expect(f.displayRoot).toBe("npm:@acme/pack@1.0.0");
    expect(f.pin.resolved).toBe("@acme/pack@1.0.0");
    expect(new Uint8Array(await readFile(join(cacheDir, "npm", "@acme", "pack", "1.0.0.tgz")))).toEqual(bytes);
  });

  test("a registry URL with a trailing slash works", async () => {
    fetched(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx({ npmRegistry: `${reg.url}/` })));
    expect(reg.log[0]).toBe("/demo-pack");
  });

  test("404 for the packument: not found", async () => {
    const d = onlyError(await fetchNpm({ entry: npmEntry("no-such-pack") }, ctx()));
    expect(d.code).toBe("source/not-found");
    expect(d.summary).toContain("no-such-pack");
  });

  test("500 for the packument: fetch failed, naming the URL and the status", async () => {
    reg.routes.set("/demo-pack", (_, res) => res.writeHead(500).end("boom"));
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx()));
    expect(d.code).toBe("source/fetch-failed");
    expect(d.summary).toContain(`${reg.url}/demo-pack`);
    expect(d.summary).toContain("500");
  });

  test("a packument that is not JSON: fetch failed", async () => {
    reg.routes.set("/demo-pack", (_, res) => res.writeHead(200).end("<html>"));
    expect(onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx())).code).toBe("source/fetch-failed");
  });

  test("a tarball download that fails: fetch failed, naming the tarball URL", async () => {
    reg.routes.set("/tarballs/demo-pack-1.2.0.tgz", (_, res) => res.writeHead(403).end());
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx()));
    expect(d.code).toBe("source/fetch-failed");
    expect(d.summary).toContain(`${reg.url}/tarballs/demo-pack-1.2.0.tgz`);
    expect(d.summary).toContain("403");
  });

  test("a server that never answers times out", async () => {
    reg.routes.set("/demo-pack", () => undefined);
    const started = performance.now();
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx(), { timeoutMs: 200 }));
    expect(d.code).toBe("source/fetch-failed");
    expect(d.summary).toContain("timed out");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("a body that stalls half-way times out too", async () => {
    reg.routes.set("/demo-pack", (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"versions":');
    });
    expect(onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx(), { timeoutMs: 200 })).summary).toContain("timed out");
  });

  test("a tarball over the size cap is refused", async () => {
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx(), { maxTarballBytes: 100 }));
    expect(d.code).toBe("source/fetch-failed");
    expect(d.summary).toContain("larger than 100 bytes");
  });

  test("an unsafe archive is an error", async () => {
    const evil = tgz([{ name: "package/PACK.yaml", data: "name: x\n" }, { name: "package/../../x", data: "evil" }]);
    publish(reg, "evil-pack", [{ version: "1.0.0", bytes: evil }], { latest: "1.0.0" });
    const d = onlyError(await fetchNpm({ entry: npmEntry("evil-pack") }, ctx()));
    expect(d.code).toBe("source/unsafe-archive");
    expect(d.summary).toContain("package/../../x");
  });

  test("case collisions are a warning beside the fetched source", async () => {
    const bytes = tgz([{ name: "package/PACK.yaml", data: "name: x\n" }, { name: "package/a.md", data: "a" }, { name: "package/A.md", data: "A" }]);
    publish(reg, "case-pack", [{ version: "1.0.0", bytes }], { latest: "1.0.0" });
    const o = await fetchNpm({ entry: npmEntry("case-pack") }, ctx());
    expect(o.fetched).toBeDefined();
    expect(o.diagnostics).toMatchObject([{ code: "source/case-collision", severity: "warning", summary: expect.stringContaining("A.md, a.md") }]);
  });
});

describe("fetchNpm with a lock pin", () => {
  async function lockOf(range = "^1"): Promise<SourcePin> {
    const pin = fetched(await fetchNpm({ entry: npmEntry("demo-pack", range) }, ctx())).pin;
    cacheDir = join(tmp, `cache-${cacheCount++}`); // start the next resolve with an empty cache
    reg.log.length = 0;
    return pin;
  }

  test("downloads the pinned tarball without asking for the packument", async () => {
    const locked = await lockOf();
    // A newer 1.x was published since the lock: the pin still wins.
    publish(reg, "demo-pack", [...Object.entries(tarballs).map(([version, bytes]) => ({ version, bytes })), { version: "1.9.0", bytes: packTarball("demo-pack", "1.9.0") }], { latest: "1.9.0" });
    const o = await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx());
    expect(fetched(o).pin).toEqual(locked);
    expect(packYaml(o)).toContain("version: 1.2.0");
    expect(reg.log).toEqual(["/tarballs/demo-pack-1.2.0.tgz"]);
  });

  test("a cached tarball matching the pin: no request at all", async () => {
    const locked = await lockOf();
    await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx());
    reg.log.length = 0;
    const o = await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx());
    expect(fetched(o).pin).toEqual(locked);
    expect(reg.log).toEqual([]);
  });

  test("a corrupted cache entry is replaced by a fresh download", async () => {
    const locked = await lockOf();
    await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx());
    await writeFile(join(cacheDir, "npm", "demo-pack", "1.2.0.tgz"), "garbage");
    reg.log.length = 0;
    expect(packYaml(await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx()))).toContain("version: 1.2.0");
    expect(reg.log).toEqual(["/tarballs/demo-pack-1.2.0.tgz"]);
    expect(new Uint8Array(await readFile(join(cacheDir, "npm", "demo-pack", "1.2.0.tgz")))).toEqual(tarballs["1.2.0"]);
  });

  test("a re-published tarball no longer matches the lock", async () => {
    const locked = await lockOf();
    const republished = packTarball("demo-pack", "1.2.0", "instructions: something new\n");
    reg.routes.set("/tarballs/demo-pack-1.2.0.tgz", (_, res) => res.writeHead(200).end(republished));
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx()));
    expect(d.code).toBe("source/integrity-mismatch");
    expect(d.summary).toContain("the tarball for demo-pack@1.2.0 no longer matches the lock: it was re-published or tampered with");
    expect(d.hint).toContain("packs update demo");
    expect(reg.log).toEqual(["/tarballs/demo-pack-1.2.0.tgz"]);
  });

  test("a pin for another package is refused", async () => {
    const locked: SourcePin = { kind: "npm", resolved: "other@1.0.0", url: `${reg.url}/tarballs/demo-pack-1.0.0.tgz`, tarball_integrity: sha512(tarballs["1.0.0"]!) };
    expect(onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx())).code).toBe("source/invalid-pin");
    expect(reg.log).toEqual([]);
  });

  test("a pin whose version is not semver is refused before touching the cache", async () => {
    const locked: SourcePin = { kind: "npm", resolved: "demo-pack@../../../etc", url: `${reg.url}/x.tgz`, tarball_integrity: sha512(tarballs["1.0.0"]!) };
    expect(onlyError(await fetchNpm({ entry: npmEntry("demo-pack"), locked }, ctx())).code).toBe("source/invalid-pin");
  });
});

describe("fetchNpm offline", () => {
  test("with a lock and a cached tarball: works without any request", async () => {
    const locked = fetched(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx())).pin;
    reg.log.length = 0;
    const o = await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx({ offline: true }));
    expect(fetched(o).pin).toEqual(locked);
    expect(reg.log).toEqual([]);
  });

  test("with a lock but no cached tarball: offline-missing, no request", async () => {
    const locked = fetched(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx())).pin;
    cacheDir = join(tmp, `cache-${cacheCount++}`);
    reg.log.length = 0;
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1"), locked }, ctx({ offline: true })));
    expect(d.code).toBe("source/offline-missing");
    expect(d.summary).toContain("demo-pack@1.2.0");
    expect(d.hint).toContain("without --offline");
    expect(reg.log).toEqual([]);
  });

  test("without a lock: offline-missing (no version can be picked), no request", async () => {
    await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx()); // the cache has a tarball, but no pin says which
    reg.log.length = 0;
    const d = onlyError(await fetchNpm({ entry: npmEntry("demo-pack", "^1") }, ctx({ offline: true })));
    expect(d.code).toBe("source/offline-missing");
    expect(reg.log).toEqual([]);
  });
});
