/**
 * The plan as GitHub/GitLab-flavoured Markdown, for a pull-request comment (`packs plan --format
 * markdown`): a heading, the summary line, blocked items called out, the plan's notes and
 * warnings, then per pack a table of its items (`+ ~ - ! =`, address, change, why), skill files
 * folded into their folder as in the text view. From the Plan value alone; no ANSI, no I/O.
 *
 * Everything that comes from a pack (descriptions, notes, diagnostics) is escaped: it renders as
 * the text it is, never as HTML, links or images, and `@name` is shown as code so a comment
 * never mentions anyone. Backtick spans in it stay code.
 */
import { entryChanges } from "./entry-changes.js";
import { foldSkills, type PlanLine } from "./fold-skills.js";
import { canonicalJson } from "../core/json.js";
import { redactLiteralSecrets } from "../core/literal-secrets.js";
import { formatLocation, type Diagnostic } from "../core/diagnostics.js";
import { groupBy } from "../core/group-by.js";
import type { Plan, PlanItem } from "../core/plan-model.js";

export interface MarkdownPlanOptions {
  /** The commits a plan between refs was made for (`packs plan --from --to`), named in the heading. */
  refs?: { from: { ref: string; commit: string }; to: { ref: string; commit: string } };
  /** The heading's text instead of "packs plan" (plain text; escaped). */
  title?: string;
}

export function renderPlanMarkdown(plan: Plan, opts: MarkdownPlanOptions = {}): string {
  const blocks: string[] = [heading(plan, opts), summary(plan)];

  const blocked = plan.items.filter((i) => i.blocked);
  if (blocked.length > 0) {
    const n = blocked.length;
    blocks.push(quote([
      `**${n} blocked item${n === 1 ? "" : "s"}:** \`packs apply\` changes nothing until ${n === 1 ? "it is" : "each is"} resolved.`,
      ...blocked.map((i) => `- ${code(i.address)} (${i.owners.map((o) => `pack ${code(o)}`).join(", ")}): ${text(i.reason)}`),
    ]));
  }

  const packs = plan.packs.length;
  const facts = [`packs.yaml: ${packs} pack${packs === 1 ? "" : "s"}`, `agents ${plan.agents.map((a) => code(a)).join(", ") || "none"} (${text(plan.agents_reason)})`];
  if (plan.scope) {
    const only = [plan.scope.pack && `pack ${code(plan.scope.pack)}`, plan.scope.agent && `what ${code(plan.scope.agent)} reads`].filter(Boolean).join(" and ");
    facts.push(`**limited to ${only}**; everything else stays as it is`);
  }
  blocks.push(facts.join(" · "));
  if (plan.notes.length > 0) blocks.push(plan.notes.map((n) => `- ${text(n)}`).join("\n"));

  const warnings = plan.diagnostics.filter((d) => d.severity !== "error");
  if (warnings.length > 0) blocks.push(`**Warnings**\n\n${warnings.map(diagnostic).join("\n")}`);

  for (const [name, items] of sections(plan)) blocks.push(packSection(plan, name, items));

  blocks.push(`<sub>packs ${text(plan.packs_version)}</sub>`);
  return blocks.join("\n\n") + "\n";
}

function heading(plan: Plan, opts: MarkdownPlanOptions): string {
  let h = `### ${text(opts.title ?? "packs plan")}`;
  if (opts.refs) {
    const { from, to } = opts.refs;
    h += `: ${code(from.ref)} (${shortSha(from.commit)}) → ${code(to.ref)} (${shortSha(to.commit)})`;
  } else if (plan.project !== ".") h += ` in ${code(plan.project)}`;
  return h;
}

