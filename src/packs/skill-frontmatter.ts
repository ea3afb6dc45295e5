/**
 * The YAML frontmatter of a SKILL.md (Agent Skills format): a `---` line first, YAML, a closing
 * `---` line. Only `name` and `description` are checked here; other keys (license,
 * allowed-tools, metadata, …) belong to the agents and pass without comment.
 */
import { canonicalText } from "../core/file-content.js";
import type { Diagnostic, SourceLocation } from "../core/diagnostics.js";
import { locate } from "../config/yaml-source.js";
import { parseYamlSource } from "../config/yaml-source.js";
import { packDiagnostic } from "./pack-diagnostics.js";
import { isSlug } from "./names.js";

export interface SkillFrontmatterResult {
  /** The description, trimmed; absent when the frontmatter is unusable or has none. */
  description?: string;
  /** Where the skill is named: the `name` value when there is one, else the file. */
  nameLocation: SourceLocation;
  diagnostics: Diagnostic[];
}

const DELIMITER = /^---[ \t]*$/;

/**
 * Check the SKILL.md of the skill folder named `folderName`. `file` is the path shown to the user.
 * The frontmatter must name the skill exactly as its folder: agents find skills by folder and
 * refer to them by name, and the two disagreeing is a broken install.
 */
export function checkSkillFrontmatter(file: string, text: string, folderName: string): SkillFrontmatterResult {
  const lines = canonicalText(text).split("\n");
  if (!DELIMITER.test(lines[0] ?? "")) {
    return fail(file, packDiagnostic("error", "pack/skill-no-frontmatter", "SKILL.md does not start with a --- frontmatter block",
      { file, line: 1, col: 1 }, `Start the file with a frontmatter block: a "---" line, "name: ${folderName}", "description: …", and a closing "---" line.`));
  }
  const end = lines.findIndex((l, i) => i > 0 && DELIMITER.test(l));
  if (end < 0) {
    return fail(file, packDiagnostic("error", "pack/skill-no-frontmatter", "SKILL.md frontmatter is not closed by a --- line",
      { file, line: 1, col: 1 }, "Add a line with only --- after the frontmatter."));
  }
  const simple = simpleFrontmatter(lines.slice(1, end));
  if (simple && simple.name === folderName && isSlug(simple.name) && simple.description !== "") {
    return { description: simple.description, nameLocation: { file, line: simple.nameLine + 2, col: "name: ".length + 1 }, diagnostics: [] };
  }
  // Keep line numbers true to the file: the opening --- becomes an empty first line.
  const parsed = parseYamlSource(file, ["", ...lines.slice(1, end)].join("\n"), "pack");
  if (parsed.diagnostics.length > 0) return fail(file, ...parsed.diagnostics);
  const data = parsed.value ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return fail(file, packDiagnostic("error", "pack/wrong-type", "SKILL.md frontmatter must be a mapping of keys to values",
      { file, line: 2, col: 1 }, `Write "name: ${folderName}" and "description: …" lines between the --- lines.`));
  }
  const { name, description } = data as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  const nameLocation = locate(parsed.source, ["name"]);
  if (typeof name !== "string" || name !== folderName || !isSlug(name)) {
    const summary = typeof name !== "string"
      ? `SKILL.md has no name; it must be "${folderName}", its folder's name`
      : !isSlug(name)
        ? `skill name "${name}" is not a slug (lowercase letters, digits, single hyphens)`
        : `skill name "${name}" differs from its folder "${folderName}"`;
    const hint = isSlug(folderName)
      ? `Write "name: ${folderName}" in the frontmatter, or rename the folder to match.`
      : "Rename the folder and the name to the same lowercase, hyphenated slug.";
    diagnostics.push(packDiagnostic("error", "pack/skill-name-mismatch", summary, nameLocation, hint));
  }
  const trimmed = typeof description === "string" ? description.trim() : "";
  if (trimmed === "") {
    const summary = description === undefined || description === null
      ? "SKILL.md has no description"
      : typeof description === "string" ? "SKILL.md description is empty" : "SKILL.md description must be text";
    diagnostics.push(packDiagnostic("error", "pack/skill-no-description", summary,
      locate(parsed.source, ["description"]), "Add \"description: …\" saying what the skill does and when an agent should use it."));
    return { nameLocation, diagnostics };
  }
  return { description: trimmed, nameLocation, diagnostics };
}

/**
 * The frontmatter most skills have, `name:` and `description:` each on one line as a plain YAML
 * scalar, read without the YAML parser (a plan reads every SKILL.md of every pack). Returns
 * undefined for anything else: other keys, comments, blank lines, quotes, a value YAML would read
 * as something other than that exact string. `nameLine` is the index of the name's line in
 * `lines` (the lines between the --- lines). test/packs/skill-frontmatter.test.ts holds it to
 * what the YAML parser reads.
 */
export function simpleFrontmatter(lines: readonly string[]): { name: string; description: string; nameLine: number } | undefined {
  if (lines.length !== 2) return undefined;
  const values = new Map<string, string>();
  let nameLine = -1;
  for (const [i, line] of lines.entries()) {
    const m = /^(name|description): (.*)$/.exec(line);
    if (!m || values.has(m[1]!) || !plainText(m[2]!)) return undefined;
    values.set(m[1]!, m[2]!);
    if (m[1] === "name") nameLine = i;
  }
  const name = values.get("name");
  const description = values.get("description");
  return name !== undefined && description !== undefined ? { name, description, nameLine } : undefined;
}

/**
 * A one-line plain scalar YAML reads as exactly this text: starts with a letter, no `: ` or ` #`
 * (a mapping or a comment), no trailing `:` or spaces, no control or line-break characters, not
 * a keyword of the core schema.
 */
function plainText(v: string): boolean {
  return /^[A-Za-z]/.test(v) && v === v.trim() && !v.includes(": ") && !v.includes(" #") && !v.endsWith(":")
    && !/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(v) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(v);
}

function fail(file: string, ...diagnostics: Diagnostic[]): SkillFrontmatterResult {
  return { nameLocation: { file }, diagnostics };
}
