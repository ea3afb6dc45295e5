/**
 * The checks every e2e case gets (DESIGN §7): unowned bytes survive an apply, and removing every
 * pack leaves the project as it was. Each check returns a list of problems (empty = holds), so a
 * failure names every offending path at once.
 */
import { parseTree, visit, type Node } from "jsonc-parser";
import { parse as parseYaml } from "yaml";
import type { Tree } from "./harness.js";

/** What a sidecar says packs owns, reduced to what the checks need. */
export type OwnedItem =
  | { kind: "file"; path: string }
  | { kind: "entry"; path: string; pointer: string[] }
  | { kind: "element"; path: string; array: string[]; key: string; match: string }
  | { kind: "section"; path: string; id: string }
  | { kind: "other"; path: string };

/** Every item in every `.packs/state/*.json` sidecar of a tree. */
export function ownedItems(tree: Tree): OwnedItem[] {
  const out: OwnedItem[] = [];
  for (const [p, text] of tree) {
    if (!/^\.packs\/state\/[^/]+\.json$/.test(p)) continue;
    const sidecar = JSON.parse(text) as { items?: Record<string, { address: OwnedItem }> };
    for (const rec of Object.values(sidecar.items ?? {})) {
      const a = rec.address;
      out.push(a.kind === "file" || a.kind === "entry" || a.kind === "element" || a.kind === "section" ? a : { kind: "other", path: a.path });
    }
  }
  return out;
}

/** True for paths that are packs' own bookkeeping, not agent files. */
export const isPacksOwnFile = (p: string): boolean => p === "packs.lock.yaml" || p.startsWith(".packs/");

/** The npm package name of a spec (`@scope/pkg@^1` → `@scope/pkg`, `x@git+https://…` → `x`). */
export function npmName(spec: string): string {
  if (/^[a-z]+:/i.test(spec) && !spec.startsWith("npm:")) return spec;
  const s = spec.startsWith("npm:") ? spec.slice(4) : spec;
  const at = s.indexOf("@", s.startsWith("@") ? 1 : 0);
  return at === -1 ? s : s.slice(0, at);
}

/**
 * Invariant (c): every file of `before` that packs does not own is byte-identical in `after`.
 * A shared JSONC config packs wrote entries into must still hold, verbatim, every comment line
 * and every entry (object member or array element) that is not packs'.
 */
export function unownedSurvive(before: Tree, after: Tree, owned: readonly OwnedItem[]): string[] {
  const problems: string[] = [];
  for (const [p, text] of before) {
    if (owned.some((o) => o.kind === "file" && o.path === p)) continue;
    const inFile = owned.filter((o) => o.path === p && (o.kind === "entry" || o.kind === "element" || o.kind === "section"));
    const now = after.get(p);
    if (now === undefined) {
      problems.push(`${p}: deleted, but packs does not own it`);
      continue;
    }
    if (inFile.length === 0) {
      if (now !== text) problems.push(`${p}: changed, but packs owns nothing in it`);
      continue;
    }
    if (p.endsWith(".md") || p.endsWith(".toml")) {
      problems.push(...linesSurviveInOrder(p, text, now, inFile));
      continue;
    }
    problems.push(...commentLinesSurvive(p, text, now));
    problems.push(...foreignEntriesSurvive(p, text, now, inFile));
  }
  return problems;
}

/**
 * Markdown with packs sections, TOML with packs tables: every line of the user's file is still
 * there, in order, and every added line lies inside a packs section or table.
 */
