/** Shared helpers for packs.yaml loader tests. */
import { loadProjectConfig } from "../../src/config/load-project-config.js";

/** Join lines into a YAML text with a final newline, so line numbers are easy to read off. */
export function yaml(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

/** Diagnostics as compact `code line:col` strings (severity prefixed for warnings). */
export function found(text: string): string[] {
  return loadProjectConfig("packs.yaml", text).diagnostics.map(
    (d) => `${d.severity === "warning" ? "warning " : ""}${d.code} ${d.location?.line ?? "?"}:${d.location?.col ?? "?"}`,
  );
}
