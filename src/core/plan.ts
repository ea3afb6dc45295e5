/**
 * plan(): desired × recorded × live → what to do, item by item and file by file. Pure: every
 * input is data, the hash function is passed in, and the same inputs give the same plan.
 */
import { diffLines } from "diff";
import { contextBudget } from "./context-budget.js";
import type { AgentId } from "./agent-id.js";
import type { Resolution } from "./decide.js";
import { isChange } from "./decide.js";
import { groupDesired } from "./desired.js";
import type { Diagnostic } from "./diagnostics.js";
import type { FileContent } from "./file-content.js";
import type { DesiredItem } from "./item.js";
import { notApplicable, type IgnoreRules } from "./ignore.js";
import type { JsonObject } from "./json.js";
import { LiveView, type Hasher, type LiveSnapshot } from "./live.js";
import { formatOf } from "./item.js";
import type { FileBuildResult } from "./plan-file-result.js";
import { groupBy } from "./group-by.js";
import { buildJsonFile } from "./plan-json-file.js";
import { buildMarkdownFile } from "./plan-markdown-file.js";
import { buildTomlFile } from "./plan-toml-file.js";
import { planDirs } from "./plan-dirs.js";
import { decideItems, toPlanItem, type ItemDecision } from "./plan-items.js";
import type { FileChange, PlanFiles, PlanItem, PlanSummary } from "./plan-model.js";
import { buildSidecars } from "./plan-sidecars.js";
import { createdContainers, mergeRecorded, type Sidecar } from "./sidecar.js";

export interface CorePlanInput {
  desired: readonly DesiredItem[];
  /** The template of each shared config file packs may create (e.g. `{ "$schema": … }`). */
  templates: Readonly<Record<string, JsonObject>>;
  /** Pack keys in packs.yaml: they get a sidecar; any other sidecar is a removed pack. */
  activePacks: readonly string[];
  sidecars: readonly Sidecar[];
  /** Sidecars an interrupted apply meant to write (from its journal). */
  pending: readonly Sidecar[];
  live: LiveSnapshot;
  resolution: Resolution;
  hash: Hasher;
  /**
   * Limit the plan to some items (`packs plan --agent`): an item is in scope when this returns
   * true for the agents it serves. Items out of scope are held: not written, not listed, and
   * their records carried over unchanged.
   */
  scope?: (serves: readonly AgentId[]) => boolean;
  /** packs.yaml's `ignore:`: keys agents rewrite inside the entries packs owns (core/ignore.ts). */
  ignore?: IgnoreRules;
}

export interface CorePlan {
  items: PlanItem[];
  /** The always-on context budget change per agent (see context-budget.ts). */
  context: ReturnType<typeof contextBudget>;
  files: PlanFiles;
  sidecars: Map<string, Sidecar>;
  diagnostics: Diagnostic[];
  summary: PlanSummary;
  /** True when an item changes a file or the recorded state. */
  changes: boolean;
}

