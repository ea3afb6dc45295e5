/**
 * The diagnostic codes only the plugin formats (a Claude Code plugin, an APM plugin bundle) emit,
 * with what each means. The loaders of those formats also use the shared codes of
 * pack-diagnostics.ts where the meaning is the same (`pack/wrong-type`, `pack/unsafe-path`,
 * `pack/skill-not-found`, ...). Codes are stable: tools and docs refer to them.
 */
import type { Diagnostic, Severity, SourceLocation } from "../core/diagnostics.js";
import type { PackDiagnosticCode } from "./pack-diagnostics.js";

export const PLUGIN_DIAGNOSTIC_CODES = {
  "pack/json-syntax": "plugin.json or an MCP config file of a plugin is not valid JSON",
  "pack/version-missing": "the plugin manifest has no version; 0.0.0 is used (info)",
  "pack/component-skipped": "a part of the plugin packs cannot install (commands, agents, hooks, ...); it is skipped (warning)",
  "pack/plugin-root-reference": "an MCP server refers to ${CLAUDE_PLUGIN_ROOT} or ${CLAUDE_PLUGIN_DATA}; the server is skipped (warning)",
  "pack/plugin-variable": "an MCP server uses a substitution only Claude Code performs (${user_config.*}, ${VAR:-default}); the server is skipped (warning)",
  "pack/plugin-file-not-found": "a file the plugin manifest names does not exist in the plugin",
  "pack/plugin-file-ignored": "a file of the plugin that its format would load, but packs does not read (warning)",
  "pack/instruction-scope": "an APM instruction is scoped to a glob (applyTo); packs installs it as always-on text (info)",
} as const;

export type PluginDiagnosticCode = keyof typeof PLUGIN_DIAGNOSTIC_CODES;

/** Every code a plugin loader may emit: its own, or one shared with PACK.yaml. */
export type AnyPackCode = PackDiagnosticCode | PluginDiagnosticCode;

export function pluginDiagnostic(severity: Severity, code: AnyPackCode, summary: string, location: SourceLocation | undefined, hint: string): Diagnostic {
  const d: Diagnostic = { code, severity, summary };
  if (location) d.location = location;
  d.hint = hint;
  return d;
}

/** Collects diagnostics in the order problems are found; every one carries a hint. */
export class PluginSink {
  readonly all: Diagnostic[] = [];

  add(...ds: Diagnostic[]): void {
    this.all.push(...ds);
  }

  error(code: AnyPackCode, summary: string, location: SourceLocation | undefined, hint: string): void {
    this.all.push(pluginDiagnostic("error", code, summary, location, hint));
  }

  warning(code: AnyPackCode, summary: string, location: SourceLocation | undefined, hint: string): void {
    this.all.push(pluginDiagnostic("warning", code, summary, location, hint));
  }

  info(code: AnyPackCode, summary: string, location: SourceLocation | undefined, hint: string): void {
    this.all.push(pluginDiagnostic("info", code, summary, location, hint));
  }
}
