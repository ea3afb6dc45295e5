/**
 * Git sources (`github:o/r`, `git+<url>`, and the repositories registry entries name): the
 * remote is mirrored into the user cache, the ref resolved to a commit, and the pack read from
 * that commit. With a pin from the lock, the pinned commit is read and the ref is only looked
 * at to say that it moved: a moved source is never followed silently (`packs update` moves it).
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { SourcePin } from "../core/source-pin.js";
import { GitError, hasCommit, mirrorDir, mirrorFetchedAt, readTreeAtCommit, resolveRef, someRefs, syncMirror, type RefKind } from "../io/git.js";
import { age } from "./age.js";
import { reported, type FetchOutcome, type SourceContext } from "./source-context.js";
import { caseCollisionWarnings } from "./case-collision.js";

export interface GitTarget {
  /** The pack's key in packs.yaml, for messages. */
  key: string;
  /** The source as the user knows it (`github:acme/packs`, `registry:dbt@^1`). */
  label: string;
  url: string;
  ref?: string;
  path?: string;
  location: Diagnostic["location"];
  /** The commit the lock pins, when it still satisfies packs.yaml. */
  lockedSha?: string;
}

/** A source moved since the lock: the ref now names another commit. */
export interface Moved {
  from: string;
  to: string;
  kind: RefKind;
}

export async function fetchGit(t: GitTarget, ctx: SourceContext): Promise<FetchOutcome & { moved?: Moved; refKind?: RefKind }> {
  const err = (code: string, summary: string, hint: string): FetchOutcome => ({ diagnostics: [{ code, severity: "error", summary: `pack "${t.key}": ${summary}`, location: t.location, hint }] });
  const dir = mirrorDir(ctx.cacheDir, t.url);
  const notes: string[] = [];
  const warnings: Diagnostic[] = [];
  const synced = await sync(dir, t.url, ctx);
  if (synced.error) {
    const fetchedAt = await mirrorFetchedAt(dir);
    if (fetchedAt === undefined) {
      return ctx.offline
        ? err("source/offline-missing", `${t.label} is not in the cache and --offline forbids fetching it`, "Run once without --offline (packs lock) to fill the cache.")
        : err("source/fetch-failed", `could not fetch ${t.url}: ${synced.error}`, "Check the URL and your access to it (git ls-remote <url> should work), or use --offline with a filled cache.");
    }
    if (!ctx.offline) notes.push(`could not reach ${t.url} (${synced.error}); using the cached mirror fetched ${age(ctx.now - fetchedAt)} ago`);
  }

  const current = await resolveRef(dir, t.ref);
  let sha: string;
  let moved: Moved | undefined;
  if (t.lockedSha) {
    if (!(await hasCommit(dir, t.lockedSha))) {
      return err("source/pin-missing", `the locked commit ${t.lockedSha.slice(0, 12)} is not in ${t.url}${ctx.offline ? " (cache, --offline)" : ""}`,
        ctx.offline ? "Run once without --offline to fetch it." : `The commit was removed from the remote (a force-push?). Review, then run \`packs update ${t.key}\` to pin what ${t.ref ?? "the default branch"} names now.`);
    }
    sha = t.lockedSha;
    if (current && current.sha !== sha) {
      moved = { from: sha, to: current.sha, kind: current.kind };
      const what = `${current.kind === "tag" ? "tag " : ""}${t.ref ?? "the default branch"} moved since the lock: ${sha.slice(0, 7)} → ${current.sha.slice(0, 7)}; packs keeps the locked commit (\`packs update ${t.key}\` moves it)`;
      if (current.kind === "tag") warnings.push({ code: "source/tag-moved", severity: "warning", summary: `pack "${t.key}": ${what}`, location: t.location, hint: "A tag should never move: find out who re-tagged it and why before updating." });
      else notes.push(what);
    }
  } else {
    if (!current) {
      const refs = await someRefs(dir);
      return err("source/ref-not-found", `${t.ref === undefined ? "the default branch" : `ref "${t.ref}"`} does not exist in ${t.url}`,
        refs.length > 0 ? `Known tags and branches: ${refs.join(", ")}.` : "The repository has no tags or branches yet.");
    }
    sha = current.sha;
  }

  const tree = await readTreeAtCommit(dir, sha, t.path).catch((e: unknown) => (e instanceof GitError ? e : Promise.reject(e)));
  if (tree instanceof GitError) return err("source/fetch-failed", `could not read ${t.url} at ${sha.slice(0, 12)}: ${tree.message}`, "Delete the cached mirror and run again; if it persists, report it.");
  if (!tree) return err("source/path-not-found", `path "${t.path}" is not a folder in ${t.label} at ${sha.slice(0, 7)}`, "Fix path: in packs.yaml (relative to the repository root).");

  const floating = current && (current.kind === "branch" || current.kind === "default") && !(t.ref && t.ref === sha);
  const pin: SourcePin = {
    kind: "git",
    resolved: sha,
    url: t.url,
    ...(t.ref !== undefined && { ref: t.ref }),
    ...(t.path !== undefined && { path: t.path }),
    ...(floating && { floating: true as const }),
  };
  const displayRoot = `${t.label}@${sha.slice(0, 7)}${t.path ? `:${t.path}` : ""}`;
  return { fetched: { displayRoot, tree, pin, notes }, diagnostics: [...warnings, ...caseCollisionWarnings(tree, t, displayRoot)], ...(moved && { moved }), ...(current && { refKind: current.kind }) };
}

/** Fetch the mirror, once per run and never offline. */
async function sync(dir: string, url: string, ctx: SourceContext): Promise<{ error?: string }> {
  if (ctx.offline) return { error: "offline" };
  const memo = ctx.runCache;
  const key = `git:${dir}`;
  let p = memo?.get(key) as Promise<{ error?: string }> | undefined;
  if (!p) {
    p = reported(ctx, `git fetch ${url}`, () => syncMirror(dir, url, ctx.now).then(
      () => ({}),
      (e: unknown) => {
        if (e instanceof GitError) return { error: e.message.replace(/^git \w+ failed: /, "") };
        throw e;
      },
    ), (r: { error?: string }) => r.error === undefined);
    memo?.set(key, p);
  }
  return p;
}
