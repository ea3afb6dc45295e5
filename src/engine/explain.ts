/**
 * `packs explain ITEM`: who owns a file, a folder or one entry, for which agents, from which
 * pinned source, and whether it is still what packs wrote. Read-only, and it never resolves a
 * source: everything comes from the sidecars (what packs owns), packs.lock.yaml (the pins),
 * packs.yaml (which packs are still wanted, which agents are in use) and the files on disk,
 * compared through the same LiveView `packs check` uses (so `ignore:` means the same).
 *
 * The matching of ITEM against the recorded items and the composition of the answer are pure
 * (`parseItemQuery`, `matchRecorded`, `composeExplanation`); `explain` reads and calls them.
 */
import { posix } from "node:path";
import { adapterFor, supportedAgents } from "../agents/registry.js";
import { loadProjectConfig } from "../config/load-project-config.js";
import type { ProjectConfig } from "../config/project-config.js";
import type { AgentId } from "../core/agent-id.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { addressId, type ItemAddress } from "../core/item.js";
import { LiveView } from "../core/live.js";
import { createdContainers, mergeRecorded, type RecordedItem } from "../core/sidecar.js";
import type { Lock, LockPack } from "../lockfile/lock-model.js";
import { parseLock } from "../lockfile/parse-lock.js";
import { LOCK_PATH } from "../lockfile/render-lock.js";
import { readRecordedState, STATE_DIR } from "../observe/read-state.js";
import { chooseAgents, CONFIG_PATH } from "./desired-state.js";
import { hashText, type EngineContext } from "./make-plan.js";
import { observeLive } from "./observe-live.js";

/** ITEM as understood: a project-relative path, and the part after `#` when there is one. */
export type ItemQuery =
  | { kind: "path"; path: string; dir: boolean }
  | { kind: "pointer"; path: string; pointer: string }
  | { kind: "section"; path: string; id: string };

export type ExplainedState = "in-sync" | "changed" | "deleted" | "unreadable";

export interface ExplainedItem {
  address: string;
  kind: ItemAddress["kind"];
  description?: string;
  /** A skill file's folder. */
  group?: string;
  /** The packs (keys in packs.yaml) that own it; several when they co-own it. */
  owners: string[];
  /** The agent whose file this is. */
  agent: AgentId;
  /** The agents in use that read it (a shared skill folder, an AGENTS.md several agents load). */
  serves: AgentId[];
  /** in-sync: as packs wrote it; changed: edited since (by hand?); deleted: gone; unreadable: its file does not parse. */
  state: ExplainedState;
  /** An adopted item: the user's value, kept until the pack changes its own. */
  adopted: boolean;
  /** The hash packs recorded (`written` in the sidecar). */
  recorded: string;
  /** The hash of the pack's value it came from (`base`). */
  base: string;
  /** The hash of what is there now, compared as the check compares it; null when nothing is. */
  on_disk: string | null;
}

export interface ExplainedPack {
  /** The pack's key in packs.yaml (the sidecar's name). */
  key: string;
  /** Whether packs.yaml still lists it; null when there is no readable packs.yaml. */
  in_packs_yaml: boolean | null;
  /** `source:` as packs.yaml writes it now, when it lists the pack. */
  source_now?: string;
  /** The lock's entry (pin, version, tier); absent when the lock has none. */
  lock?: LockPack;
}

export type ExplainKind =
  /** One item (a file, an entry, a section). */
  | "item"
  /** A config or Markdown file in which packs owns entries or sections; the rest is the user's. */
  | "file"
  /** A folder holding files packs owns (a skill folder). */
  | "folder"
  /** A JSON pointer above items packs owns (`opencode.jsonc#/mcp`). */
  | "container"
  /** packs.yaml, packs.lock.yaml or .packs/: packs' own inputs and records. */
  | "packs-file"
  | "unmanaged";

export interface Explanation {
  /** ITEM as given. */
  query: string;
  /** ITEM as matched: a project-relative path or an address. */
  target: string;
  kind: ExplainKind;
  items: ExplainedItem[];
  packs: ExplainedPack[];
  /** For a file or folder: packs created it, and removes it once nothing of packs' (or yours) is left in it. */
  created?: boolean;
  /** For an unmanaged path: whether it exists. */
  exists?: boolean;
  notes: string[];
}

