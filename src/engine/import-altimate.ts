/**
 * `packs import altimate`: take over the packs altimate-code activated in this project.
 *
 * What altimate-code leaves in a project (its `pack` command, AltimateAI/altimate-code PR #568,
 * branch feat/kit-extension-ecosystem; before the rename the same with kit/kits/KIT.yaml):
 * - `.opencode/active-packs` (or `.altimate-code/active-packs`): the active pack names, one a line;
 * - each pack as a folder with its manifest (PACK.yaml; KIT.yaml before the rename) under
 *   `.opencode/packs/` or `.altimate-code/packs/` (also `pack/`), found by the manifest's `name`;
 *   `pack install` writes `manifest.json` next to it: `{name, version, tier, content_hash, source,
 *   installed_at}`, `source` being what was installed from (`owner/repo`, a URL or a path);
 * - what `pack activate` wrote: skill folders copied to `.opencode/skills/<skill>/`, MCP servers
 *   as `mcp.<name>` and plugins in `plugin` of the opencode config, the instructions in
 *   `.opencode/instructions/pack-<name>.md`.
 *
 * The import adds each active pack to packs.yaml as a local source (the folder altimate-code
 * activated, so what packs plans is what was deployed) and records, with the ordinary planner in
 * `adopt` mode, that packs owns what those packs wrote. It never writes an agent file: whatever
 * packs would have to create or change to own a component (a skill packs places in another
 * folder, instructions packs writes under another name) is excluded in packs.yaml instead, and
 * said per pack. The packs.yaml change is written by the same apply as the sidecars and the lock
 * (the CLI passes apply in: the engine does not execute plans).
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { AgentId } from "../core/agent-id.js";
import { addPackEntry, manifestName } from "../config/edit-packs-yaml.js";
import { initialPacksYaml } from "../config/packs-yaml-template.js";
import { loadProjectConfig } from "../config/load-project-config.js";
import { packKeyProblem } from "../config/pack-key.js";
import type { ProjectConfig } from "../config/project-config.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import type { Plan, PlanItem } from "../core/plan-model.js";
import { sha256Hex } from "../io/hash.js";
import { ProjectFs } from "../io/project-fs.js";
import { chooseAgents, CONFIG_PATH } from "./desired-state.js";
import { makePlan, type EngineContext } from "./make-plan.js";

/** Where altimate-code keeps its list of active packs, in the order it looks, and where their folders are. */
const LAYOUTS = [
  { active: ".opencode/active-packs", dirs: [".opencode/packs", ".opencode/pack", ".altimate-code/packs", ".altimate-code/pack"] },
  { active: ".altimate-code/active-packs", dirs: [".opencode/packs", ".opencode/pack", ".altimate-code/packs", ".altimate-code/pack"] },
  // Before PR #568 renamed kits to packs.
  { active: ".opencode/active-kits", dirs: [".opencode/kits", ".opencode/kit", ".altimate-code/kits", ".altimate-code/kit"] },
  { active: ".altimate-code/active-kits", dirs: [".opencode/kits", ".opencode/kit", ".altimate-code/kits", ".altimate-code/kit"] },
] as const;
/** Manifest names altimate-code reads; packs reads the first two. */
const READABLE = ["PACK.yaml", "KIT.yaml"];
const UNREADABLE = ["PACK.yml", "PACK.md", "KIT.yml", "KIT.md"];
const MAX_DEPTH = 6;

export interface AltimatePack {
  name: string;
  /** Project-relative folder of the pack. */
  folder: string;
  /** Project-relative path of its manifest. */
  manifest: string;
  /** manifest.json `source`: what `altimate-code pack install` installed it from. */
  installedFrom?: string;
  /** The manifest's hash differs from manifest.json's `content_hash`: edited after install. */
  editedSinceInstall?: true;
}

export interface AltimateState {
  /** The file the active names came from. */
  activeFile: string;
  active: string[];
  found: AltimatePack[];
  /** Active names that cannot be imported, and why. */
  missing: { name: string; reason: string }[];
}

export interface ImportedPack {
  key: string;
  source: string;
  manifest: string;
  installedFrom?: string;
  editedSinceInstall?: true;
  /** Set when the project has agents besides opencode: the entry is narrowed to opencode. */
  agents?: AgentId[];
  /** How many items packs now owns (adopted as they are). */
  adopted: number;
  /** Components left out (`exclude:` in packs.yaml). */
  excluded: string[];
}

