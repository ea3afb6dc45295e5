/**
 * What every source resolver is given, and what it gives back. The CLI builds the context (it
 * alone reads the environment and the clock); resolvers never read either.
 */
import type { PackEntry } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourcePin } from "../core/source-pin.js";
import type { ProjectFs } from "../io/project-fs.js";
import type { ReadTreeResult } from "../io/read-tree.js";

export interface SourceContext {
  fs: ProjectFs;
  /** Absolute: the user cache (git mirrors, tarballs, registry indexes). Shared by projects. */
  cacheDir: string;
  /** No network at all: caches and local sources only. */
  offline: boolean;
  /** Base URL of the npm registry (no trailing slash), e.g. https://registry.npmjs.org. */
  npmRegistry: string;
  /** How long a cached registry index is used before it is fetched again. */
  registryTtlMs: number;
  /** Milliseconds since the epoch, for cache ages. */
  now: number;
  /** Registry name → index URL or path, from packs.yaml. */
  registries: Readonly<Record<string, string>>;
  /** Work done once per run and shared by every pack (a mirror fetched, an index read). */
  runCache?: Map<string, Promise<unknown>>;
  /**
   * The project's policy.allow_sources, for sources a pack names itself (the repositories its
   * manifest takes skills from): called with the source as packs.yaml would write it.
   */
  allowSource?: (source: string) => boolean;
  /** Told when a network operation starts and ends, so a view can show progress. */
  onEvent?: (e: SourceEvent) => void;
}

/** One network operation: `what` says it in a few words ("git fetch https://…"). */
export type SourceEvent = { type: "start"; id: number; what: string } | { type: "end"; id: number; what: string; ok: boolean };

let nextEventId = 1;

/** Run a network operation between a start and an end event; `ok` says whether it succeeded. */
export async function reported<T>(ctx: Pick<SourceContext, "onEvent">, what: string, run: () => Promise<T>, ok: (t: T) => boolean): Promise<T> {
  if (!ctx.onEvent) return run();
  const id = nextEventId++;
  ctx.onEvent({ type: "start", id, what });
  try {
    const out = await run();
    ctx.onEvent({ type: "end", id, what, ok: ok(out) });
    return out;
  } catch (e) {
    ctx.onEvent({ type: "end", id, what, ok: false });
    throw e;
  }
}

/** How a resolver is asked: the pin from the lock to fetch again, or none to resolve afresh. */
export interface ResolveRequest {
  entry: PackEntry;
  /** The lock's pin for this entry when it still satisfies it; undefined to resolve anew. */
  locked?: SourcePin;
}

/** A fetched source: the pack's files, ready for loadPack, and what to pin. */
export interface FetchedSource {
  /** How the pack's root is shown in diagnostics, e.g. `github:acme/packs@3f2e9c1:packs/x`. */
  displayRoot: string;
  tree: ReadTreeResult;
  pin: SourcePin;
  /** Things worth saying in the plan (a stale cache's age, a ref that moved since the lock). */
  notes: string[];
}

export type FetchOutcome = { fetched: FetchedSource; diagnostics: Diagnostic[] } | { fetched?: undefined; diagnostics: Diagnostic[] };
