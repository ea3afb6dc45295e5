/**
 * `packs check`, the CI gate: is the project exactly what packs.yaml and the lock say? Never
 * writes. The fast path answers without resolving any source: packs.yaml must still be what the
 * last full apply applied (the lock's `inputs` hash), every local pack must still hash to its
 * lock entry, and every deployed item must still have the hash packs recorded. When that cannot
 * be shown (packs.yaml changed, a pack takes skills from another repository, an interrupted
 * apply), check falls back to a full plan (read-only) and names what it would change.
 */
import { resolve } from "node:path";
import { loadProjectConfig } from "../config/load-project-config.js";
import type { ProjectConfig } from "../config/project-config.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { addressId } from "../core/item.js";
import { LiveView } from "../core/live.js";
import type { Plan } from "../core/plan-model.js";
import type { Sidecar } from "../core/sidecar.js";
import { fileHashes } from "../io/hash.js";
import { readTree } from "../io/read-tree.js";
import { inputsHash, inventory, treeIntegrity, type Lock } from "../lockfile/lock-model.js";
import { parseLock } from "../lockfile/parse-lock.js";
import { LOCK_PATH } from "../lockfile/render-lock.js";
import { readRecordedState } from "../observe/read-state.js";
import { chooseAgents, CONFIG_PATH } from "./desired-state.js";
import { configInputs, hashText, makePlan, type EngineContext } from "./make-plan.js";
import { mapLimit } from "../core/map-limit.js";
import { observeLive } from "./observe-live.js";

import { satisfies } from "./resolve-packs.js";

/** Pack folders read at once by the fast path (reads are synchronous, a batch per turn: io/sync-reads.ts). */
const PACK_CONCURRENCY = 8;

export interface CheckFinding {
  /** drift: a deployed item changed; pending: packs.yaml, a pack or the lock moved on without an apply. */
  kind: "drift" | "pending";
  /** The item's address, when the finding is about one item. */
  address?: string;
  summary: string;
}

export type CheckOutcome =
  | { ok: false; diagnostics: Diagnostic[] }
  | { ok: true; clean: boolean; via: "fast" | "plan"; findings: CheckFinding[]; diagnostics: Diagnostic[]; plan?: Plan };

export async function check(ctx: EngineContext): Promise<CheckOutcome> {
  const { fs } = ctx;
  const text = await fs.readText(CONFIG_PATH);
  if (text === undefined) return { ok: false, diagnostics: [{ code: "packs-yaml/missing", severity: "error", summary: `no ${CONFIG_PATH} in ${fs.root}`, location: { file: CONFIG_PATH }, hint: "packs check needs a packs.yaml; create one, or pass --cwd." }] };
  const loaded = loadProjectConfig(CONFIG_PATH, text);
  if (!loaded.config) return { ok: false, diagnostics: loaded.diagnostics };
  const lockText = await fs.readText(LOCK_PATH);
  const parsed = lockText === undefined ? undefined : parseLock(LOCK_PATH, lockText);
  if (parsed && !parsed.lock) return { ok: false, diagnostics: parsed.diagnostics };
  const recorded = await readRecordedState(fs);
  if (hasErrors(recorded.diagnostics)) return { ok: false, diagnostics: recorded.diagnostics };

  const fast = await fastCheck(ctx, loaded.config, parsed?.lock, recorded.sidecars, recorded.pending.length > 0);
  if (fast.findings.length > 0) return { ok: true, clean: false, via: "fast", findings: fast.findings, diagnostics: loaded.diagnostics };
  if (fast.proven) return { ok: true, clean: true, via: "fast", findings: [], diagnostics: loaded.diagnostics };

  // The plan reads, never writes; it is not --frozen, so that it can say which items would change.
  const planned = await makePlan({ resolution: "none" }, ctx);
  if (!planned.ok) return { ok: false, diagnostics: planned.diagnostics };
  const plan = planned.plan;
  const findings: CheckFinding[] = plan.items.filter((i) => i.action !== "noop").map((i) => ({
    kind: i.action === "drift" || i.action === "recreate" || i.action === "release" || i.action === "forget" ? "drift" : "pending",
    address: i.address,
    summary: `${i.action}: ${i.reason}`,
  }));
  for (const d of plan.diagnostics.filter((x) => x.code === "source/tag-moved")) findings.push({ kind: "pending", summary: d.summary });
  // The lock's `inputs` line is bookkeeping for the fast path (it moves with the packs version):
  // a lock that would change only there does not make the project unclean.
  const withoutInputs = (t: string | undefined) => t?.replace(/^inputs: .*\n/m, "");
  const ownFiles = plan.state
    .filter((c) => !(c.path === LOCK_PATH && c.after?.encoding === "utf8" && withoutInputs(c.after.text) === withoutInputs(lockText)))
    .map((c) => c.path);
  if (findings.length === 0 && ownFiles.length > 0) findings.push({ kind: "pending", summary: `packs' own files would change (${ownFiles.join(", ")}): run packs apply` });
  return { ok: true, clean: findings.length === 0, via: "plan", findings, diagnostics: plan.diagnostics.filter((x) => x.code !== "source/tag-moved"), plan };
}