export function plan(input: CorePlanInput): CorePlan {
  const live = new LiveView(input.live, input.hash, input.ignore);
  const { groups, diagnostics } = groupDesired(input.desired, input.hash);
  const recorded = mergeRecorded(input.sidecars, input.pending, (a, value) => live.hashAt(a, value));
  const all = decideItems(groups, recorded, live, input.resolution);
  diagnostics.push(...notApplicable(live.ignore, all.map((x) => (x.desired ?? x.recorded)!.address)));
  const inScope = (x: ItemDecision) => !input.scope || input.scope(x.desired ? x.desired.serves : [x.recorded!.agent as AgentId]);
  const decisions = all.filter(inScope);
  const held = all.filter((x) => !inScope(x));
  const active = new Set(input.activePacks);
  const items = new Map(decisions.map((x) => [x.id, toPlanItem(x, active, input.resolution, live)]));
  const created = createdContainers(input.sidecars, input.pending);

  const writes: FileChange[] = [];
  const createdNow: string[] = [];
  const removed = new Set<string>();
  const byPath = groupByPath(decisions.filter((x) => x.decision.write !== "nothing"));

  for (const [path, xs] of byPath) {
    const file = live.file(path);
    if (xs[0]!.desired?.address.kind === "file" || xs[0]!.recorded?.address.kind === "file") {
      const x = xs[0]!;
      const after: FileContent | null = x.decision.write === "delete" ? null : (x.desired!.value as { content: FileContent }).content;
      const exec = x.decision.write === "desired" && x.desired!.value.type === "file" && x.desired!.value.executable;
      writes.push({ path, before: file.exists ? file.raw! : null, after, ...(exec && { executable: true as const }) });
      items.get(x.id)!.lines = countLines(file.exists ? file.text : undefined, after);
      if (after === null) removed.add(path);
      continue;
    }
    const text = file.exists ? file.text : undefined;
    const r = buildSharedFile(path, text, xs, created, live, input.templates[path] ?? {});
    if (!r) continue; // a file that does not parse: reported by the live view
    diagnostics.push(...r.diagnostics);
    createdNow.push(...r.createdNow);
    r.removed.forEach((c) => removed.add(c));
    for (const [id, patch] of r.patches) items.get(id)!.patch = patch;
    if (r.after !== undefined) writes.push({ path, before: file.exists ? file.raw! : null, after: r.after === null ? null : { encoding: "utf8", text: r.after } });
  }
  diagnostics.push(...live.diagnostics);

  const written = writes.filter((w) => w.after !== null).map((w) => w.path);
  const deleted = writes.filter((w) => w.after === null).map((w) => w.path);
  const allCreated = new Set([...created, ...createdNow]);
  const dirs = planDirs(written, deleted, input.live.dirs, allCreated);
  for (const d of dirs.createdNow) allCreated.add(d);
  for (const d of dirs.rmdir) removed.add(`${d}/`);
  for (const r of removed) allCreated.delete(r);

  const sidecars = buildSidecars(input.activePacks, decisions, held, allCreated, live);
  const planItems = [...items.values()];
  return {
    items: planItems,
    context: contextBudget(decisions, live),
    files: { mkdir: dirs.mkdir, writes: writes.sort((a, b) => a.path.localeCompare(b.path)), rmdir: dirs.rmdir },
    sidecars,
    diagnostics,
    summary: summarize(planItems),
    changes: decisions.some((x) => isChange(x.decision, x.recorded && { written: x.recorded.written, base: x.recorded.base })) || writes.length > 0,
  };
}

/** Dispatch a shared file to the builder for its kind of items and format. */
function buildSharedFile(path: string, text: string | undefined, xs: readonly ItemDecision[], created: ReadonlySet<string>, live: LiveView, template: JsonObject): FileBuildResult | undefined {
  const kind = (xs[0]!.desired ?? xs[0]!.recorded)!.address.kind;
  if (kind === "section") {
    if (text !== undefined && live.sections(path) === undefined) return undefined;
    return buildMarkdownFile(path, text, xs, created);
  }
  if (text !== undefined && live.config(path) === undefined) return undefined;
  const ignore = live.ignore[path];
  return formatOf(path) === "toml" ? buildTomlFile(path, text, xs, created, ignore) : buildJsonFile(path, text, template, xs, created, ignore);
}

function groupByPath(xs: readonly ItemDecision[]): Map<string, ItemDecision[]> {
  return groupBy(xs, (x) => (x.desired ?? x.recorded)!.address.path);
}

function countLines(before: string | undefined, after: FileContent | null): { added: number; removed: number } {
  const text = (c: FileContent | null) => (c?.encoding === "utf8" ? c.text : "");
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before ?? "", text(after))) {
    if (part.added) added += part.count ?? 0;
    if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

export function summarize(items: readonly PlanItem[]): PlanSummary {
  const s: PlanSummary = { add: 0, change: 0, remove: 0, blocked: 0, ownership: 0, unchanged: 0 };
  for (const i of items) {
    if (i.blocked) { s.blocked++; continue; }
    switch (i.action) {
      case "create":
      case "recreate":
        s.add++;
        break;
      case "update":
        s.change++;
        break;
      case "conflict":
      case "drift":
        if (i.resolved_by === "force") s.change++;
        else s.ownership++;
        break;
      case "delete":
        s.remove++;
        break;
      case "adopt":
      case "release":
      case "forget":
        s.ownership++;
        break;
      case "noop":
        s.unchanged++;
        break;
    }
  }
  return s;
}