export type ImportOutcome =
  | {
      ok: true;
      activeFile?: string;
      imported: ImportedPack[];
      skipped: { name: string; reason: string }[];
      packsYaml: "created" | "updated" | "unchanged";
      /** After the import, a plan has nothing to do (checked by planning again). */
      planEmpty: boolean;
      /** Every agent file the imported packs' items live in has the same bytes as before. */
      agentFilesUnchanged: boolean;
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

/** Why a component was left out; for a skill, where altimate-code copied it and where packs places it. */
interface LeftOut {
  why: string;
  copiedTo?: string;
  placedIn?: string;
}

interface Candidate {
  pack: AltimatePack;
  key: string;
  source: string;
  agents?: AgentId[];
  excluded: Map<string, LeftOut>;
}

/** Executes a plan exactly (apply/apply-plan's applyPlan). */
export type ApplyFn = (plan: Plan) => Promise<{ ok: true } | { ok: false; diagnostics: Diagnostic[] }>;

export async function importAltimate(ctx: EngineContext, apply: ApplyFn): Promise<ImportOutcome> {
  const { fs } = ctx;
  const state = await readAltimateState(fs);
  if (!state) {
    return fail("import/no-altimate-state", `no ${LAYOUTS.map((l) => l.active).join(", ")} in ${fs.root}: altimate-code has activated no pack here`, "Run it in the project where `altimate-code pack activate` was used (or pass --cwd).", { file: LAYOUTS[0].active });
  }

  const original = await fs.readText(CONFIG_PATH);
  let config: ProjectConfig | undefined;
  const diagnostics: Diagnostic[] = [];
  let configWarnings: Diagnostic[] = [];
  if (original !== undefined) {
    const loaded = loadProjectConfig(CONFIG_PATH, original);
    if (!loaded.config || hasErrors(loaded.diagnostics)) return { ok: false, diagnostics: loaded.diagnostics };
    config = loaded.config;
    configWarnings = loaded.diagnostics;
  }
  const agents = config ? (await chooseAgents(config, fs, [])).agents : (["opencode"] as AgentId[]);
  if (!agents.includes("opencode")) {
    return fail("import/no-opencode", `packs sets up ${agents.join(", ")} in this project, not opencode, the agent altimate-code is a fork of`, "Add opencode to agents: in packs.yaml, then import again.", { file: CONFIG_PATH });
  }
  const narrow = agents.some((a) => a !== "opencode");

  const skipped = [...state.missing];
  const candidates: Candidate[] = [];
  for (const pack of state.found) {
    const source = `./${pack.folder}`;
    const problem = packKeyProblem(pack.name);
    const same = config?.packs.find((e) => e.key === pack.name || (e.source.kind === "local" && normalisePath(e.source.path) === pack.folder));
    if (problem) skipped.push({ name: pack.name, reason: `${problem}, so it cannot be a key of packs.yaml` });
    else if (same) skipped.push({ name: pack.name, reason: same.key === pack.name ? "packs.yaml has a pack of that name already" : `packs.yaml has its folder already, as "${same.key}"` });
    else candidates.push({ pack, key: pack.name, source, ...(narrow && { agents: ["opencode"] as AgentId[] }), excluded: new Map() });
  }
  const base = { ok: true as const, activeFile: state.activeFile, skipped };
  if (candidates.length === 0) return { ...base, imported: [], packsYaml: "unchanged", planEmpty: true, agentFilesUnchanged: true, diagnostics: configWarnings };

  // Plan with the new packs.yaml (not written yet), leave out what would have to be written, repeat.
  let plan: Plan | undefined;
  let text = "";
  for (let round = 0; round < 8; round++) {
    const edited = packsYamlWith(original, candidates.map(entryOf));
    if (edited.text === undefined) return { ok: false, diagnostics: [...diagnostics, ...edited.diagnostics] };
    text = edited.text;
    const planned = await makePlan({ resolution: "adopt" }, { ...ctx, fs: new WithPacksYaml(fs.root, text) });
    if (!planned.ok) return { ok: false, diagnostics: [...diagnostics, ...planned.diagnostics] };
    const p = planned.plan;
    const keys = new Set(candidates.map((c) => c.key));
    const pending = [
      ...p.items.filter((i) => !i.owners.some((o) => keys.has(o)) && i.action !== "noop").map((i) => `${i.address} (${i.action})`),
      ...p.packs.filter((x) => !keys.has(x.name) && x.pin).map((x) => `the lock's pin of ${x.name}`),
    ];
    if (pending.length > 0) {
      return fail("import/pending-changes", `packs.yaml has changes that are not applied yet: ${pending.slice(0, 5).join(", ")}${pending.length > 5 ? ` and ${pending.length - 5} more` : ""}`, "Run `packs apply` (or undo the change) first, so that the import records only what altimate-code wrote.", { file: CONFIG_PATH }, diagnostics);
    }
    const writes = p.items.filter((i) => i.owners.some((o) => keys.has(o)) && writesSomething(i));
    if (writes.length === 0) {
      // A pack nothing of which can be adopted is left out of packs.yaml altogether.
      const empty = candidates.filter((c) => !p.items.some((i) => i.owners.includes(c.key)));
      if (empty.length === 0) {
        plan = p;
        break;
      }
      for (const c of empty) {
        candidates.splice(candidates.indexOf(c), 1);
        skipped.push({ name: c.pack.name, reason: c.excluded.size > 0 ? "nothing it installed can be adopted (see the warnings)" : "it installs nothing in this project" });
        diagnostics.push(...leftOutWarnings(c));
      }
      if (candidates.length === 0) return { ...base, imported: [], packsYaml: "unchanged", planEmpty: true, agentFilesUnchanged: true, diagnostics: [...configWarnings, ...diagnostics] };
      continue;
    }
    let added = 0;
    for (const item of writes) {
      for (const owner of item.owners.filter((o) => keys.has(o))) {
        const c = candidates.find((x) => x.key === owner)!;
        const component = componentOf(item);
        if (!component) return fail("import/cannot-map", `pack "${owner}": packs would ${item.action} ${item.address} (${item.description}), which is no component packs.yaml can leave out`, "Import by hand: add the pack to packs.yaml and run `packs plan --adopt`.", { file: c.pack.manifest }, diagnostics);
        if (c.excluded.has(component)) continue;
        c.excluded.set(component, await leftOutReason(fs, c, component, item));
        added++;
      }
    }
    if (added === 0) return fail("import/cannot-map", `packs would still write ${writes.map((w) => w.address).join(", ")} with those components left out`, "Import by hand: add the packs to packs.yaml and run `packs plan --adopt`.", { file: CONFIG_PATH }, diagnostics);
  }
  if (!plan) return fail("import/cannot-map", "could not find a packs.yaml that adopts without writing agent files", "Import by hand: add the packs to packs.yaml and run `packs plan --adopt`.", { file: CONFIG_PATH }, diagnostics);
  if (plan.blocked || plan.files.writes.length > 0 || plan.files.mkdir.length > 0 || plan.files.rmdir.length > 0) {
    throw new Error("bug: the import plan writes agent files");
  }
  for (const c of candidates) diagnostics.push(...leftOutWarnings(c));

  // packs.yaml first: a kill after it and before the sidecars leaves conflicts to adopt, never a removal.
  const configChange = { path: CONFIG_PATH, before: await fs.rawHash(CONFIG_PATH), after: { encoding: "utf8" as const, text } };
  const agentFiles = [...new Set(plan.items.map((i) => i.target.path))].sort();
  const before = await Promise.all(agentFiles.map((f) => fs.rawHash(f)));
  const applied = await apply({ ...plan, state: [configChange, ...plan.state] });
  if (!applied.ok) return { ok: false, diagnostics: [...diagnostics, ...applied.diagnostics] };
  const after = await Promise.all(agentFiles.map((f) => fs.rawHash(f)));
  const agentFilesUnchanged = before.every((h, i) => h === after[i]);
  diagnostics.unshift(...plan.diagnostics);
  if (!agentFilesUnchanged) {
    diagnostics.push({
      code: "import/agent-files-changed",
      severity: "error",
      summary: `the import was written, but these agent files changed meanwhile: ${agentFiles.filter((_, i) => before[i] !== after[i]).join(", ")}`,
      location: { file: CONFIG_PATH },
      hint: "Something else wrote them during the import (packs import writes no agent file); run `packs plan` to see where things stand.",
    });
  }

  // The check the import promises: a plan right after it has nothing to do.
  const again = await makePlan({ resolution: "none" }, ctx);
  const planEmpty = again.ok && again.plan.empty;
  if (!planEmpty) {
    diagnostics.push({
      code: "import/not-converged",
      severity: "error",
      summary: again.ok
        ? `the import was written, but packs plan still changes ${again.plan.items.filter((i) => i.action !== "noop").map((i) => `${i.address} (${i.action})`).join(", ") || "packs' own files"}`
        : "the import was written, but packs plan now fails",
      location: { file: CONFIG_PATH },
      hint: "Run `packs plan` to see why. Unless a source moved in between, this is a bug in packs import.",
    });
  }

  const imported = candidates.map((c): ImportedPack => ({
    key: c.key,
    source: c.source,
    manifest: c.pack.manifest,
    ...(c.pack.installedFrom !== undefined && { installedFrom: c.pack.installedFrom }),
    ...(c.pack.editedSinceInstall && { editedSinceInstall: true as const }),
    ...(c.agents && { agents: c.agents }),
    adopted: plan.items.filter((i) => i.owners.includes(c.key)).length,
    excluded: [...c.excluded.keys()],
  }));
  return { ...base, imported, packsYaml: original === undefined ? "created" : "updated", planEmpty, agentFilesUnchanged, diagnostics };
}

/** altimate-code's state in the project, or undefined when it has no list of active packs. */
export async function readAltimateState(fs: ProjectFs): Promise<AltimateState | undefined> {
  for (const layout of LAYOUTS) {
    const text = await fs.readText(layout.active).catch(() => undefined);
    if (text === undefined) continue;
    const active = [...new Set(text.split("\n").map((l) => l.trim()).filter(Boolean))];
    const byName = new Map<string, { folder: string; manifest: string; readable: boolean }>();
    for (const dir of layout.dirs) {
      for (const m of await manifestsUnder(fs, dir, 0)) {
        const name = await nameInManifest(fs, m.manifest);
        if (name !== undefined && !byName.has(name)) byName.set(name, m);
      }
    }
    const found: AltimatePack[] = [];
    const missing: { name: string; reason: string }[] = [];
    for (const name of active) {
      const m = byName.get(name);
      if (!m) {
        missing.push({ name, reason: `no pack of that name under ${layout.dirs.join(", ")} (installed globally, or removed?); packs imports only packs inside the project` });
        continue;
      }
      if (!m.readable) {
        missing.push({ name, reason: `its manifest is ${m.manifest}; packs reads PACK.yaml (or KIT.yaml): rename it to PACK.yaml (a .md manifest: its front matter)` });
        continue;
      }
      found.push({ name, folder: m.folder, manifest: m.manifest, ...(await installRecord(fs, m.folder, m.manifest)) });
    }
    return { activeFile: layout.active, active, found, missing };
  }
  return undefined;
}

/** Folders under `dir` holding a manifest altimate-code reads, depth first, in name order. */
async function manifestsUnder(fs: ProjectFs, dir: string, depth: number): Promise<{ folder: string; manifest: string; readable: boolean }[]> {
  if (depth > MAX_DEPTH || !(await fs.isDir(dir))) return [];
  const names = (await fs.list(dir)) ?? [];
  const own = [...READABLE, ...UNREADABLE].find((m) => names.includes(m));
  const out = own ? [{ folder: dir, manifest: `${dir}/${own}`, readable: READABLE.includes(own) }] : [];
  for (const n of names) if (n !== "node_modules" && n !== ".git") out.push(...(await manifestsUnder(fs, `${dir}/${n}`, depth + 1)));
  return out;
}

/** The manifest's `name:` (a Markdown manifest: its front matter's), or undefined when it has none. */
async function nameInManifest(fs: ProjectFs, path: string): Promise<string | undefined> {
  const text = await fs.readText(path);
  if (text === undefined) return undefined;
  return manifestName(path.endsWith(".md") ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "") : text);
}

