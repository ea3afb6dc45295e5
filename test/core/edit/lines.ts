/** Test helpers: a file's text from its lines, so expected outputs read like the file. */

/** Lines joined by "\n", with a final newline. */
export function lf(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

/** Lines joined by "\r\n", with a final newline. */
export function crlf(...lines: string[]): string {
  return lines.join("\r\n") + "\r\n";
}
