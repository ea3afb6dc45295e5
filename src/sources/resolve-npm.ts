/**
 * npm sources (`npm:<pkg>[@<range or tag>]`): a pack published as an npm package, the package
 * root being the pack's folder. Without a lock pin the registry's packument picks the version;
 * with one, the pinned tarball is fetched again (cache first) and must match the pinned sha512,
 * so a re-published or tampered version is caught, never followed. Tarballs are cached in the
 * user cache under `npm/<name>/<version>.tgz` and only trusted after their hash is checked.
 */
import { join } from "node:path";
import semver from "semver";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourcePin } from "../core/source-pin.js";
import { readCacheFile, writeCacheFile } from "../io/cache-files.js";
import { DEFAULT_HTTP_MAX_BYTES, httpGet } from "../io/http.js";
import { matchesSha1Hex, matchesSri, sha512Sri, strongestHash } from "../io/integrity.js";
import type { ExtractOptions } from "../io/tarball.js";
import { readArchive } from "./archive-source.js";
import { reported, type FetchOutcome, type ResolveRequest, type SourceContext } from "./source-context.js";

export interface NpmFetchOptions {
  /** Per HTTP request, body included. Default 30 s. */
  timeoutMs?: number;
  /** The largest tarball downloaded. Default 100 MiB. */
  maxTarballBytes?: number;
  /** The largest packument read. Default 64 MiB. */
  maxPackumentBytes?: number;
  extract?: ExtractOptions;
}

export const DEFAULT_MAX_PACKUMENT_BYTES = 64 * 1024 * 1024;
/** How many versions a "no matching version" error lists. */
const VERSIONS_SHOWN = 8;

/** The part of an npm packument packs reads. */
export interface Packument {
  versions: Record<string, { dist?: { tarball?: unknown; integrity?: unknown; shasum?: unknown } } | undefined>;
  "dist-tags": Record<string, unknown>;
}

/** Fetch an `npm:` source. `req.entry.source` must be of kind "npm" (anything else is a bug). */
export async function fetchNpm(req: ResolveRequest, ctx: SourceContext, opts: NpmFetchOptions = {}): Promise<FetchOutcome> {
  const src = req.entry.source;
  if (src.kind !== "npm") throw new Error(`bug: fetchNpm given a ${src.kind} source`);
  const r = new NpmResolution(req, ctx, opts, src.name, src.range);
  return req.locked ? r.fromLock(req.locked) : r.fresh();
}

class NpmResolution {
  private readonly notes: string[] = [];

  constructor(
    private readonly req: ResolveRequest,
    private readonly ctx: SourceContext,
    private readonly opts: NpmFetchOptions,
    private readonly name: string,
    private readonly range: string | undefined,
  ) {}

  /** The lock's pin: no packument; the cached tarball when it matches, else the pinned URL. */
  async fromLock(locked: SourcePin): Promise<FetchOutcome> {
    const spec = splitResolved(locked.resolved);
    const integrity = locked.tarball_integrity;
    if (locked.kind !== "npm" || !spec || spec.name !== this.name || !integrity || !strongestHash(integrity) || !locked.url) {
      return this.fail("source/invalid-pin", `the lock's pin for this pack (${locked.kind} ${locked.resolved}) is not a usable npm pin for ${this.name}`,
        `Run \`packs update ${this.req.entry.key}\` to resolve ${this.sourceLabel()} afresh and rewrite its pin.`);
    }
    const id = `${spec.name}@${spec.version}`;
    const cachePath = this.cachePath(spec.version);
    let bytes = await readCacheFile(cachePath, this.maxTarballBytes());
    if (!bytes || !matchesSri(bytes, integrity)) {
      if (this.ctx.offline) {
        return this.fail("source/offline-missing", `${id} is not in the cache and --offline forbids downloading it`,
          "Run once without --offline to fill the cache.");
      }
      const got = await this.download(locked.url);
      if (!got.ok) return got.outcome;
      if (!matchesSri(got.bytes, integrity)) {
        return this.fail("source/integrity-mismatch", `the tarball for ${id} no longer matches the lock: it was re-published or tampered with`,
          `Investigate before trusting it (${locked.url} now has ${sha512Sri(got.bytes)}, the lock says ${integrity}). To accept a new version on purpose, run \`packs update ${this.req.entry.key}\`.`);
      }
      bytes = got.bytes;
      await this.store(cachePath, bytes);
    }
    return this.finish(id, bytes, locked);
  }