/** What `altimate-code pack install` recorded in manifest.json next to the manifest. */
async function installRecord(fs: ProjectFs, folder: string, manifest: string): Promise<Pick<AltimatePack, "installedFrom" | "editedSinceInstall">> {
  const text = await fs.readText(`${folder}/manifest.json`);
  if (text === undefined) return {};
  let record: { source?: unknown; content_hash?: unknown };
  try {
    record = JSON.parse(text) as typeof record;
  } catch {
    return {};
  }
  const out: Pick<AltimatePack, "installedFrom" | "editedSinceInstall"> = {};
  if (typeof record.source === "string" && record.source !== "") out.installedFrom = record.source;
  const raw = await fs.readText(manifest);
  // altimate-code hashes the manifest's text with line endings made \n.
  if (typeof record.content_hash === "string" && raw !== undefined && sha256Hex(raw.replace(/\r\n?/g, "\n")) !== record.content_hash) out.editedSinceInstall = true;
  return out;
}

/** The project's file port with packs.yaml replaced by a text not written yet. */
class WithPacksYaml extends ProjectFs {
  constructor(root: string, private readonly configText: string) {
    super(root);
  }

  override async readText(rel: string): Promise<string | undefined> {
    return rel === CONFIG_PATH ? this.configText : super.readText(rel);
  }
}

