/**
 * Build a diagnostic positioned at a YAML path (DESIGN §6.4: every problem names file:line:col).
 * `which: "key"` points at the key of a map entry rather than its value.
 */
import type { Diagnostic, Severity } from "../core/diagnostics.js";
import type { PacksYamlCode } from "./diagnostic-codes.js";
import { locate, type YamlPath, type YamlSource } from "./yaml-source.js";

export interface LocatedProblem {
  severity: Severity;
  code: PacksYamlCode;
  summary: string;
  hint: string;
  path: YamlPath;
  which?: "key" | "value";
}

export function locatedDiagnostic(source: YamlSource, p: LocatedProblem): Diagnostic {
  return { code: p.code, severity: p.severity, summary: p.summary, location: locate(source, p.path, p.which ?? "value"), hint: p.hint };
}

/** A YAML path as users read it: `packs.github-tools.exclude[0]`. */
export function formatYamlPath(path: YamlPath): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : `${out === "" ? "" : "."}${String(seg)}`;
  return out === "" ? "top level" : out;
}
