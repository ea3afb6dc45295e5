/**
 * Build the new text of a shared TOML config (Codex's `.codex/config.toml`) from the decisions on
 * its tables. packs owns whole tables (`[mcp_servers.<name>]` and their subtables); every other
 * byte of the file stays. A file packs created is deleted once no table of ours is left.
 */
import { encodePointer, isJsonObject, type JsonValue } from "./json.js";
import { parseToml } from "./edit/toml-parse.js";
import { applyTomlEdits } from "./edit/toml-edit.js";
import { tableEditProblem, tableForm } from "./edit/toml-form.js";
import { ignoreAt, keepIgnored } from "./ignore.js";
import { valueAt } from "./edit/jsonc-parse.js";
import { emptyResult, type FileBuildResult } from "./plan-file-result.js";
import type { ItemDecision } from "./plan-items.js";

export function buildTomlFile(
  path: string,
  liveText: string | undefined,
  decisions: readonly ItemDecision[],
  created: ReadonlySet<string>,
  /** This file's `ignore:` patterns: what is on disk there is kept (core/ignore.ts). */
  ignore?: readonly (readonly string[])[],
): FileBuildResult {
  const out = emptyResult();
  let text = liveText ?? "";
  if (liveText === undefined) out.createdNow.push(path);
  // Writes first, then removals, as for JSON files.
  const ordered = [...decisions.filter((d) => d.decision.write === "desired"), ...decisions.filter((d) => d.decision.write === "delete")];
  for (const x of ordered) {
    const a = (x.desired ?? x.recorded)!.address;
    if (a.kind !== "entry") throw new Error(`bug: ${x.id} is not a TOML table`);
    const op = x.decision.write === "desired" ? "set-table" : "remove-table";
    const problem = tableEditProblem(text, a.pointer, op);
    if (problem) {
      out.diagnostics.push({
        code: "config/unsupported-toml-form",
        severity: "error",
        summary: problem,
        location: { file: path },
        hint: `Write it as a [${a.pointer.join(".")}] table (or remove it), then plan again.`,
      });
      continue;
    }
    const existed = tableForm(text, a.pointer) !== "absent";
    if (x.decision.write === "desired") {
      const desired = (x.desired!.value as { value: JsonValue }).value;
      const rules = ignoreAt(ignore, a.pointer);
      const value = rules.whole || rules.inner.length > 0 ? keepIgnored(desired, valueAt(parseToml(text).value, a.pointer), x.recorded?.value, rules) : desired;
      if (!isJsonObject(value)) throw new Error(`bug: TOML item ${x.id} is not a table`);
      text = applyTomlEdits(text, [{ op: "set-table", path: a.pointer, value }]);
      out.patches.set(x.id, [{ op: existed ? "replace" : "add", path: encodePointer(a.pointer), value }]);
    } else {
      text = applyTomlEdits(text, [{ op: "remove-table", path: a.pointer }]);
      out.patches.set(x.id, [{ op: "remove", path: encodePointer(a.pointer) }]);
    }
  }
  const ours = created.has(path) || out.createdNow.includes(path);
  const empty = Object.keys(parseToml(text).value ?? {}).length === 0 && text.trim() === "";
  if (ours && empty) {
    out.after = liveText === undefined ? undefined : null;
    out.removed.push(path);
  } else if (text !== liveText) {
    out.after = text;
  }
  return out;
}