function writesSomething(i: PlanItem): boolean {
  if (i.action === "create" || i.action === "recreate" || i.action === "update" || i.action === "delete") return true;
  return (i.action === "conflict" || i.action === "drift") && i.resolved_by !== "adopt";
}

/** The `exclude:` entry that leaves the item out, for the items the opencode adapter renders. */
function componentOf(item: PlanItem): string | undefined {
  const t = item.target;
  switch (t.kind) {
    case "file":
      if (item.group) return `skills/${item.group.replace(/\/$/, "").split("/").pop()}`;
      return "instructions";
    case "section":
      return "instructions";
    case "entry":
      return t.pointer.length === 2 && ["mcp", "mcpServers", "servers", "mcp_servers"].includes(t.pointer[0]!) ? `mcp/${t.pointer[1]}` : undefined;
    case "element":
      if (t.array.length === 1 && t.array[0] === "plugin") return `plugins/${t.key}`;
      if (t.array.length === 1 && t.array[0] === "instructions") return "instructions";
      return undefined;
  }
}

async function leftOutReason(fs: ProjectFs, c: Candidate, component: string, item: PlanItem): Promise<LeftOut> {
  const would = `packs would ${item.action} ${item.address}`;
  if (component.startsWith("skills/")) {
    const name = component.slice("skills/".length);
    const placedIn = (item.group ?? item.address).replace(/[^/]+\/?$/, "");
    for (const dir of [".opencode/skills", ".altimate-code/skills"]) {
      if (await fs.exists(`${dir}/${name}/SKILL.md`)) return { why: `altimate-code copied it to ${dir}/${name}/, and packs places it in ${placedIn}`, copiedTo: `${dir}/`, placedIn };
    }
    return { why: `${would}: it is not in the project` };
  }
  if (component === "instructions") {
    const theirs = `.opencode/instructions/pack-${c.pack.name}.md`;
    if (await fs.exists(theirs)) return { why: `altimate-code wrote them to ${theirs}; ${would}` };
    return { why: `${would}: they are not in the project` };
  }
  return { why: `${would}: altimate-code did not configure it there (${item.reason})` };
}

