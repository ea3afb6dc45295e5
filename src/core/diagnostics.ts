/**
 * User mistakes are diagnostics, never exceptions (DESIGN §6.4). Loaders collect every problem
 * in one pass and return them; only bugs throw.
 */
export type Severity = "error" | "warning" | "info";

/** Where a problem is. `line` and `col` are 1-based; absent when the problem has no position. */
export interface SourceLocation {
  file: string;
  line?: number;
  col?: number;
}

export interface Diagnostic {
  /** Stable, documented identifier, `area/name`, e.g. `packs-yaml/wrong-type`. */
  code: string;
  severity: Severity;
  /** One line saying what is wrong. */
  summary: string;
  location?: SourceLocation;
  /** Optional longer explanation. */
  detail?: string;
  /** What the user should do about it. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function error(code: string, summary: string, extra: Omit<Diagnostic, "code" | "summary" | "severity"> = {}): Diagnostic {
  return { code, severity: "error", summary, ...extra };
}

export function warning(code: string, summary: string, extra: Omit<Diagnostic, "code" | "summary" | "severity"> = {}): Diagnostic {
  return { code, severity: "warning", summary, ...extra };
}

/** `file:line:col`, or as much of it as is known. */
export function formatLocation(loc: SourceLocation): string {
  if (loc.line === undefined) return loc.file;
  return loc.col === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.col}`;
}
