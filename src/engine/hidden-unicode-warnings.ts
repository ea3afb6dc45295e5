/**
 * `packs plan` warns about hidden Unicode (core/hidden-unicode) in what it is about to give an
 * agent: every text file of each selected skill, and the pack's instructions. The same code as
 * `packs validate` (`pack/hidden-unicode`), with file:line:col and the code point; a warning,
 * since right-to-left text and emoji sequences are legitimate, so the reviewer decides.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { describeRun, hiddenRuns, type HiddenRun } from "../core/hidden-unicode.js";
import type { Selection } from "../core/select-components.js";
import { displayPath } from "../packs/pack-paths.js";
import type { ResolvedPack } from "../sources/resolve-source.js";

/** Findings reported per file at most; the rest are counted in one more. */
const MAX_PER_FILE = 20;

export function hiddenUnicodeWarnings(sel: Selection, resolved: ResolvedPack): Diagnostic[] {
  const root = packDisplayRoot(resolved);
  const out: Diagnostic[] = [];
  for (const skill of sel.skills) {
    for (const f of skill.files) {
      if (f.content.encoding !== "utf8") continue;
      const file = displayPath(root, skill.dir === "" ? f.path : `${skill.dir}/${f.path}`);
      out.push(...fileWarnings(sel.key, file, hiddenRuns(f.content.text)));
    }
  }
  // What the plan shows of an MCP server or a plugin is what a reviewer approves: a bidirectional
  // control in a command line can make it read as another command.
  const manifest = displayPath(root, sel.pack.manifest);
  for (const m of sel.mcp) {
    const fields: [string, string][] = [
      ...(m.command ?? []).map((v, i) => [`command[${i}]`, v] as [string, string]),
      ...(m.url !== undefined ? [["url", m.url] as [string, string]] : []),
      ...Object.entries(m.env ?? {}).map(([k, v]) => [`env.${k}`, `${k}=${v}`] as [string, string]),
      ...Object.entries(m.headers ?? {}).map(([k, v]) => [`headers.${k}`, `${k}: ${v}`] as [string, string]),
    ];
    for (const [field, text] of fields) {
      for (const run of hiddenRuns(text).slice(0, MAX_PER_FILE)) out.push(valueWarning(sel.key, manifest, `MCP server "${m.name}" ${field}`, run));
    }
  }
  for (const spec of sel.plugins) for (const run of hiddenRuns(spec).slice(0, MAX_PER_FILE)) out.push(valueWarning(sel.key, manifest, "plugin spec", run));
  if (sel.instructions !== undefined) {
    const runs = hiddenRuns(sel.instructions);
    const file = displayPath(root, sel.pack.manifest);
    // The instructions are text taken from the manifest (or its instructions/ files): the
    // position is given within that text.
    out.push(...fileWarnings(sel.key, file, runs, true));
  }
  return out;
}

function fileWarnings(key: string, file: string, runs: HiddenRun[], inInstructions = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const run of runs.slice(0, MAX_PER_FILE)) {
    const where = inInstructions ? ` in its instructions (line ${run.line}, column ${run.col})` : "";
    out.push({
      code: "pack/hidden-unicode",
      severity: "warning",
      summary: `pack "${key}"${where}: ${describeRun(run)}: invisible in review, read by the agent`,
      location: inInstructions ? { file } : { file, line: run.line, col: run.col },
      hint: run.chars.some((c) => c.kind === "bidi")
        ? "Bidirectional controls can make the text shown differ from the text read (\"Trojan Source\"); ask the pack's author to delete them, or exclude the component in packs.yaml."
        : "Invisible characters can hide instructions from a reviewer; ask the pack's author to delete them, or exclude the component in packs.yaml.",
    });
  }
  if (runs.length > MAX_PER_FILE) {
    out.push({ code: "pack/hidden-unicode", severity: "warning", summary: `pack "${key}": ${runs.length - MAX_PER_FILE} more places with hidden characters in this file`, location: { file }, hint: "Run `packs validate` on the pack to list them all." });
  }
  return out;
}

function valueWarning(key: string, file: string, what: string, run: HiddenRun): Diagnostic {
  return {
    code: "pack/hidden-unicode",
    severity: "warning",
    summary: `pack "${key}": ${what}: ${describeRun(run)}: what the plan shows is not what the agent runs`,
    location: { file },
    hint: "Ask the pack's author to delete the character; do not apply until you know what the value really is.",
  };
}

/** How the pack's folder is named in messages: the folder for a local source, else the source as written. */
function packDisplayRoot(resolved: ResolvedPack): string {
  const { entry } = resolved;
  if (entry.source.kind === "local") return entry.source.path.replace(/^(\.\/)+/, "");
  return entry.path ? `${entry.sourceText}//${entry.path}` : entry.sourceText;
}
