/**
 * Build the new text of a shared TOML config (Codex's `.codex/config.toml`) from the decisions on
 * its tables. packs owns whole tables (`[mcp_servers.<name>]` and their subtables); every other
 * byte of the file stays. A file packs created is deleted once no table of ours is left.
 * One edit session (edit/toml-session.ts) makes all the edits, so a file that gains a table per
 * pack costs time in proportion to the packs, not to their square.
 */
import { encodePointer, isJsonObject, type JsonValue } from "./json.js";
import { parseToml } from "./edit/toml-parse.js";
import { TomlEditSession } from "./edit/toml-session.js";
import { ignoreAt, keepIgnored } from "./ignore.js";
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
  const session = new TomlEditSession(liveText ?? "");
  if (liveText === undefined) out.createdNow.push(path);
  // Writes first, then removals, as for JSON files.
  const ordered = [...decisions.filter((d) => d.decision.write === "desired"), ...decisions.filter((d) => d.decision.write === "delete")];
  for (const x of ordered) {
    const a = (x.desired ?? x.recorded)!.address;
    if (a.kind !== "entry") throw new Error(`bug: ${x.id} is not a TOML table`);
    const op = x.decision.write === "desired" ? "set-table" : "remove-table";
    const problem = session.problem(a.pointer, op);
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
    const existed = session.form(a.pointer) !== "absent";
    if (x.decision.write === "desired") {
      const desired = (x.desired!.value as { value: JsonValue }).value;
      const rules = ignoreAt(ignore, a.pointer);
      const value = rules.whole || rules.inner.length > 0 ? keepIgnored(desired, session.valueAt(a.pointer), x.recorded?.value, rules) : desired;
      if (!isJsonObject(value)) throw new Error(`bug: TOML item ${x.id} is not a table`);
      session.apply({ op: "set-table", path: a.pointer, value });
      out.patches.set(x.id, [{ op: existed ? "replace" : "add", path: encodePointer(a.pointer), value }]);
    } else {
      session.apply({ op: "remove-table", path: a.pointer });
      out.patches.set(x.id, [{ op: "remove", path: encodePointer(a.pointer) }]);
    }
  }
  const text = session.result();
  const ours = created.has(path) || out.createdNow.includes(path);
  const empty = text.trim() === "" && Object.keys(parseToml(text).value ?? {}).length === 0;
  if (ours && empty) {
    out.after = liveText === undefined ? undefined : null;
    out.removed.push(path);
  } else if (text !== liveText) {
    out.after = text;
  }
  return out;
}