/** One warning per pack and kind of component left out. */
function leftOutWarnings(c: Candidate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const skills = [...c.excluded].filter(([k]) => k.startsWith("skills/"));
  if (skills.length > 0) {
    const first = skills[0]![1];
    const alike = first.copiedTo !== undefined && skills.every(([, l]) => l.copiedTo === first.copiedTo && l.placedIn === first.placedIn);
    const n = skills.length;
    out.push({
      code: "import/left-out",
      severity: "warning",
      summary: `pack "${c.key}": ${n} skill${n === 1 ? "" : "s"} left out (${skills.map(([k]) => k.slice("skills/".length)).join(", ")}): ${alike ? `altimate-code copied ${n === 1 ? "it" : "them"} to ${first.copiedTo}, and packs places skills in ${first.placedIn}; adopting would take a second copy, and opencode would see each skill twice` : skills.map(([k, l]) => `${k}: ${l.why}`).join("; ")}`,
      location: { file: c.pack.manifest },
      hint: "The copies stay as they are, unmanaged. To let packs manage them: delete those folders, remove the skills from exclude: in packs.yaml, and run `packs apply`.",
    });
  }
  for (const [k, { why }] of c.excluded) {
    if (k.startsWith("skills/")) continue;
    out.push({
      code: "import/left-out",
      severity: "warning",
      summary: `pack "${c.key}": ${k === "instructions" ? "its instructions are" : `${k} is`} left out: ${why}`,
      location: { file: c.pack.manifest },
      hint: k === "instructions"
        ? `They stay as they are, unmanaged. To let packs manage them: delete .opencode/instructions/pack-${c.pack.name}.md, remove instructions from exclude: in packs.yaml, and run \`packs apply\`.`
        : `Remove ${k} from exclude: in packs.yaml to let packs install it (\`packs plan\` shows what it writes).`,
    });
  }
  return out;
}