function linesSurviveInOrder(p: string, before: string, after: string, owned: readonly OwnedItem[]): string[] {
  const want = before.split("\n").map((l) => l.replace(/\r$/, ""));
  const got = after.split("\n").map((l) => l.replace(/\r$/, ""));
  const ownedTables = owned.flatMap((o) => (o.kind === "entry" ? [o.pointer.join(".")] : []));
  let i = 0;
  let inOurs = false;
  const extra: string[] = [];
  for (const line of got) {
    if (i < want.length && line === want[i] && !inOurs) {
      i++;
      continue;
    }
    if (/^<!-- packs:begin /.test(line) || ownedTables.some((t) => line.startsWith(`[${t}]`) || line.startsWith(`[${t}.`))) inOurs = true;
    else if (/^\[/.test(line)) inOurs = false;
    if (!inOurs && line.trim() !== "") extra.push(line);
    if (/^<!-- packs:end /.test(line)) inOurs = false;
  }
  const problems: string[] = [];
  if (i < want.length) problems.push(`${p}: user line ${i + 1} not kept in order: ${JSON.stringify(want[i])}`);
  for (const line of extra) problems.push(`${p}: line added outside a packs section or table: ${JSON.stringify(line)}`);
  return problems;
}

function commentLinesSurvive(p: string, before: string, after: string): string[] {
  const problems: string[] = [];
  const afterLines = new Set(after.split("\n").map((l) => l.replace(/\r$/, "")));
  const lines = before.split("\n").map((l) => l.replace(/\r$/, ""));
  const comments: { text: string; line: number }[] = [];
  visit(before, {
    onComment: (offset, length, startLine) => comments.push({ text: before.slice(offset, offset + length), line: startLine }),
  });
  for (const c of comments) {
    if (!after.includes(c.text)) problems.push(`${p}: comment lost: ${JSON.stringify(c.text)}`);
    const line = lines[c.line]!;
    if (/^\s*(\/\/|\/\*)/.test(line) && !afterLines.has(line)) problems.push(`${p}: comment line ${c.line + 1} not kept verbatim: ${JSON.stringify(line)}`);
  }
  return problems;
}

type Path = (string | number)[];

function foreignEntriesSurvive(p: string, before: string, after: string, owned: readonly OwnedItem[]): string[] {
  const root = parseTree(before, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return [`${p}: before/ copy does not parse as JSONC`];
  const problems: string[] = [];
  const eq = (a: Path, b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const isPrefix = (a: Path, b: readonly string[]) => a.length < b.length && a.every((x, i) => x === b[i]);
  const isOwned = (at: Path) => owned.some((o) => o.kind === "entry" && eq(at, o.pointer));
  const isAncestor = (at: Path) => owned.some((o) => (o.kind === "entry" && isPrefix(at, o.pointer)) || (o.kind === "element" && (isPrefix(at, o.array) || eq(at, o.array))));
  const ownedElement = (array: Path, value: unknown) =>
    owned.some((o) => o.kind === "element" && eq(array, o.array) && typeof value === "string" && (o.match === "npm-name" ? npmName(value) === o.key : value === o.key));

  const check = (node: Node, at: Path, text: string) => {
    if (!after.includes(text)) problems.push(`${p}: entry /${at.join("/")} not kept verbatim:\n${text}`);
  };
  const walk = (node: Node, at: Path) => {
    if (node.type === "object") {
      for (const prop of node.children ?? []) {
        const key = prop.children![0]!.value as string;
        const value = prop.children![1]!;
        const here = [...at, key];
        if (isOwned(here)) continue;
        if (isAncestor(here)) walk(value, here);
        else check(prop, here, before.slice(prop.offset, prop.offset + prop.length));
      }
    } else if (node.type === "array") {
      const isOwnedArray = owned.some((o) => o.kind === "element" && eq(at, o.array));
      (node.children ?? []).forEach((el, i) => {
        const here = [...at, i];
        if (isOwnedArray && ownedElement(at, el.value)) return;
        if (isOwnedArray || !isAncestor(here)) check(el, here, before.slice(el.offset, el.offset + el.length));
        else walk(el, here);
      });
    }
  };
  walk(root, []);
  return problems;
}

/** packs.yaml with every pack removed, keeping the `agents:` of the original. */
export function withoutPacks(packsYaml: string): string {
  const doc = parseYaml(packsYaml) as { agents?: unknown } | null;
  const agents = Array.isArray(doc?.agents) ? `agents: [${doc.agents.join(", ")}]\n` : "";
  return `version: 1\n${agents}packs: {}\n`;
}

/**
 * Invariant (d), after every pack was removed and applied: each pre-existing file is back to
 * its before/ bytes; nothing packs created remains but its own lock and `.packs/.gitignore`;
 * no folder packs created remains (`.packs/` itself, empty `.packs/state/` and `.packs/tmp/` aside).
 */
export function removalRestores(before: Tree, beforeDirs: readonly string[], now: Tree, nowDirs: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [p, text] of before) {
    const cur = now.get(p);
    if (cur === undefined) problems.push(`${p}: pre-existing file deleted`);
    else if (cur !== text) problems.push(`${p}: pre-existing file not restored byte for byte`);
  }
  for (const p of now.keys()) {
    if (!before.has(p) && p !== "packs.lock.yaml" && p !== ".packs/.gitignore") problems.push(`${p}: created by packs and still there after every pack was removed`);
  }
  const had = new Set(beforeDirs);
  for (const d of nowDirs) {
    if (!had.has(d) && !(d === ".packs" || d === ".packs/state" || d === ".packs/tmp")) problems.push(`${d}/: folder created by packs and still there after every pack was removed`);
  }
  return problems;
}
