/**
 * `packs explain` as text: what ITEM is, the items packs owns there with their state, and each
 * owning pack's source, pin and tier. The value comes from engine/explain.ts (declared here by
 * shape, as ui/ imports only core).
 */
import type { SourcePin } from "../core/source-pin.js";
import type { Style } from "./style.js";

type State = "in-sync" | "changed" | "deleted" | "unreadable";

interface Item {
  address: string;
  kind: string;
  description?: string;
  group?: string;
  owners: string[];
  agent: string;
  serves: string[];
  state: State;
  adopted: boolean;
  recorded: string;
  on_disk: string | null;
}

/** A lock entry as explain shows it: the pin (core's SourcePin) plus the lock's pack fields. */
interface LockedPack extends SourcePin {
  source: string;
  name: string;
  version: string;
  tier: string;
  claimed_tier?: string;
}

interface Pack {
  key: string;
  in_packs_yaml: boolean | null;
  source_now?: string;
  lock?: LockedPack;
}

export interface ExplanationView {
  target: string;
  kind: "item" | "file" | "folder" | "container" | "packs-file" | "unmanaged";
  items: Item[];
  packs: Pack[];
  created?: boolean;
  exists?: boolean;
  notes: string[];
}

export function renderExplanation(e: ExplanationView, style: Style): string {
  let out = `${style.bold(e.target)}: ${headline(e)}\n`;
  if (e.kind === "item") out += e.items.map((i) => itemBlock(i, style)).join("");
  else if (e.items.length > 0) out += itemList(e.items, e.kind === "file" || e.kind === "container" ? e.target.replace(/#.*$/, "") : undefined, style);
  const yours = yoursLine(e);
  if (yours) out += `\n${yours}\n`;
  for (const p of e.packs) out += `\n${packBlock(p, style)}`;
  if (e.notes.length > 0) out += `\n${e.notes.map((n) => `${style.dim("note:")} ${n}\n`).join("")}`;
  return out;
}

function headline(e: ExplanationView): string {
  const n = e.items.length;
  const owners = ownersText(e.packs.map((p) => p.key));
  switch (e.kind) {
    case "item":
      return `owned by ${owners}`;
    case "file":
      return `packs owns ${n} ${e.items.every((i) => i.kind === "section") ? (n === 1 ? "section" : "sections") : n === 1 ? "entry" : "entries"} in this file (${owners})${e.created ? "; packs created the file" : ""}`;
    case "container":
      return `packs owns ${n} ${n === 1 ? "entry" : "entries"} under it (${owners})`;
    case "folder":
      return `packs owns ${n} file${n === 1 ? "" : "s"} in this folder (${owners})${e.created ? "; packs created the folder" : ""}`;
    case "packs-file":
      return "packs' own bookkeeping, not an item a pack owns";
    case "unmanaged":
      return e.exists === false ? "not managed by packs (and there is nothing there)" : "not managed by packs: it is yours";
  }
}

function ownersText(keys: readonly string[]): string {
  return keys.length === 1 ? `pack ${keys[0]}` : `packs ${keys.join(", ")} (co-owned)`;
}

function yoursLine(e: ExplanationView): string | undefined {
  switch (e.kind) {
    case "file":
      return e.items.every((i) => i.kind === "section")
        ? "Everything else in this file (all outside the packs:begin / packs:end markers) is yours: packs never changes it."
        : `Everything else in this file is yours: packs edits only the ${e.items.length === 1 ? "entry" : "entries"} above, and keeps your comments and formatting.${e.created ? ` Once ${e.items.length === 1 ? "that entry is" : "those entries are"} gone and nothing of yours is in it, packs deletes the file.` : ""}`;
    case "container":
      return "Every other entry under it is yours: packs never changes it.";
    case "folder":
      return `Any other file in this folder is yours: packs never touches it.${e.created ? " packs removes the folder only once it is empty." : ""}`;
    default:
      return undefined;
  }
}

const STATE_WORDS: Record<State, string> = {
  "in-sync": "in sync",
  changed: "changed by hand",
  deleted: "deleted",
  unreadable: "unknown (the file does not parse)",
};

function stateColour(s: State, style: Style): (t: string) => string {
  return s === "in-sync" ? style.green : s === "unreadable" ? style.red : style.yellow;
}

function itemBlock(i: Item, style: Style): string {
  const row = (k: string, v: string) => `  ${k.padEnd(10)} ${v}\n`;
  let out = "";
  if (i.description) out += row("what", i.description + (i.group && !i.description.includes(i.group) ? ` (${i.group})` : ""));
  out += row(i.owners.length === 1 ? "pack" : "packs", i.owners.join(", "));
  out += row("agents", agentsText(i));
  out += row("state", stateColour(i.state, style)(STATE_WORDS[i.state]) + (i.adopted ? " (adopted: your value, kept until the pack changes its own)" : ""));
  if (i.state === "in-sync") out += row("hash", i.recorded);
  else {
    out += row("recorded", i.recorded);
    out += row("on disk", i.on_disk ?? "(nothing)");
  }
  const next = nextStep(i.state);
  if (next) out += row("", style.dim(next));
  return out;
}

function agentsText(i: Item): string {
  const others = i.serves.filter((a) => a !== i.agent);
  if (others.length === 0) return i.agent;
  return `${i.serves.join(", ")} (${others.length === 1 ? `${others[0]} reads` : `${others.slice(0, -1).join(", ")} and ${others[others.length - 1]} read`} it too)`;
}

function nextStep(s: State): string | undefined {
  switch (s) {
    case "changed":
      return "`packs plan` shows the change; `packs apply` stops on it until you choose: --adopt keeps yours, --force restores the pack's.";
    case "deleted":
      return "The next `packs apply` writes it again; remove the pack (or exclude the component) in packs.yaml to let it go.";
    default:
      return undefined;
  }
}

/** A file's entries or a folder's files: one line each, grouped by skill folder. */
function itemList(items: readonly Item[], file: string | undefined, style: Style): string {
  const shownAddress = (i: Item) =>
    file !== undefined && i.address.startsWith(`${file}#`) ? i.address.slice(file.length)
    : i.group !== undefined && i.address.startsWith(i.group) ? i.address.slice(i.group.length)
    : i.address;
  let out = "";
  let group: string | undefined;
  const width = Math.min(60, Math.max(...items.map((i) => shownAddress(i).length)));
  for (const i of items) {
    if (i.group !== group) {
      group = i.group;
      if (group !== undefined) out += `  ${style.bold(group)} ${style.dim(`(${i.description ?? ""}; ${agentsText(i)})`)}\n`;
    }
    const state = stateColour(i.state, style)(STATE_WORDS[i.state].padEnd(15));
    const what = i.group === undefined ? `${i.description ?? i.kind}; ${i.owners.join(", ")}; ${agentsText(i)}` : i.owners.join(", ");
    out += `  ${i.group === undefined ? "" : "  "}${state} ${shownAddress(i).padEnd(width)}  ${style.dim(what)}${i.adopted ? style.dim(" (adopted)") : ""}\n`;
    if (i.state === "changed" || i.state === "deleted") out += `  ${i.group === undefined ? "" : "  "}${" ".repeat(16)}${style.dim(`recorded ${i.recorded}, on disk ${i.on_disk ?? "(nothing)"}`)}\n`;
  }
  const next = ["changed", "deleted"].map((s) => (items.some((i) => i.state === s) ? nextStep(s as State) : undefined)).filter(Boolean);
  for (const n of next) out += `  ${style.dim(n!)}\n`;
  return out;
}

function packBlock(p: Pack, style: Style): string {
  const row = (k: string, v: string) => `  ${k.padEnd(10)} ${v}\n`;
  const gone = p.in_packs_yaml === false ? style.yellow(" (no longer in packs.yaml)") : "";
  let out = `${style.bold(`pack ${p.key}`)}${p.lock ? ` ${p.lock.name === p.key ? "" : `(${p.lock.name}) `}${p.lock.version}` : ""}${gone}\n`;
  const l = p.lock;
  if (!l) {
    if (p.source_now) out += row("source", p.source_now);
    return out + row("pin", style.yellow(`not in packs.lock.yaml`));
  }
  out += row("source", `${l.source} (${l.kind})`);
  out += pinRows(l).map(([k, v]) => row(k, v)).join("");
  out += row("tier", l.claimed_tier ? `${l.tier} (the pack claims ${l.claimed_tier}; policy.trusted does not cover it)` : l.tier);
  return out;
}

function pinRows(l: LockedPack): [string, string][] {
  const rows: [string, string][] = [];
  const floating = l.floating ? " (floating: it can move without packs.yaml changing; `packs update` moves it)" : "";
  switch (l.kind) {
    case "local":
      rows.push(["pin", `the folder ${l.resolved}, read as it is on every run`]);
      break;
    case "tarball":
      rows.push(["pin", `the file ${l.resolved}`]);
      break;
    case "git":
    case "registry":
      rows.push(["commit", l.resolved + floating]);
      if (l.ref) rows.push(["ref", l.ref]);
      if (l.path) rows.push(["path", l.path]);
      if (l.url) rows.push(["remote", l.url]);
      if (l.registry) rows.push(["registry", `${l.registry.name} (${l.registry.url}), entry version ${l.registry.version}`]);
      break;
    case "npm":
      rows.push(["package", l.resolved + floating]);
      if (l.url) rows.push(["tarball", l.url]);
      break;
    default:
      rows.push(["pin", l.resolved]);
  }
  if (l.tarball_integrity) rows.push(["integrity", l.tarball_integrity]);
  for (const [source, s] of Object.entries(l.skill_sources ?? {})) rows.push(["skills", `from ${source} at ${s.resolved}${s.floating ? " (floating)" : ""}`]);
  return rows;
}