  /** No pin: the packument picks the version. */
  async fresh(): Promise<FetchOutcome> {
    if (this.ctx.offline) {
      return this.fail("source/offline-missing", `${this.sourceLabel()} has no pin in the lock, and --offline forbids asking the registry which version to use`,
        "Run once without --offline to resolve it and write the lock.");
    }
    const packument = await this.packument();
    if ("outcome" in packument) return packument.outcome;
    const pick = pickVersion(packument.doc, this.range);
    if (!pick.version) {
      const newest = packument.versions.slice(-VERSIONS_SHOWN).reverse();
      const asked = this.range === undefined ? "the dist-tag latest" : `"${this.range}"`;
      return this.fail("source/no-matching-version", `no version of ${this.name} matches ${asked}`,
        newest.length > 0
          ? `Newest versions: ${newest.join(", ")}${tagsText(packument.doc)}. Fix the range in packs.yaml (source: npm:${this.name}@<range>).`
          : `${this.name} has no published versions.`);
    }
    const version = pick.version;
    const id = `${this.name}@${version}`;
    const dist = packument.doc.versions[version]?.dist;
    const tarball = typeof dist?.tarball === "string" ? dist.tarball : undefined;
    if (!tarball) return this.fail("source/fetch-failed", `the registry gives no tarball URL for ${id}`, "The registry's answer is incomplete; try again later or pick another version.");
    const integrity = typeof dist?.integrity === "string" && strongestHash(dist.integrity) ? dist.integrity : undefined;
    const shasum = typeof dist?.shasum === "string" ? dist.shasum : undefined;
    if (!integrity && !shasum) {
      return this.fail("source/integrity-missing", `the registry gives no integrity hash for ${id}, so its tarball cannot be checked`,
        "packs only installs npm packages it can verify. Pick another version, or vendor the pack as a local folder or .tgz.");
    }
    const verify = (b: Uint8Array) => (integrity ? matchesSri(b, integrity) : matchesSha1Hex(b, shasum!));

    const cachePath = this.cachePath(version);
    let bytes = await readCacheFile(cachePath, this.maxTarballBytes());
    if (!bytes || !verify(bytes)) {
      const got = await this.download(tarball);
      if (!got.ok) return got.outcome;
      if (!verify(got.bytes)) {
        return this.fail("source/integrity-mismatch", `the tarball downloaded for ${id} does not match the registry's ${integrity ? "integrity" : "shasum"}`,
          `The bytes from ${tarball} were altered on the way (a proxy, a broken mirror) or the registry is inconsistent. Try again; if it persists, investigate before using this package.`);
      }
      bytes = got.bytes;
      await this.store(cachePath, bytes);
    }
    if (!integrity) this.notes.push(`the registry gives only a sha1 shasum for ${id}; packs checked the tarball with it (weaker than sha512) and pins its sha512`);
    const pin: SourcePin = {
      kind: "npm",
      resolved: id,
      url: tarball,
      tarball_integrity: sha512Sri(bytes),
      ...(!pick.exact && { floating: true as const }),
    };
    return this.finish(id, bytes, pin);
  }

  private async finish(id: string, bytes: Uint8Array, pin: SourcePin): Promise<FetchOutcome> {
    const displayRoot = `npm:${id}`;
    const read = await readArchive(bytes, this.req.entry, displayRoot, this.opts.extract);
    if (!read.tree) return { diagnostics: read.diagnostics };
    return { fetched: { displayRoot, tree: read.tree, pin, notes: this.notes }, diagnostics: read.diagnostics };
  }

  /** The packument, fetched once per run (several packs may come from one package). */
  private async packument(): Promise<{ doc: Packument; versions: string[] } | { outcome: FetchOutcome }> {
    const url = `${this.ctx.npmRegistry.replace(/\/+$/, "")}/${this.name.replace("/", "%2f")}`;
    const key = `npm-packument:${url}`;
    let p = this.ctx.runCache?.get(key) as ReturnType<typeof httpGet> | undefined;
    if (!p) {
      p = reported(this.ctx, `npm packument ${this.name}`, () => httpGet(url, {
        timeoutMs: this.opts.timeoutMs,
        maxBytes: this.opts.maxPackumentBytes ?? DEFAULT_MAX_PACKUMENT_BYTES,
        headers: { accept: "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*" },
      }), (r) => r.ok);
      this.ctx.runCache?.set(key, p);
    }
    const res = await p;
    if (!res.ok) {
      if (res.status === 404) {
        return { outcome: this.fail("source/not-found", `npm package ${this.name} does not exist in ${this.ctx.npmRegistry} (${url} answered 404)`,
          `Check the name in packs.yaml (source: npm:${this.name}). A private package needs a registry that serves it.`) };
      }
      return { outcome: this.fail("source/fetch-failed", `could not fetch ${url}: ${res.reason}`, "Check your network and the npm registry, then try again (or use --offline with a lock and a filled cache).") };
    }
    let doc: unknown;
    try {
      doc = JSON.parse(new TextDecoder().decode(res.bytes));
    } catch {
      doc = undefined;
    }
    if (!isPackument(doc)) {
      return { outcome: this.fail("source/fetch-failed", `${url} did not answer with an npm package document`, "Check the npm registry URL packs is configured with.") };
    }
    const versions = Object.keys(doc.versions).filter(isVersion).sort(semver.compare);
    return { doc, versions };
  }