export type ExplainOutcome = { ok: true; explanation: Explanation; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

const FORMS = "a project-relative path (.mcp.json, .claude/skills/x/SKILL.md, a folder) or an item address: <file>#/<json pointer> (opencode.jsonc#/mcp/dbt) or <file>#packs:<id> (AGENTS.md#packs:team)";

function badAddress(query: string, why: string): Diagnostic {
  return { code: "explain/bad-address", severity: "error", summary: `"${query}" ${why}`, hint: `Give ${FORMS}.` };
}

/**
 * ITEM → a query. `rel` turns an absolute path into a project-relative one (undefined when it is
 * outside the project). Pure apart from that.
 */
export function parseItemQuery(query: string, rel: (abs: string) => string | undefined): ItemQuery | Diagnostic {
  const hash = query.indexOf("#");
  const rawPath = hash === -1 ? query : query.slice(0, hash);
  const fragment = hash === -1 ? undefined : query.slice(hash + 1);
  let p = rawPath.replace(/\\/g, "/");
  if (p.trim() === "") return badAddress(query, fragment === undefined ? "is empty" : "names no file before the #");
  if (posix.isAbsolute(p) || /^[A-Za-z]:\//.test(p)) {
    const r = rel(rawPath);
    if (r === undefined) return badAddress(query, "is outside the project");
    p = r;
  }
  const dir = p.endsWith("/");
  const norm = posix.normalize(p).replace(/\/+$/, "");
  if (norm === ".." || norm.startsWith("../")) return badAddress(query, "is outside the project");
  const path = norm === "." ? "" : norm;
  if (fragment === undefined) return { kind: "path", path, dir: dir || path === "" };
  if (path === "" || dir) return badAddress(query, "names a folder before the #; an address names a file");
  if (fragment.startsWith("packs:")) {
    const id = fragment.slice("packs:".length);
    return id === "" ? badAddress(query, "has an empty section id after #packs:") : { kind: "section", path, id };
  }
  if (fragment.startsWith("/")) {
    if (/~(?![01])/.test(fragment)) return badAddress(query, `has a "~" that is not ~0 or ~1 in its JSON pointer`);
    return { kind: "pointer", path, pointer: fragment };
  }
  return badAddress(query, fragment === "" ? "has nothing after the #" : `has "#${fragment}", which is neither a JSON pointer (#/…) nor a section (#packs:<id>)`);
}

/** The id ITEM is matched as: the path, or the address as `addressId` writes it. */
export function queryTarget(q: ItemQuery): string {
  switch (q.kind) {
    case "path":
      return q.path === "" ? "." : q.dir ? `${q.path}/` : q.path;
    case "pointer":
      return `${q.path}#${q.pointer}`;
    case "section":
      return `${q.path}#packs:${q.id}`;
  }
}

const PACKS_OWN: readonly { match: (p: string) => boolean; note: string }[] = [
  { match: (p) => p === CONFIG_PATH, note: `${CONFIG_PATH} is yours: packs reads it and never writes it.` },
  { match: (p) => p === LOCK_PATH, note: `${LOCK_PATH} is packs' own file: \`packs apply\`, \`packs lock\` and \`packs update\` write it; commit it (docs/lockfile.md).` },
  { match: (p) => p === ".packs" || p.startsWith(".packs/"), note: `.packs/ is packs' own folder: ${STATE_DIR}/<pack>.json records what each pack owns (commit it); .packs/tmp/ is scratch space git ignores.` },
];

/** Which recorded items ITEM names, and as what. Pure. */
export function matchRecorded(q: ItemQuery, recorded: readonly RecordedItem[]): { kind: ExplainKind; items: RecordedItem[]; note?: string } {
  const byId = (id: string) => recorded.filter((r) => addressId(r.address) === id);
  if (q.kind !== "path") {
    const id = queryTarget(q);
    const exact = byId(id);
    if (exact.length > 0) return { kind: "item", items: exact };
    const under = q.kind === "pointer" ? recorded.filter((r) => r.address.path === q.path && addressId(r.address).startsWith(`${id}/`)) : [];
    return under.length > 0 ? { kind: "container", items: under } : { kind: "unmanaged", items: [] };
  }
  if (!q.dir) {
    const exact = recorded.filter((r) => r.address.kind === "file" && r.address.path === q.path);
    if (exact.length > 0) return { kind: "item", items: exact };
    const inside = recorded.filter((r) => r.address.kind !== "file" && r.address.path === q.path);
    if (inside.length > 0) return { kind: "file", items: inside };
  }
  const own = PACKS_OWN.find((o) => q.path !== "" && o.match(q.path));
  if (own) return { kind: "packs-file", items: [], note: own.note };
  const prefix = q.path === "" ? "" : `${q.path}/`;
  const under = recorded.filter((r) => r.address.path.startsWith(prefix));
  return under.length > 0 ? { kind: "folder", items: under } : { kind: "unmanaged", items: [] };
}

/** What the explanation is made from, all read beforehand. */
export interface ExplainInputs {
  query: string;
  q: ItemQuery;
  recorded: readonly RecordedItem[];
  /** Container ids packs created (`path`, `dir/`, `path#/pointer`). */
  created: ReadonlySet<string>;
  config?: ProjectConfig;
  /** The agents in use: packs.yaml's, detected, or (without packs.yaml) those of the records. */
  agents: readonly AgentId[];
  lock?: Lock;
  live: LiveView;
  /** Whether the ITEM's path exists (for an unmanaged one). */
  exists: boolean;
  /** An apply was interrupted (its journal is there). */
  interrupted: boolean;
}

/** Compose the answer. Pure. */
export function composeExplanation(inp: ExplainInputs): { explanation: Explanation; diagnostics: Diagnostic[] } {
  const { q, live, config, lock } = inp;
  const matched = matchRecorded(q, inp.recorded);
  const items = [...matched.items]
    .sort((a, b) => compare(addressId(a.address), addressId(b.address)))
    .map((r) => explainItem(r, live, servesOf(r, inp.agents, config)));
  const keys = [...new Set(items.flatMap((i) => i.owners))].sort(compare);
  const packs: ExplainedPack[] = keys.map((key) => {
    const entry = config?.packs.find((p) => p.key === key);
    const locked = lock?.packs[key];
    return { key, in_packs_yaml: config ? entry !== undefined : null, ...(entry && { source_now: entry.sourceText }), ...(locked && { lock: locked }) };
  });
  const target = queryTarget(q);
  const explanation: Explanation = { query: inp.query, target, kind: matched.kind, items, packs, notes: [] };
  const notes = explanation.notes;
  if (matched.note) notes.push(matched.note);

  if (matched.kind === "file" || matched.kind === "folder") {
    explanation.created = inp.created.has(matched.kind === "folder" ? `${q.path}/` : q.path);
  }
  if (matched.kind === "unmanaged") {
    explanation.exists = inp.exists;
    const listed = lock?.items.filter((i) => i.address === target || (q.kind === "path" && (q.path === "" || i.address.startsWith(`${q.path}/`) || i.address.startsWith(`${q.path}#`)))) ?? [];
    if (listed.length > 0) notes.push(`${LOCK_PATH} lists ${listed.length === 1 ? listed[0]!.address : `${listed.length} items here`}, but ${STATE_DIR} records nothing: the lock and the records disagree; run \`packs plan\`.`);
  }
  for (const p of packs) {
    if (p.in_packs_yaml === false) notes.push(`pack "${p.key}" is no longer in ${CONFIG_PATH}: the next \`packs apply\` removes what it owns (a changed item is kept as yours).`);
    if (!p.lock) notes.push(`pack "${p.key}" has no entry in ${LOCK_PATH}${lock ? "" : " (there is no lock)"}: its pin is unknown until \`packs apply\` or \`packs lock\` writes it.`);
    else if (p.source_now !== undefined && p.source_now !== p.lock.source) notes.push(`pack "${p.key}": ${CONFIG_PATH} now asks for ${p.source_now}, the lock pins ${p.lock.source}: the next \`packs apply\` resolves it again.`);
  }
  if (inp.interrupted) notes.push("an apply was interrupted (.packs/tmp/journal.json is there): the next `packs plan` or `packs apply` finishes recording it.");

  const files = new Set(matched.items.map((r) => r.address.path));
  const diagnostics = live.diagnostics
    .filter((d) => d.location && files.has(d.location.file))
    .map((d): Diagnostic => ({ ...d, severity: "warning", hint: "The items in this file cannot be compared until it parses; fix it, then run packs explain again." }));
  return { explanation, diagnostics };
}

function explainItem(r: RecordedItem, live: LiveView, serves: AgentId[]): ExplainedItem {
  const now = live.hashAt(r.address, r.value);
  const unreadable = now === undefined && live.diagnostics.some((d) => d.location?.file === r.address.path);
  const state: ExplainedState = unreadable ? "unreadable" : now === undefined ? "deleted" : now === r.written ? "in-sync" : "changed";
  return {
    address: addressId(r.address),
    kind: r.address.kind,
    ...(r.description !== undefined && { description: r.description }),
    ...(r.group !== undefined && { group: r.group }),
    owners: [...r.owners],
    agent: r.agent,
    serves,
    state,
    adopted: r.written !== r.base,
    recorded: r.written,
    base: r.base,
    on_disk: now ?? null,
  };
}

/**
 * The agents in use that read an item: for a file in a skill folder, every agent (of its packs)
 * that reads skills from that folder; for an instruction file or section, its agent and the
 * agents that also load that file (opencode, Cursor and VS Code read AGENTS.md); else its agent.
 */
export function servesOf(r: RecordedItem, agents: readonly AgentId[], config?: ProjectConfig): AgentId[] {
  const entries = r.owners.map((k) => config?.packs.find((p) => p.key === k));
  const inUse = agents.filter((a) => entries.some((e) => !e?.agents || e.agents.includes(a)));
  const out = new Set<AgentId>([r.agent]);
  const path = r.address.path;
  if (r.address.kind === "file") {
    for (const a of inUse) {
      if (adapterFor(a).skillDirs.some((d) => path.startsWith(`${d}/`) && path.slice(d.length + 1).includes("/"))) out.add(a);
    }
  }
  if (r.address.kind === "file" || r.address.kind === "section") {
    for (const a of inUse) {
      if ((adapterFor(a).alsoReadsInstructions ?? []).some((x) => (x.endsWith("/") ? path.startsWith(x) : path === x))) out.add(a);
    }
  }
  return [...out].sort(compare);
}

export async function explain(ctx: EngineContext, query: string): Promise<ExplainOutcome> {
  const { fs } = ctx;
  const q = parseItemQuery(query, (abs) => fs.rel(abs));
  if ("code" in q) return { ok: false, diagnostics: [q] };

  const diagnostics: Diagnostic[] = [];
  const configText = await fs.readText(CONFIG_PATH);
  let config: ProjectConfig | undefined;
  if (configText !== undefined) {
    const loaded = loadProjectConfig(CONFIG_PATH, configText);
    if (!loaded.config) return { ok: false, diagnostics: loaded.diagnostics };
    config = loaded.config;
    diagnostics.push(...loaded.diagnostics);
  }
  const lockText = await fs.readText(LOCK_PATH);
  const parsed = lockText === undefined ? undefined : parseLock(LOCK_PATH, lockText);
  if (parsed && !parsed.lock) return { ok: false, diagnostics: parsed.diagnostics };
  const state = await readRecordedState(fs);
  if (hasErrors(state.diagnostics)) return { ok: false, diagnostics: state.diagnostics };

  const live = new LiveView(await observeLive(fs, [], [...state.sidecars, ...state.pending]), hashText, config?.ignore);
  const recorded = [...mergeRecorded(state.sidecars, state.pending, (a, v) => live.hashAt(a, v)).values()];
  const agents = config
    ? (await chooseAgents(config, fs, [])).agents
    : supportedAgents().filter((a) => recorded.some((r) => r.agent === a));
  const exists = q.path === "" || (await fs.exists(q.path));
  const composed = composeExplanation({
    query,
    q,
    recorded,
    created: createdContainers(state.sidecars, state.pending),
    ...(config && { config }),
    agents,
    ...(parsed?.lock && { lock: parsed.lock }),
    live,
    exists,
    interrupted: state.pending.length > 0,
  });
  if (!config) composed.explanation.notes.push(`there is no ${CONFIG_PATH}: the agents shown are those packs recorded items for.`);
  return { ok: true, explanation: composed.explanation, diagnostics: [...diagnostics, ...composed.diagnostics] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
