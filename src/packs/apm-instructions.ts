/**
 * The instructions of an APM plugin bundle: every `instructions/**\/*.instructions.md`, in path
 * order, becomes one Markdown text (the pack's `instructions`).
 *
 * An APM instruction is a rule with YAML frontmatter: `description` (a one-line summary for
 * APM's compiled indexes) and `applyTo` (a glob, a comma-separated list of globs, or a YAML list:
 * the files the rule is for). packs installs a pack's instructions as one always-on text, so the
 * frontmatter cannot stay: a `---` block in the middle of a Markdown file is not frontmatter to any
 * agent. It is stripped. Its meaning is kept where it matters: a rule scoped by `applyTo` starts
 * with a line saying which files it applies to, and an info diagnostic says the scope became
 * advisory (APM itself folds instructions into one AGENTS.md / GEMINI.md for the agents that read
 * no per-file rules, `apm compile`). `description` is dropped.
 */
import { canonicalText } from "../core/file-content.js";
import { locate, parseYamlSource } from "../config/yaml-source.js";
import { compareStrings, displayPath } from "./pack-paths.js";
import { filesUnder, listSome, pluginFileLocation, type PluginContext } from "./plugin-context.js";

export const INSTRUCTIONS_DIR = "instructions";
export const INSTRUCTION_SUFFIX = ".instructions.md";

const DELIMITER = /^---[ \t]*$/;
/** `applyTo` globs that mean "every file": no scope line for them. */
const EVERY_FILE = new Set(["**", "**/*", "*", "**/*.*"]);

export function apmInstructions(ctx: PluginContext): string | undefined {
  const files = filesUnder(ctx, INSTRUCTIONS_DIR).sort((a, b) => compareStrings(a.path, b.path));
  const ignored = files.filter((f) => !f.path.endsWith(INSTRUCTION_SUFFIX)).map((f) => f.path);
  if (ignored.length > 0) {
    ctx.sink.warning("pack/plugin-file-ignored", `files in ${INSTRUCTIONS_DIR}/ not named *${INSTRUCTION_SUFFIX} are not read: ${listSome(ignored)}`,
      pluginFileLocation(ctx, ignored[0]!), `Rename an instruction to <name>${INSTRUCTION_SUFFIX}, or move other files out of ${INSTRUCTIONS_DIR}/.`);
  }
  const sections: string[] = [];
  for (const file of files.filter((f) => f.path.endsWith(INSTRUCTION_SUFFIX))) {
    const shown = displayPath(ctx.displayRoot, file.path);
    if (file.content.encoding !== "utf8") {
      ctx.sink.error("pack/not-utf8", `${file.path} is not UTF-8 text`, { file: shown }, `Save ${file.path} as UTF-8.`);
      continue;
    }
    const section = instructionSection(ctx, shown, canonicalText(file.content.text));
    if (section !== undefined && section !== "") sections.push(section);
  }
  return sections.length > 0 ? `${sections.join("\n\n")}\n` : undefined;
}

/** One instruction file's body, frontmatter replaced by its scope line; undefined when it is broken. */
function instructionSection(ctx: PluginContext, shown: string, text: string): string | undefined {
  const lines = text.split("\n");
  const end = DELIMITER.test(lines[0] ?? "") ? lines.findIndex((l, i) => i > 0 && DELIMITER.test(l)) : -1;
  // Without a closed --- block the whole file is the body, as APM's frontmatter reader takes it.
  if (end < 0) return trimBody(text);
  // Keep line numbers true to the file: the opening --- becomes an empty first line.
  const parsed = parseYamlSource(shown, ["", ...lines.slice(1, end)].join("\n"), "pack");
  ctx.sink.add(...parsed.diagnostics);
  if (parsed.diagnostics.length > 0) return undefined;
  const data = parsed.value ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    ctx.sink.error("pack/wrong-type", "instruction frontmatter must be a mapping of keys to values", { file: shown, line: 2, col: 1 },
      'Write "description: …" and "applyTo: \\"**/*.py\\"" lines between the --- lines.');
    return undefined;
  }
  const body = trimBody(lines.slice(end + 1).join("\n"));
  const applyTo = (data as Record<string, unknown>)["applyTo"];
  const globs = typeof applyTo === "string" ? splitGlobs(applyTo)
    : Array.isArray(applyTo) && applyTo.every((g) => typeof g === "string" || g === null) ? applyTo.filter((g): g is string => typeof g === "string").map((g) => g.trim()).filter(Boolean)
    : undefined;
  if (globs === undefined && applyTo !== undefined && applyTo !== null) {
    ctx.sink.error("pack/wrong-type", "applyTo must be a glob or a list of globs", locate(parsed.source, ["applyTo"]),
      'Write applyTo: "**/*.py" (several: "**/*.py,**/*.pyi", or a YAML list).');
    return undefined;
  }
  const scoped = (globs ?? []).filter((g) => !EVERY_FILE.has(g));
  if (scoped.length === 0 || body === "") return body;
  const shownGlobs = scoped.map((g) => `\`${g}\``).join(", ");
  ctx.sink.info("pack/instruction-scope", `this instruction applies to ${scoped.join(", ")} only; it is installed as always-on text that says so`,
    locate(parsed.source, ["applyTo"]), "Agents read a pack's instructions for every file; the scope line asks them to apply the rule only where it belongs.");
  return `> Applies to files matching ${shownGlobs}.\n\n${body}`;
}

/** Leading blank lines and trailing white space go; indentation of the first line stays. */
function trimBody(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, "").replace(/\s+$/, "");
}

/** APM's comma list: commas inside `{a,b}` and escaped `\,` are part of a glob. */
export function splitGlobs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && text[i + 1] === ",") {
      cur += ",";
      i++;
      continue;
    }
    if (ch === "{") depth++;
    if (ch === "}") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((g) => g.trim()).filter(Boolean);
}