function summary(plan: Plan): string {
  if (plan.empty) return "**No changes.** The project matches packs.yaml and the lock.";
  const s = plan.summary;
  const parts = [`${s.add} to add`, `${s.change} to change`, `${s.remove} to remove`];
  if (s.ownership > 0) parts.push(`${s.ownership} ownership change${s.ownership === 1 ? "" : "s"}`);
  if (s.blocked > 0) parts.push(`**${s.blocked} blocked**`);
  let line = `**Plan:** ${parts.join(", ")}.`;
  if (!plan.blocked && s.add + s.change + s.remove + s.ownership === 0 && plan.state.length > 0) {
    line += ` Only packs' own files change: ${plan.state.map((c) => code(c.path)).join(", ")}.`;
  }
  return line;
}

/** Items grouped by the pack that wants them (packs.yaml order); removals of packs no longer named last. */
function sections(plan: Plan): Map<string, PlanItem[]> {
  const out = new Map<string, PlanItem[]>(plan.packs.map((p) => [p.name, []]));
  const changes = plan.items.filter((x) => x.action !== "noop");
  return groupBy(changes, (i) => i.owners.find((o) => out.has(o)) ?? `removed: ${i.owners.join(", ")}`, out);
}

function packSection(plan: Plan, name: string, items: readonly PlanItem[]): string {
  const p = plan.packs.find((x) => x.name === name);
  const parts: string[] = [];
  if (p) {
    parts.push(`#### pack ${code(p.name)} ${text(p.version)}`);
    const facts = [`source ${code(p.source)}${p.resolved !== p.source ? ` @ ${code(shortPin(p.resolved))}` : ""}`];
    if (p.pin && p.resolved !== p.source) facts.push(p.pin.from === undefined ? `lock: pins ${code(shortPin(p.pin.to))} (new)` : `lock: ${code(shortPin(p.pin.from))} → ${code(shortPin(p.pin.to))}`);
    if (p.floating) facts.push(`**floating**: the source can move without packs.yaml changing; the lock pins it until ${code(`packs update ${p.name}`)}`);
    parts.push(facts.join(" · "));
    if (p.notes.length > 0) parts.push(p.notes.map((n) => `- ${text(n)}`).join("\n"));
  } else {
    parts.push(`#### pack ${code(name.slice("removed: ".length))} (removed from packs.yaml)`);
  }
  if (items.length === 0) {
    parts.push("_No changes._");
    return parts.join("\n\n");
  }
  const lines = foldSkills(items);
  parts.push([
    "| | item | change | why |",
    "|:-:|---|---|---|",
    ...lines.map((l) => `| ${code(symbol(l.item), true)} | ${code(l.address, true)} | ${cell(changeOf(l))} | ${cell(l.item.reason)} |`),
  ].join("\n"));
  for (const l of lines.filter((x) => x.item.blocked && x.item.values)) parts.push(threeWay(l));
  const detailed = lines.map((l) => [l.address, changeLines(l.item)] as const).filter(([, d]) => d !== undefined);
  if (detailed.length > 0) {
    parts.push(`<details><summary>What changes inside (${detailed.length})</summary>\n\n${detailed.map(([address, d]) => `${code(address)}\n\n${fence(d!, "diff")}`).join("\n\n")}\n\n</details>`);
  }
  return parts.join("\n\n");
}

/**
 * For a changed item, what changes inside it as diff lines: a file's or section's unified diff,
 * or a config entry's field changes (from the JSON Patch; literal secrets redacted).
 */
function changeLines(item: PlanItem): string | undefined {
  if (item.diff) return item.diff.replace(/\n$/, "");
  if (item.action !== "update" && item.resolved_by !== "force") return undefined;
  const out = entryChanges(item).flatMap((c) => {
    const field = c.field === "" ? "" : `${c.field}: `;
    return [...(c.op !== "add" ? [`- ${field}${shown(c.before)}`] : []), ...(c.op !== "remove" ? [`+ ${field}${shown(c.after)}`] : [])];
  });
  return out.length > 0 ? out.join("\n") : undefined;
}