/** What can be shown from the lock, the sidecars and the files on disk alone. */
async function fastCheck(ctx: EngineContext, config: ProjectConfig, lock: Lock | undefined, sidecars: readonly Sidecar[], interrupted: boolean): Promise<{ findings: CheckFinding[]; proven: boolean }> {
  const { fs } = ctx;
  const findings: CheckFinding[] = [];
  if (!lock) {
    if (config.packs.length > 0) findings.push({ kind: "pending", summary: `there is no ${LOCK_PATH}: run packs apply (or packs lock) and commit it` });
    return { findings, proven: config.packs.length === 0 && sidecars.length === 0 };
  }
  for (const entry of config.packs) {
    const locked = lock.packs[entry.key];
    if (!locked) findings.push({ kind: "pending", summary: `pack "${entry.key}" is in packs.yaml but not in the lock: run packs apply` });
    else if (!satisfies(locked, entry)) findings.push({ kind: "pending", summary: `pack "${entry.key}": packs.yaml asks for another source, ref or path than the lock pins: run packs apply` });
  }
  const wanted = new Set(config.packs.map((p) => p.key));
  for (const key of Object.keys(lock.packs)) if (!wanted.has(key)) findings.push({ kind: "pending", summary: `pack "${key}" is in the lock but no longer in packs.yaml: run packs apply` });

  let provable = !interrupted;
  // Local pack folders are read and hashed a few at a time (each tree is dropped once hashed, so
  // memory stays bounded however many packs there are), alongside the deployed files below;
  // findings keep packs.yaml's order.
  const packFindings = mapLimit(config.packs, PACK_CONCURRENCY, async (entry): Promise<CheckFinding | undefined> => {
    const locked = lock.packs[entry.key];
    if (!locked || entry.source.kind !== "local") return undefined;
    if (locked.skill_sources) {
      provable = false; // its integrity covers another repository's files
      return undefined;
    }
    const tree = await readTree(resolve(fs.root, entry.source.path)).catch(() => undefined);
    const files = tree?.files.map((f) => ({ path: f.path, hash: fileHashes(f.bytes).hash }));
    if (!files || treeIntegrity(files, hashText) !== locked.integrity) return { kind: "pending", summary: `pack "${entry.key}" (${entry.sourceText}) changed since the lock: run packs apply` };
    return undefined;
  });
  const snapshot = observeLive(fs, [], sidecars, { text: "none", folders: false });
  for (const f of await packFindings) if (f) findings.push(f);

  // Co-owned items are in several sidecars: each address is checked once.
  const live = new LiveView(await snapshot, hashText, config.ignore);
  const items = new Map(sidecars.flatMap((s) => Object.values(s.items)).map((i) => [addressId(i.address), i] as const));
  for (const [address, item] of [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const now = live.hashAt(item.address, item.value);
    if (now !== item.written) findings.push({ kind: "drift", address, summary: now === undefined ? "deleted since the last apply" : "changed since the last apply (a hand edit?)" });
  }
  if (JSON.stringify(inventory(sidecars)) !== JSON.stringify(lock.items)) findings.push({ kind: "pending", summary: `${LOCK_PATH} lists other deployed items than .packs/state records: run packs apply` });

  const agents = (await chooseAgents(config, fs, [])).agents;
  const proven = provable && lock.inputs !== undefined && lock.inputs === inputsHash(ctx.packsVersion, configInputs(config, agents), lock.packs, hashText);
  return { findings, proven };
}
