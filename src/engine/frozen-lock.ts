/**
 * `--frozen`: the lock on disk must already be what this run would write. Each difference is
 * named, so CI says which pack is unpinned or moved, not just "the lock would change".
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { canonicalJson, type JsonValue } from "../core/json.js";
import type { Lock, LockPack } from "../lockfile/lock-model.js";
import { LOCK_PATH } from "../lockfile/render-lock.js";
import type { ResolvedPack } from "../sources/resolve-source.js";

export function frozenLockDiagnostics(before: Lock | undefined, after: Lock, lockTextChanges: boolean): Diagnostic[] {
  if (!lockTextChanges) return [];
  const problems: string[] = [];
  if (!before) problems.push(`there is no ${LOCK_PATH}`);
  else {
    for (const [key, p] of Object.entries(after.packs)) {
      const old = before.packs[key];
      if (!old) problems.push(`pack "${key}" is not in the lock`);
      else if (old.source !== p.source || old.ref !== p.ref || old.path !== p.path) problems.push(`pack "${key}": packs.yaml asks for ${describe(p)}, the lock pins ${describe(old)}`);
      else if (old.resolved !== p.resolved) problems.push(`pack "${key}" would move from ${old.resolved} to ${p.resolved}`);
      else if (old.integrity !== p.integrity) problems.push(`pack "${key}" no longer matches its recorded hash (lock ${old.integrity}, now ${p.integrity})`);
      else if (canonicalJson(old as unknown as JsonValue) !== canonicalJson(p as unknown as JsonValue)) problems.push(`pack "${key}": its lock entry would change`);
    }
    for (const key of Object.keys(before.packs)) if (!after.packs[key]) problems.push(`pack "${key}" is in the lock but not in packs.yaml`);
    if (problems.length === 0) problems.push("the inventory of deployed items would change");
  }
  return problems.map((p) => ({
    code: "lock/frozen",
    severity: "error" as const,
    summary: `--frozen: ${p}`,
    location: { file: LOCK_PATH },
    hint: "Run `packs lock` (or `packs update NAME` to move a pin, `packs apply` for the inventory) without --frozen, review the change and commit packs.lock.yaml.",
  }));
}

function describe(p: LockPack): string {
  return [p.source, p.ref && `ref ${p.ref}`, p.path && `path ${p.path}`].filter(Boolean).join(", ");
}

/** The plan's note on a pack's pin: new, moved, or nothing when it stays. */
export function pinChange(locked: LockPack | undefined, to: string): { pin?: { from?: string; to: string } } {
  if (!locked) return { pin: { to } };
  return locked.resolved === to ? {} : { pin: { from: locked.resolved, to } };
}

/**
 * A tag is meant never to move; one that names another commit than the lock's is a supply-chain
 * warning sign (a re-tagged release), so `--frozen` refuses it. Branches move by design.
 */
export function movedTagDiagnostics(packs: readonly ResolvedPack[]): Diagnostic[] {
  return packs.filter((p) => p.moved?.kind === "tag").map((p) => ({
    code: "source/tag-moved",
    severity: "error" as const,
    summary: `--frozen: pack "${p.entry.key}": tag ${p.pin.ref ?? p.entry.ref} now names ${p.moved!.to.slice(0, 12)}, but the lock pins ${p.moved!.from.slice(0, 12)}`,
    location: p.entry.location,
    hint: `Someone moved the tag. Find out why before trusting it; \`packs update ${p.entry.key}\` pins the new commit once you have.`,
  }));
}
