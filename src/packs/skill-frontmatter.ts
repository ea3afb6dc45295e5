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

function fail(file: string, ...diagnostics: Diagnostic[]): SkillFrontmatterResult {
  return { nameLocation: { file }, diagnostics };
}
