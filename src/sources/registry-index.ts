/**
 * Registry indexes (DESIGN §2): a JSON file over HTTP(S) or on disk in the altimate format,
 * `{"kits": [...]}` or `{"packs": [...]}`. HTTP answers are cached in the user cache and used
 * for `registryTtlMs`; past that they are fetched again, and when that fails (or --offline) the
 * stale copy is used and the plan says how old it is.
 */
import { resolve } from "node:path";
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { readCacheFile, readWholeFile, writeCacheFile } from "../io/cache-files.js";
import { sha256Hex } from "../io/hash.js";
import { httpGet } from "../io/http.js";
import { age } from "./age.js";
import { reported, type SourceContext } from "./source-context.js";

const entrySchema = z.looseObject({
  name: z.string().min(1),
  version: z.string().optional(),
  description: z.string().optional(),
  tier: z.string().optional(),
  /** GitHub `owner/repo`. */
  repo: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/, "must be owner/repo").optional(),
  path: z.string().optional(),
  /** Any git remote as a packs source (`github:o/r`, `git+https://…`); wins over `repo`. */
  source: z.string().optional(),
  ref: z.string().optional(),
});
const indexSchema = z.looseObject({ kits: z.array(entrySchema).optional(), packs: z.array(entrySchema).optional() });

export type RegistryEntry = z.infer<typeof entrySchema>;

export interface RegistryIndex {
  name: string;
  url: string;
  entries: RegistryEntry[];
  /** Set when a cached copy past its time to live was used. */
  staleNote?: string;
}

const MAX_INDEX_BYTES = 20 * 1024 * 1024;

export async function loadRegistryIndex(name: string, where: string, ctx: SourceContext): Promise<{ index?: RegistryIndex; diagnostics: Diagnostic[] }> {
  const key = `registry:${where}`;
  const memo = ctx.runCache?.get(key) as Promise<{ index?: RegistryIndex; diagnostics: Diagnostic[] }> | undefined;
  if (memo) return memo;
  const p = load(name, where, ctx);
  ctx.runCache?.set(key, p);
  return p;
}

async function load(name: string, where: string, ctx: SourceContext): Promise<{ index?: RegistryIndex; diagnostics: Diagnostic[] }> {
  const err = (summary: string, hint: string) => ({ diagnostics: [{ code: "registry/unavailable", severity: "error" as const, summary: `registry "${name}" (${where}): ${summary}`, location: { file: "packs.yaml" }, hint }] });
  let text: string;
  let staleNote: string | undefined;
  if (/^https?:\/\//.test(where)) {
    const cacheFile = resolve(ctx.cacheDir, "registry", `${sha256Hex(where).slice(0, 32)}.json`);
    const cached = await readCached(cacheFile);
    const fresh = cached && ctx.now - cached.fetched_at <= ctx.registryTtlMs;
    if (fresh) text = cached.body;
    else {
      const got = ctx.offline ? undefined : await reported(ctx, `registry index ${where}`, () => httpGet(where, { maxBytes: MAX_INDEX_BYTES, headers: { accept: "application/json" } }), (r) => r.ok);
      if (got?.ok) {
        text = new TextDecoder().decode(got.bytes);
        const checked = parseIndex(name, where, text);
        if (!checked.index) return checked; // a broken answer never replaces a good cached copy
        await writeCacheFile(cacheFile, new TextEncoder().encode(JSON.stringify({ fetched_at: ctx.now, url: where, body: text })));
        return checked;
      } else if (cached) {
        text = cached.body;
        staleNote = `registry "${name}": ${got ? `could not fetch ${where} (${got.reason}); ` : ""}using the cached index from ${age(ctx.now - cached.fetched_at)} ago`;
      } else {
        return ctx.offline
          ? err("not in the cache, and --offline forbids fetching it", "Run once without --offline to fill the cache.")
          : err(`could not fetch it: ${got!.reason}`, "Check the URL under registries: in packs.yaml, or your network.");
      }
    }
  } else {
    const path = where.startsWith("file://") ? new URL(where).pathname : resolve(ctx.fs.root, where);
    const read = await readWholeFile(path, MAX_INDEX_BYTES);
    if (!read.ok) return err(read.missing ? "no such file" : read.reason, "Fix the path under registries: in packs.yaml (relative to the project root).");
    text = new TextDecoder().decode(read.bytes);
  }
  const parsed = parseIndex(name, where, text);
  return parsed.index && staleNote ? { ...parsed, index: { ...parsed.index, staleNote } } : parsed;
}

function parseIndex(name: string, where: string, text: string): { index?: RegistryIndex; diagnostics: Diagnostic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { diagnostics: [{ code: "registry/invalid", severity: "error", summary: `registry "${name}" (${where}) is not valid JSON: ${(e as Error).message}`, location: { file: "packs.yaml" }, hint: "Ask the registry's maintainers to fix it, or point registries: at another index." }] };
  }
  const parsed = indexSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { diagnostics: [{ code: "registry/invalid", severity: "error", summary: `registry "${name}" (${where}): ${i.path.join(".") || "the top"} ${i.message}`, location: { file: "packs.yaml" }, hint: 'A registry is {"packs": [...]} (or the older {"kits": [...]}) with entries {name, version, repo, path} or {name, version, source, path}.' }] };
  }
  const entries = [...(parsed.data.packs ?? []), ...(parsed.data.kits ?? [])];
  return { index: { name, url: where, entries }, diagnostics: [] };
}

async function readCached(file: string): Promise<{ fetched_at: number; body: string } | undefined> {
  const bytes = await readCacheFile(file);
  if (!bytes) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(bytes)) as { fetched_at?: unknown; body?: unknown };
    return typeof v.fetched_at === "number" && typeof v.body === "string" ? { fetched_at: v.fetched_at, body: v.body } : undefined;
  } catch {
    return undefined; // a damaged cache entry is a miss
  }
}
