/** Lines for network operations while sources resolve (shown on a terminal only). */
import type { Style } from "./style.js";

export function fetchStartLine(what: string, style: Style): string {
  return style.dim(`  … ${what}\n`);
}

export function fetchEndLine(what: string, ok: boolean, seconds: number, style: Style): string {
  return `  ${ok ? style.green("✓") : style.red("✗")} ${what} ${style.dim(`(${seconds.toFixed(1)} s)`)}\n`;
}
