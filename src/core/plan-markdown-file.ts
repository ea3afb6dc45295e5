/**
 * Build the new text of a shared Markdown file (AGENTS.md, GEMINI.md, …) from the decisions on
 * its packs sections. Text outside the markers is never touched; a file packs created is deleted
 * once no section is left in it. One edit session (edit/markdown-session.ts) makes all the edits,
 * so a file that gains a section per pack costs time in proportion to the packs.
 */
import { MarkdownEditSession } from "./edit/markdown-session.js";
import { emptyResult, type FileBuildResult } from "./plan-file-result.js";
import type { ItemDecision } from "./plan-items.js";

export function buildMarkdownFile(path: string, liveText: string | undefined, decisions: readonly ItemDecision[], created: ReadonlySet<string>): FileBuildResult {
  const out = emptyResult();
  const session = new MarkdownEditSession(liveText ?? "");
  if (liveText === undefined) out.createdNow.push(path);
  for (const x of decisions) {
    const a = (x.desired ?? x.recorded)!.address;
    if (a.kind !== "section") throw new Error(`bug: ${x.id} is not a section`);
    if (x.decision.write === "desired") {
      const v = x.desired!.value;
      if (v.type !== "text") throw new Error(`bug: section ${x.id} wants ${v.type}`);
      session.set(a.id, v.text);
    } else if (x.decision.write === "delete") {
      session.remove(a.id);
    }
  }
  const text = session.result();
  const ours = created.has(path) || out.createdNow.includes(path);
  if (ours && text.trim() === "") {
    out.after = liveText === undefined ? undefined : null;
    out.removed.push(path);
  } else if (text !== liveText) {
    out.after = text;
  }
  return out;
}