  private async download(url: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; outcome: FetchOutcome }> {
    const res = await reported(this.ctx, `download ${url}`, () => httpGet(url, { timeoutMs: this.opts.timeoutMs, maxBytes: this.maxTarballBytes() }), (r) => r.ok);
    if (res.ok) return { ok: true, bytes: res.bytes };
    return { ok: false, outcome: this.fail("source/fetch-failed", `could not download ${url}: ${res.reason}`, "Check your network and the registry, then try again.") };
  }

  /** A cache write that fails costs a download next time, nothing more: a note, not an error. */
  private async store(path: string, bytes: Uint8Array): Promise<void> {
    try {
      await writeCacheFile(path, bytes);
    } catch (e) {
      this.notes.push(`could not cache ${path}: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  private cachePath(version: string): string {
    // The name is a valid npm name (checked by packs.yaml's loader, and against the pin) and the
    // version a valid semver: neither can climb out of the cache.
    return join(this.ctx.cacheDir, "npm", ...this.name.split("/"), `${version}.tgz`);
  }

  private maxTarballBytes(): number {
    return this.opts.maxTarballBytes ?? DEFAULT_HTTP_MAX_BYTES;
  }

  private sourceLabel(): string {
    return `npm:${this.name}${this.range === undefined ? "" : `@${this.range}`}`;
  }

  private fail(code: string, summary: string, hint: string): FetchOutcome {
    const d: Diagnostic = { code, severity: "error", summary: `pack "${this.req.entry.key}": ${summary}`, location: this.req.entry.location, hint };
    return { diagnostics: [d] };
  }
}

/**
 * The version a range or dist-tag names: the highest satisfying version of a range, the tagged
 * version of a tag, `latest` when there is neither. `exact` when the range is one version.
 */
export function pickVersion(doc: Packument, range: string | undefined): { version?: string; exact: boolean } {
  const versions = Object.keys(doc.versions).filter(isVersion);
  const exact = range !== undefined && semver.valid(range) !== null;
  if (range !== undefined && semver.validRange(range) !== null) {
    return { version: semver.maxSatisfying(versions, range) ?? undefined, exact };
  }
  const tagged = doc["dist-tags"][range ?? "latest"];
  return { version: typeof tagged === "string" && versions.includes(tagged) ? tagged : undefined, exact: false };
}

function isPackument(doc: unknown): doc is Packument {
  if (typeof doc !== "object" || doc === null) return false;
  const d = doc as Record<string, unknown>;
  if (typeof d.versions !== "object" || d.versions === null || Array.isArray(d.versions)) return false;
  if (d["dist-tags"] === undefined) d["dist-tags"] = {};
  return typeof d["dist-tags"] === "object" && d["dist-tags"] !== null;
}

/** `@scope/name@1.2.3` → name and version; undefined unless the version is a valid semver. */
function splitResolved(resolved: string): { name: string; version: string } | undefined {
  const at = resolved.lastIndexOf("@");
  if (at <= 0) return undefined;
  const name = resolved.slice(0, at);
  const version = resolved.slice(at + 1);
  return isVersion(version) ? { name, version } : undefined;
}

/** A version packs accepts: valid semver, and safe as a file name in the cache. */
function isVersion(v: string): boolean {
  return /^[0-9A-Za-z.+-]+$/.test(v) && semver.valid(v) !== null;
}

function tagsText(doc: Packument): string {
  const tags = Object.entries(doc["dist-tags"]).filter(([, v]) => typeof v === "string").map(([k, v]) => `${k} → ${v as string}`);
  return tags.length > 0 ? `; dist-tags: ${tags.join(", ")}` : "";
}
