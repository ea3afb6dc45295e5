/** Printing outcomes: diagnostics to stderr (or as JSON), and the JSON envelope of every command. */
import type { Diagnostic } from "../core/diagnostics.js";
import { renderDiagnostics } from "../ui/render-diagnostics.js";
import type { CliIo } from "./cli-io.js";
import type { Style } from "../ui/style.js";

export const JSON_FORMAT_VERSION = "1";

export function printJson(io: CliIo, value: Record<string, unknown>): void {
  io.out(JSON.stringify({ format_version: JSON_FORMAT_VERSION, ...value }, null, 2) + "\n");
}

/** Print errors; returns exit code 1. */
export function fail(io: CliIo, diagnostics: readonly Diagnostic[], style: Style, json: boolean | undefined): number {
  if (json) printJson(io, { ok: false, diagnostics });
  else io.err(renderDiagnostics(diagnostics, style) + errorTrailer(diagnostics));
  return 1;
}

function errorTrailer(diagnostics: readonly Diagnostic[]): string {
  const n = diagnostics.filter((d) => d.severity === "error").length;
  return n === 0 ? "" : `\n${n} error${n === 1 ? "" : "s"}; nothing was written.\n`;
}
