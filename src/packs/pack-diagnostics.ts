/**
 * Every diagnostic code the pack loader emits, with what it means. Codes are stable: tools and
 * docs refer to them. Constructing a diagnostic with a code not listed here does not compile.
 */
import type { Diagnostic, Severity, SourceLocation } from "../core/diagnostics.js";

export const PACK_DIAGNOSTIC_CODES = {
  "pack/no-manifest": "the folder has neither PACK.yaml nor KIT.yaml",
  "pack/legacy-manifest": "the manifest uses the legacy name KIT.yaml (info)",
  "pack/both-manifests": "both PACK.yaml and KIT.yaml exist; PACK.yaml is used (warning)",
  "pack/not-utf8": "a manifest or SKILL.md is not UTF-8 text",
  "pack/yaml-syntax": "a YAML syntax error in the manifest or a SKILL.md frontmatter",
  "pack/duplicate-key": "a YAML mapping has the same key twice",
  "pack/yaml-aliases": "YAML aliases expand too far",
  "pack/unknown-key": "a key the format does not define; it is ignored (warning)",
  "pack/missing-field": "a required field is absent or empty",
  "pack/wrong-type": "a value of the wrong type (a number where a string is expected, a string where a list is expected)",
  "pack/invalid-value": "a value outside the allowed set (tier, activation, MCP type)",
  "pack/invalid-name": "a pack, MCP server or skill group name that is not allowed",
  "pack/unsafe-path": "a path that is absolute, contains `..` or a backslash",
  "pack/symlink-ignored": "a symlink in the pack; it is not followed (warning)",
  "pack/invalid-skill-entry": "a skills entry that is not a name, {path} or {source, select}",
  "pack/remote-skill-source": "a skills entry whose source is a remote repository (not supported yet)",
  "pack/skill-not-found": "a {path} or local {source} that holds no skill folder",
  "pack/unknown-skill": "a skill name that matches no skill in the pack",
  "pack/duplicate-skill": "two different folders give the same skill name",
  "pack/skill-no-frontmatter": "a SKILL.md without a (closed) `---` frontmatter block",
  "pack/skill-name-mismatch": "a SKILL.md name that is missing, not a slug, or not its folder's name",
  "pack/skill-no-description": "a SKILL.md without a non-empty description",
  "pack/group-detect-without-rules": "a skill group with `activation: detect` and no detect rules",
  "pack/group-detect-unused": "a skill group with detect rules but another activation (warning)",
  "pack/mcp-missing-command": "a stdio MCP server without a command",
  "pack/mcp-missing-url": "an http or sse MCP server without a url",
  "pack/mcp-invalid-url": "an MCP url that is not http(s)",
  "pack/mcp-unused-field": "an MCP field that its transport ignores (warning)",
  "pack/bad-env-ref": "an MCP value with a malformed environment reference (`${env:}`, `${env:A`, `${A B}`)",
  "pack/invalid-plugin-spec": "a plugins entry that is not an npm package spec",
} as const;

export type PackDiagnosticCode = keyof typeof PACK_DIAGNOSTIC_CODES;

export function packDiagnostic(
  severity: Severity,
  code: PackDiagnosticCode,
  summary: string,
  location: SourceLocation | undefined,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { code, severity, summary };
  if (location) d.location = location;
  if (hint) d.hint = hint;
  return d;
}

/** Collects diagnostics in the order problems are found. */
export class DiagnosticSink {
  readonly all: Diagnostic[] = [];

  add(...ds: Diagnostic[]): void {
    this.all.push(...ds);
  }

  error(code: PackDiagnosticCode, summary: string, location: SourceLocation | undefined, hint?: string): void {
    this.all.push(packDiagnostic("error", code, summary, location, hint));
  }

  warning(code: PackDiagnosticCode, summary: string, location: SourceLocation | undefined, hint?: string): void {
    this.all.push(packDiagnostic("warning", code, summary, location, hint));
  }

  info(code: PackDiagnosticCode, summary: string, location: SourceLocation | undefined, hint?: string): void {
    this.all.push(packDiagnostic("info", code, summary, location, hint));
  }
}
