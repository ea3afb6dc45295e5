/**
 * POSIX path helpers for paths inside a pack. Pure string work: a pack is data here, and every
 * path it names must stay inside it.
 */

export type SafePath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Check a path written in a manifest (or given as a pack file) and normalise it: `./a//b/` →
 * `a/b`, `.` → `` (the pack root). Absolute paths, `..` segments, backslashes and `~` are refused:
 * a pack may only name its own files.
 */
export function safeRelativePath(raw: string): SafePath {
  if (raw.includes("\\")) return { ok: false, reason: "contains a backslash" };
  if (raw.startsWith("/") || /^[A-Za-z]:/.test(raw)) return { ok: false, reason: "is absolute" };
  if (raw === "~" || raw.startsWith("~/")) return { ok: false, reason: "starts at the home directory" };
  if (raw.includes("\0")) return { ok: false, reason: "contains a NUL character" };
  const segments = raw.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return { ok: false, reason: "contains `..`" };
  return { ok: true, path: segments.join("/") };
}

/** The path the user sees for a file of the pack: `<displayRoot>/<path>`. */
export function displayPath(displayRoot: string, path: string): string {
  const root = displayRoot.replace(/\/+$/, "");
  if (root === "" || root === ".") return path === "" ? "." : path;
  return path === "" ? root : `${root}/${path}`;
}

/** `dir` written for messages: the pack root is `.`. */
export function showDir(dir: string): string {
  return dir === "" ? "." : dir;
}

/** True when `path` is `dir` itself or below it (`dir` `` is the root). */
export function isAtOrUnder(path: string, dir: string): boolean {
  return dir === "" || path === dir || path.startsWith(`${dir}/`);
}

/** `path` relative to `dir`, for a path strictly below `dir`. */
export function relativeTo(path: string, dir: string): string {
  return dir === "" ? path : path.slice(dir.length + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Code-unit order: the same on every platform and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
