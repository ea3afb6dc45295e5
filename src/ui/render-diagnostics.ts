/** Diagnostics as text: `error[code] file:line:col: summary`, then the hint. */
import { formatLocation, type Diagnostic } from "../core/diagnostics.js";
import type { Style } from "./style.js";

export function renderDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  return diagnostics.map((d) => renderDiagnostic(d, style)).join("");
}

function renderDiagnostic(d: Diagnostic, style: Style): string {
  const label = d.severity === "error" ? style.red("error") : d.severity === "warning" ? style.yellow("warning") : style.cyan("info");
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  let out = `${label}[${d.code}] ${where}${d.summary}\n`;
  if (d.detail) out += `  ${d.detail}\n`;
  if (d.hint) out += `  ${style.dim("hint:")} ${d.hint}\n`;
  return out;
}
