/**
 * File content as it travels through the plan: UTF-8 text when the bytes are valid UTF-8,
 * base64 otherwise. Plain data, so a saved plan carries exactly the bytes apply will write.
 */
export type FileContent =
  | { encoding: "utf8"; text: string }
  | { encoding: "base64"; data: string };

export function textContent(text: string): FileContent {
  return { encoding: "utf8", text };
}

/**
 * The canonical form of text for comparison and hashing: BOM stripped, CRLF and lone CR turned
 * into LF. Line endings and a BOM alone are never drift.
 */
export function canonicalText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?/g, "\n");
}
