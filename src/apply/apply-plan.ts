/**
 * Execute a plan exactly: take the project lock, refuse a stale plan before the first write,
 * sweep the temp files an earlier killed write left, journal the records it will write, write
 * the agent files, remove the folders packs emptied, then write packs' own files, then drop the
 * journal. A kill at any point leaves files that parse, and the next run converges (the planner
 * reads the journal; see core/sidecar mergeRecorded). Folders go before the sidecars that record
 * them as created: the other way round, a kill in between would leave an empty folder no record
 * names any more.
 */
import { posix } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import type { FileChange, Plan } from "../core/plan-model.js";
import type { ProjectFs } from "../io/project-fs.js";
import { acquireLock, type LockHolder } from "../io/project-lock.js";
import { JOURNAL_PATH } from "../observe/read-state.js";

export const LOCK_FILE = ".packs/tmp/lock";

/** Progress events, so a view can show each finished step. */
export type ApplyEvent = { type: "write" | "delete" | "mkdir" | "rmdir"; path: string };

/** What apply needs of the project's files; a test wraps it to stop apply at any step. */
export type ApplyFs = Pick<ProjectFs, "abs" | "rawHash" | "write" | "remove" | "mkdir" | "rmdirIfEmpty" | "sweepTemps">;

/** `recovered`: the holder of a lock a dead process left, which this apply took over. */
export type ApplyOutcome = { ok: true; written: number; deleted: number; recovered?: LockHolder } | { ok: false; diagnostics: Diagnostic[] };

export async function applyPlan(plan: Plan, fs: ApplyFs, onEvent: (e: ApplyEvent) => void = () => {}): Promise<ApplyOutcome> {
  if (plan.blocked) throw new Error("bug: a blocked plan reached apply");
  const lock = await acquireLock(fs.abs(LOCK_FILE));
  if (!lock.ok) {
    return { ok: false, diagnostics: [{
      code: "apply/locked",
      severity: "error",
      summary: `another packs apply is running in this project (pid ${lock.holder.pid} on ${lock.holder.host})`,
      location: { file: LOCK_FILE },
      hint: `Wait for it to finish. If no packs process is running, delete ${LOCK_FILE}.`,
    }] };
  }
  try {
    const stale = await staleFiles(fs, [...plan.files.writes, ...plan.state]);
    if (stale.length > 0) {
      return { ok: false, diagnostics: stale.map((path) => ({
        code: "apply/stale-plan",
        severity: "error" as const,
        summary: `${path} changed after the plan was made`,
        location: { file: path },
        hint: "Nothing was written. Run `packs plan` again and review the new plan.",
      })) };
    }
    const touched = [...plan.files.writes, ...plan.state, { path: JOURNAL_PATH }].map((c) => posix.dirname(c.path));
    for (const dir of new Set([...touched, ...plan.files.rmdir])) await fs.sweepTemps(dir);
    await fs.write(JOURNAL_PATH, { encoding: "utf8", text: journalText(plan) });
    let written = 0;
    let deleted = 0;
    const execute = async (change: FileChange) => {
      if (change.after === null) {
        await fs.remove(change.path);
        deleted++;
        onEvent({ type: "delete", path: change.path });
      } else {
        await fs.write(change.path, change.after, change.executable === true);
        written++;
        onEvent({ type: "write", path: change.path });
      }
    };
    for (const dir of plan.files.mkdir) {
      await fs.mkdir(dir);
      onEvent({ type: "mkdir", path: dir });
    }
    for (const change of plan.files.writes) await execute(change);
    for (const dir of plan.files.rmdir) if (await fs.rmdirIfEmpty(dir)) onEvent({ type: "rmdir", path: dir });
    for (const change of plan.state) await execute(change);
    await fs.remove(JOURNAL_PATH);
    return { ok: true, written, deleted, ...(lock.recovered && { recovered: lock.recovered }) };
  } finally {
    await lock.release();
  }
}

async function staleFiles(fs: ApplyFs, changes: readonly FileChange[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of changes) if ((await fs.rawHash(c.path)) !== c.before) out.push(c.path);
  return out;
}

/** The journal holds the sidecars the plan will write, for recovery after a kill. */
function journalText(plan: Plan): string {
  const sidecars = plan.state
    .filter((c) => c.path.startsWith(".packs/state/") && c.after?.encoding === "utf8")
    .map((c) => JSON.parse((c.after as { text: string }).text) as unknown);
  return JSON.stringify({ format_version: "1", sidecars }) + "\n";
}