function entryOf(c: Candidate): ImportEntry {
  return { key: c.key, source: c.source, ...(c.agents && { agents: c.agents }), ...(c.excluded.size > 0 && { exclude: [...c.excluded.keys()] }) };
}

function normalisePath(p: string): string {
  return p.replace(/^\.\//, "").replace(/\/+$/, "");
}

function fail(code: string, summary: string, hint: string, location: Diagnostic["location"], before: Diagnostic[] = []): ImportOutcome {
  return { ok: false, diagnostics: [...before, { code, severity: "error", summary, ...(location && { location }), hint }] };
}

// ---- packs.yaml ----

/** One new entry under `packs:`. */
export interface ImportEntry {
  key: string;
  source: string;
  agents?: AgentId[];
  exclude?: string[];
}

/**
 * packs.yaml with the entries added: config/edit-packs-yaml's addPackEntry (what `packs add`
 * uses: a splice, every other byte kept), starting from `packs init`'s file when there is none;
 * then each entry's `exclude:`, which addPackEntry does not write, as one more line of the entry.
 */
export function packsYamlWith(original: string | undefined, entries: readonly ImportEntry[]): { text?: string; diagnostics: Diagnostic[] } {
  let text = original ?? initialPacksYaml(["opencode"], "Written by `packs import altimate`: altimate-code is a fork of opencode.");
  for (const e of entries) {
    const added = addPackEntry(CONFIG_PATH, text, { key: e.key, source: e.source, ...(e.agents && { agents: e.agents }) });
    if (added.text === undefined) return { diagnostics: added.diagnostics };
    text = added.text;
    if (e.exclude && e.exclude.length > 0) {
      const excluded = withExclude(text, e.key, e.exclude);
      if (excluded === undefined) {
        return { diagnostics: [{ code: "import/edit-failed", severity: "error", summary: `packs could not write exclude: for pack "${e.key}" into ${CONFIG_PATH} safely; nothing was written`, location: { file: CONFIG_PATH }, hint: "This is a bug in packs: please report it with your packs.yaml." }] };
      }
      text = excluded;
    }
  }
  const loaded = loadProjectConfig(CONFIG_PATH, text);
  if (hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics };
  return { text, diagnostics: [] };
}

/**
 * `exclude: [...]` as the last line of the block map of `packs.<key>`, indented like its other
 * keys; undefined unless the result parses and differs from `text` in exactly that.
 */
export function withExclude(text: string, key: string, exclude: readonly string[]): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const packs = doc.get("packs", true);
  const pair = isMap(packs) ? packs.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const value = pair?.value;
  if (!isMap(value) || value.flow || value.items.length === 0 || !value.range || value.has("exclude")) return undefined;
  const firstKey = value.items[0]!.key;
  if (!isScalar(firstKey) || !firstKey.range) return undefined;
  const indent = firstKey.range[0] - (text.lastIndexOf("\n", firstKey.range[0] - 1) + 1);
  const end = value.range[1];
  const nl = text.indexOf("\n", Math.max(end - 1, 0));
  const at = text[end - 1] === "\n" ? end : nl === -1 ? text.length : nl + 1;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // `exclude: [a, b]` on one line while it fits in 100 columns, else one `- item` a line.
  const render = (flow: boolean) => {
    const rendered = new Document({ exclude: [...exclude] });
    const list = rendered.get("exclude", true);
    if (isSeq(list)) list.flow = flow;
    return rendered.toString({ indent: 2, lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, "").split("\n").map((l) => " ".repeat(indent) + l);
  };
  const oneLine = render(true);
  const lines = oneLine.length === 1 && oneLine[0]!.length <= 100 ? oneLine : render(false);
  const out = text.slice(0, at) + (at === text.length && !text.endsWith("\n") ? eol : "") + lines.map((l) => l + eol).join("") + text.slice(at);
  const want = doc.toJS() as { packs: Record<string, Record<string, unknown>> };
  want.packs[key] = { ...want.packs[key], exclude: [...exclude] };
  const got = parseDocument(out);
  return got.errors.length === 0 && JSON.stringify(got.toJS()) === JSON.stringify(want) ? out : undefined;
}