function changeOf({ item, description }: PlanLine): string {
  let out = description;
  if (item.serves.length > 1 || item.group) out += ` · serves ${item.serves.join(", ")}`;
  if (item.lines && (item.action === "update" || item.resolved_by === "force")) out += ` · +${item.lines.added} -${item.lines.removed} lines`;
  if (item.blocked) out += " · blocked";
  return out;
}

/** The three values of a blocked config entry, as the text view shows them. */
function threeWay({ item, address }: PlanLine): string {
  const v = item.values!;
  const rows = [
    ...(v.recorded !== undefined ? [`last applied: ${shown(v.recorded)}`] : []),
    `on disk:      ${shown(v.live)}`,
    `pack wants:   ${shown(v.desired)}`,
  ].join("\n");
  return `${code(address)} is blocked:\n\n${fence(rows)}`;
}

function symbol(i: PlanItem): string {
  if (i.blocked) return "!";
  switch (i.action) {
    case "create":
    case "recreate":
      return "+";
    case "update":
      return "~";
    case "delete":
      return "-";
    case "conflict":
    case "drift":
      return i.resolved_by === "force" ? "~" : "=";
    case "adopt":
    case "release":
    case "forget":
    case "noop":
      return "=";
  }
}

function diagnostic(d: Diagnostic): string {
  const where = d.location ? ` ${code(formatLocation(d.location))}` : "";
  let out = `- **${d.severity}** ${code(d.code)}${where}: ${text(d.summary)}`;
  if (d.detail) out += ` ${text(d.detail)}`;
  if (d.hint) out += `<br>_hint:_ ${text(d.hint)}`;
  return out;
}

function quote(lines: readonly string[]): string {
  return lines.map((l) => `> ${l}`).join("\n");
}

/** Text inside a table cell: one line, pipes escaped. */
function cell(s: string): string {
  return text(s, true);
}

/**
 * Plain text as Markdown that renders as exactly that text: punctuation Markdown or HTML would
 * act on is backslash-escaped, `@name` becomes code (no mention), newlines become `<br>`.
 * Balanced backtick spans stay code spans.
 */
function text(s: string, inTable = false): string {
  const out = s.split(/(`[^`\n]+`)/).map((part, i) => {
    if (i % 2 === 1) return inTable ? part.replace(/\|/g, "\\|") : part;
    return part
      .split(/(@[A-Za-z0-9][^\s`]*)/)
      .map((bit, j, all) => {
        if (j % 2 === 0 || /\w$/.test(all[j - 1]!)) return escape(bit);
        const tail = /[.,;:!?)\]}'"]+$/.exec(bit)?.[0] ?? "";
        return code(bit.slice(0, bit.length - tail.length), inTable) + escape(tail);
      })
      .join("");
  }).join("");
  return out.replace(/\r?\n/g, "<br>");
}

function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>|~&#!]/g, (c) => `\\${c}`);
}

/** A code span holding `s` verbatim, fenced with more backticks than any run inside it. */
function code(s: string, inTable = false): string {
  const one = s.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = "`".repeat(longest + 1);
  const pad = one.startsWith("`") || one.endsWith("`") || (one.startsWith(" ") && one.endsWith(" ") && one.trim() !== "") ? " " : "";
  const body = inTable ? one.replace(/\|/g, "\\|") : one;
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** A fenced block holding `s` verbatim. */
function fence(s: string, lang = ""): string {
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang}\n${s}\n${ticks}`;
}

function shortSha(sha: string): string {
  return code(sha.slice(0, 7));
}

/** A commit SHA is shown short; other pins (a path, name@version) as they are. */
function shortPin(pin: string): string {
  return /^[0-9a-f]{40}$/.test(pin) ? pin.slice(0, 7) : pin;
}

/** A value as JSON, with literal secrets redacted: a pull-request comment is public. */
function shown(value: unknown): string {
  return canonicalJson(redactLiteralSecrets(value));
}
