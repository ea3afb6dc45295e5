/**
 * The always-on context budget: roughly how many tokens of text an agent loads into every
 * session (instructions, and each skill's name and description, which agents list up front) a
 * plan adds or removes. An estimate: about 4 characters a token, which is what tokenizers
 * average on English prose and code; good for comparing changes, not for billing.
 */
import type { AgentId } from "./agent-id.js";
import type { FileContent } from "./file-content.js";
import type { ItemDecision } from "./plan-items.js";
import type { LiveView } from "./live.js";

export interface BudgetChange {
  /** Tokens the change adds to, and removes from, the text the agent always loads. */
  added: number;
  removed: number;
}

export const CHARS_PER_TOKEN = 4;

export function tokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Per agent served, the always-loaded text the plan's writes add and remove. */
export function contextBudget(decisions: readonly ItemDecision[], live: LiveView): Partial<Record<AgentId, BudgetChange>> {
  const out: Partial<Record<AgentId, BudgetChange>> = {};
  for (const x of decisions) {
    if (x.decision.write === "nothing") continue;
    const base = (x.desired ?? x.recorded)!;
    const kind = alwaysLoaded(base.address.path, base.address.kind, x.desired?.instructions === true);
    if (!kind) continue;
    const after = x.decision.write === "desired" && x.desired ? desiredText(x.desired.value) : undefined;
    const before = liveText(x, live);
    const add = after === undefined ? 0 : tokens(kind === "skill" ? skillHeader(after) : after);
    const remove = before === undefined ? 0 : tokens(kind === "skill" ? skillHeader(before) : before);
    if (add === remove) continue;
    for (const agent of x.desired ? x.desired.serves : [x.recorded!.agent as AgentId]) {
      const b = (out[agent] ??= { added: 0, removed: 0 });
      b.added += add;
      b.removed += remove;
    }
  }
  return out;
}

/** Instructions and SKILL.md files are always loaded; other skill files only when used. */
function alwaysLoaded(path: string, kind: string, instructions: boolean): "skill" | "instructions" | undefined {
  if (/(^|\/)skills\/[^/]+\/SKILL\.md$/.test(path)) return "skill";
  if (instructions || kind === "section") return "instructions";
  if (kind === "file" && /^(\.claude\/rules|\.opencode\/instructions|\.github\/instructions|\.cursor\/rules)\//.test(path)) return "instructions";
  return undefined;
}

function desiredText(v: NonNullable<ItemDecision["desired"]>["value"]): string | undefined {
  if (v.type === "text") return v.text;
  if (v.type === "file") return textOf(v.content);
  return undefined; // a config entry that loads a file: the file itself is counted
}

function liveText(x: ItemDecision, live: LiveView): string | undefined {
  const a = (x.desired ?? x.recorded)!.address;
  if (a.kind === "file") return live.file(a.path).text;
  if (a.kind === "section") return live.entry(a)?.value as string | undefined;
  return undefined;
}

function textOf(c: FileContent): string | undefined {
  return c.encoding === "utf8" ? c.text : undefined;
}

/** What agents list for a skill up front: the frontmatter (name and description). */
function skillHeader(text: string): string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? m[1]! : "";
}
