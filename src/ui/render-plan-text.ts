/**
 * The plan as plain text, from the plan value alone: a header, then per pack one line per item
 * (skill files folded into their skill folder), blocked items with the command that resolves
 * them, and a summary line.
 */
import { foldSkills, type PlanLine } from "./fold-skills.js";
import { canonicalJson } from "../core/json.js";
import type { Plan, PlanItem, PlanSummary } from "../core/plan-model.js";
import { renderDiagnostics } from "./render-diagnostics.js";
import type { Style } from "./style.js";

const ADDRESS_WIDTH = 46;

export function renderPlanText(plan: Plan, style: Style): string {
  const packs = plan.packs.length;
  let out = `packs.yaml: ${packs} pack${packs === 1 ? "" : "s"}, agents ${plan.agents.join(" + ") || "none"} (${plan.agents_reason})\n`;
  if (plan.scope) {
    const only = [plan.scope.pack && `pack ${plan.scope.pack}`, plan.scope.agent && `what ${plan.scope.agent} reads`].filter(Boolean).join(" and ");
    out += `${style.bold(`Limited to ${only}`)}; everything else stays as it is.\n`;
  }
  for (const note of plan.notes) out += `${style.dim(note)}\n`;
  const warnings = plan.diagnostics.filter((d) => d.severity !== "error");
  if (warnings.length > 0) out += "\n" + renderDiagnostics(warnings, style);

  const shown = plan.items.filter((i) => i.action !== "noop");
  const sections = new Map<string, PlanItem[]>();
  for (const p of plan.packs) sections.set(p.name, []);
  for (const i of shown) {
    const key = i.owners.find((o) => sections.has(o)) ?? `removed: ${i.owners.join(", ")}`;
    sections.set(key, [...(sections.get(key) ?? []), i]);
  }
  for (const [name, items] of sections) {
    const p = plan.packs.find((x) => x.name === name);
    out += "\n" + (p ? `  ${style.bold(`pack ${p.name}`)} ${p.version} (${p.source}${p.resolved !== p.source ? ` @ ${shortPin(p.resolved)}` : ""})\n` : `  ${style.bold(`pack ${name.slice(9)}`)} (removed from packs.yaml)\n`);
    if (p?.pin && p.resolved !== p.source) out += `    ${p.pin.from === undefined ? `lock: pins ${shortPin(p.pin.to)} (new)` : `lock: ${shortPin(p.pin.from)} → ${shortPin(p.pin.to)}`}\n`;
    if (p?.floating) out += `    ${style.yellow("floating")}: the source can move without packs.yaml changing; the lock pins it until \`packs update ${p.name}\`\n`;
    for (const note of p?.notes ?? []) out += `    ${style.dim(note)}\n`;
    if (items.length === 0) out += `    ${style.dim("no changes")}\n`;
    for (const line of foldSkills(items)) out += renderLine(line, style);
  }
  return out + contextLines(plan, style) + "\n" + summaryLine(plan, style) + "\n";
}

/** The always-on context budget: what each agent will load into every session, in tokens. */
export function contextLines(plan: Plan, style: Style): string {
  const agents = Object.keys(plan.context ?? {}).sort() as (keyof NonNullable<Plan["context"]>)[];
  if (agents.length === 0) return "";
  const show = (a: (typeof agents)[number]) => {
    const c = plan.context![a]!;
    const net = c.added - c.removed;
    return `${a} ${net >= 0 ? "+" : "−"}${Math.abs(net)}${c.added && c.removed ? ` (+${c.added} −${c.removed})` : ""}`;
  };
  return `\n${style.dim("Always-loaded context, about (tokens):")} ${agents.map(show).join(", ")}\n`;
}

function renderLine({ item, address, description }: PlanLine, style: Style): string {
  const [sym, paint] = symbol(item, style);
  const serves = item.serves.length > 1 || item.group ? ` · serves ${item.serves.join(", ")}` : "";
  const lines = item.lines && (item.action === "update" || item.resolved_by === "force") ? ` · +${item.lines.added} -${item.lines.removed} lines` : "";
  let out = `  ${paint(sym)} ${address.padEnd(ADDRESS_WIDTH)} ${description}${serves}${lines}\n`;
  const pad = `    ${" ".repeat(ADDRESS_WIDTH)}`;
  out += `${pad}${style.dim(item.reason)}\n`;
  if (item.values && item.blocked) {
    const v = item.values;
    if (v.recorded !== undefined) out += `${pad}${style.dim("last applied:")} ${canonicalJson(v.recorded)}\n`;
    out += `${pad}${style.dim("on disk:     ")} ${canonicalJson(v.live)}\n`;
    out += `${pad}${style.dim("pack wants:  ")} ${canonicalJson(v.desired)}\n`;
  }
  return out;
}

function symbol(i: PlanItem, s: Style): [string, (x: string) => string] {
  if (i.blocked) return ["!", s.magenta];
  switch (i.action) {
    case "create":
    case "recreate":
      return ["+", s.green];
    case "update":
      return ["~", s.yellow];
    case "delete":
      return ["-", s.red];
    case "conflict":
    case "drift":
      return i.resolved_by === "force" ? ["~", s.yellow] : ["=", s.cyan];
    case "adopt":
    case "release":
    case "forget":
    case "noop":
      return ["=", s.cyan];
  }
}

export function summaryLine(plan: Plan, style: Style): string {
  if (plan.empty) return style.bold("No changes.") + " The project matches packs.yaml and the lock.";
  const s: PlanSummary = plan.summary;
  const parts = [`${s.add} to add`, `${s.change} to change`, `${s.remove} to remove`];
  if (s.ownership > 0) parts.push(`${s.ownership} ownership change${s.ownership === 1 ? "" : "s"}`);
  if (s.blocked > 0) parts.push(style.magenta(`${s.blocked} blocked`));
  let line = `${style.bold("Plan:")} ${parts.join(", ")}.`;
  if (!plan.blocked && s.add + s.change + s.remove + s.ownership === 0 && plan.state.length > 0) line += ` packs' own files (${plan.state.map((c) => c.path).join(", ")}) will be updated.`;
  return line;
}

/** A commit SHA is shown short; other pins (a path, name@version) as they are. */
function shortPin(pin: string): string {
  return /^[0-9a-f]{40}$/.test(pin) ? pin.slice(0, 7) : pin;
}
