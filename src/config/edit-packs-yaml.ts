/**
 * Editing packs.yaml for `packs add` and `packs remove` (and checking what `packs init --force`
 * may replace; the file init writes is in packs-yaml-template.ts). Pure: text in, text out
 * plus diagnostics; the CLI reads and writes the file.
 *
 * The yaml Document (parseDocument) finds the `packs:` map, its entries and their offsets; the
 * edit is a splice of the text at those offsets, and only the new entry is rendered by the yaml
 * stringifier. `doc.toString()` is not used on the user's file because it re-renders all of it:
 * aligned comments lose their columns, `[a, b]` becomes `[ a, b ]`, `- x` under a key gets
 * re-indented. So every byte outside the lines added or removed stays as it was.
 *
 * Each result is parsed again and must hold exactly the data asked for (anything else is a bug,
 * and nothing is returned), and must load with loadProjectConfig (packs never writes a packs.yaml
 * it could not read).
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { AGENT_IDS, isAgentId, type AgentId } from "../core/agent-id.js";
import { hasErrors, type Diagnostic } from "../core/diagnostics.js";
import { loadProjectConfig } from "./load-project-config.js";
import { PACK_KEY_HINT, packKeyProblem } from "./pack-key.js";
import type { SourceSpec } from "./project-config.js";
import { isSourceSpecError, parseSourceSpec } from "./source-spec.js";

export interface NewPackEntry {
  key: string;
  /** As the user wrote it; checked with parseSourceSpec. */
  source: string;
  /** git sources only. */
  ref?: string;
  /** git sources only. */
  path?: string;
  agents?: AgentId[];
}

export interface EditResult {
  /** The new file; present exactly when there is no error. */
  text?: string;
  /** Errors, or the warnings the new file loads with. */
  diagnostics: Diagnostic[];
}

type Command = "add" | "remove";

const MAX_ALIAS_COUNT = 100;

// ── packs add ────────────────────────────────────────────────────────────────────────────────

/** The source, checked as packs.yaml would check it, plus the rule that `ref`/`path` need git. */
export function checkNewSource(source: string, opts: { ref?: string; path?: string } = {}): { spec?: SourceSpec; diagnostics: Diagnostic[] } {
  if (/[\u0000-\u001f\u007f]/.test(source)) {
    return { diagnostics: [{ code: "add/bad-source", severity: "error", summary: `the source ${JSON.stringify(source)} contains a control character`, hint: "Write the source on one line, without control characters." }] };
  }
  const spec = parseSourceSpec(source);
  if (isSourceSpecError(spec)) return { diagnostics: [{ code: "add/bad-source", severity: "error", summary: spec.error, hint: spec.hint }] };
  const gitOnly = (["ref", "path"] as const).filter((k) => opts[k] !== undefined);
  if (spec.kind !== "git" && gitOnly.length > 0) {
    return {
      diagnostics: [{
        code: "add/git-only",
        severity: "error",
        summary: `${gitOnly.map((k) => `--${k}`).join(" and ")} ${gitOnly.length === 1 ? "applies" : "apply"} to git sources only, and "${source}" is a ${KIND_NAMES[spec.kind]}`,
        hint: spec.kind === "local" ? "Point the source at the pack's folder itself." : spec.kind === "registry" || spec.kind === "npm" ? "Put a version range in the source instead (e.g. @^1)." : "Drop the option.",
      }],
    };
  }
  return { spec, diagnostics: [] };
}

const KIND_NAMES: Record<SourceSpec["kind"], string> = { local: "local folder", tarball: "packed pack (.tgz)", git: "git source", registry: "registry source", npm: "npm source" };

/**
 * Adds `packs.<key>` after the last pack (or under an empty `packs:`, or as a new `packs:` at the
 * end). Every other byte of `text` is kept. Errors: `add/bad-name`, `add/bad-source`,
 * `add/git-only`, `add/exists`, `add/unsupported-layout`, `add/invalid-config`,
 * `add/would-not-load`, `add/edit-failed`.
 */
export function addPackEntry(file: string, text: string, entry: NewPackEntry): EditResult {
  const keyProblem = packKeyProblem(entry.key);
  if (keyProblem) return errors({ code: "add/bad-name", severity: "error", summary: keyProblem, hint: `${PACK_KEY_HINT} Pass --name to choose it.` });
  const checked = checkNewSource(entry.source, entry);
  if (!checked.spec) return { diagnostics: checked.diagnostics };

  const before = loadProjectConfig(file, text);
  const parsed = parse(text);
  if (!parsed) return invalidConfig("add", file, before.diagnostics, `fix it before adding pack "${entry.key}"`);
  const { doc, js } = parsed;
  const top = doc.contents;
  const eol = eolOf(text);

  const packsPair = isMap(top) ? topPair(top, "packs") : undefined;
  const packs = packsPair?.value;
  if (isMap(packs) && packs.items.some((p) => keyText(p) === entry.key)) {
    return errors({
      code: "add/exists",
      severity: "error",
      summary: `packs.yaml already has a pack "${entry.key}"`,
      location: { file, ...lineCol(text, (packs.items.find((p) => keyText(p) === entry.key)!.key as Node).range![0]) },
      hint: `Pass --name to add this source under another name, or run \`packs remove ${entry.key}\` first.`,
    });
  }

  let edited: string;
  const layoutProblem = (why: string) =>
    hasErrors(before.diagnostics)
      ? invalidConfig("add", file, before.diagnostics, `fix it before adding pack "${entry.key}"`)
      : errors({ code: "add/unsupported-layout", severity: "error", summary: why, location: { file }, hint: "Write each pack as a block under packs: (one key per line, as docs/packs-yaml.md shows), then run packs add again." });
  if (!isMap(top) || top.flow) return layoutProblem("the top level of packs.yaml is not a block map, so packs add cannot place the entry");
  if (!packsPair) {
    // No packs: at all: a new one at the end of the file.
    const lead = text === "" || text.endsWith("\n") ? "" : eol;
    edited = text + lead + `packs:${eol}` + renderEntry(entry, 2, 2, eol);
  } else if (isEmptyValue(packs)) {
    // `packs:`, `packs: {}`, `packs: ~`: the value goes, the entry goes on the lines below.
    const keyNode = packsPair.key as Node;
    const keyIndent = column(text, keyNode.range![0]);
    let cut: [number, number] | undefined;
    let lastChar = keyNode.range![1] - 1;
    if (isNode(packs) && packs.range && packs.range[1] > packs.range[0]) {
      let start = packs.range[0];
      while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
      cut = [start, packs.range[1]];
      lastChar = packs.range[1] - 1;
    }
    const at = nextLineStart(text, lastChar);
    const lead = at === text.length && !text.endsWith("\n") ? eol : "";
    const inserted = lead + renderEntry(entry, keyIndent + 2, 2, eol);
    edited = cut ? text.slice(0, cut[0]) + text.slice(cut[1], at) + inserted + text.slice(at) : text.slice(0, at) + inserted + text.slice(at);
  } else if (isMap(packs) && !packs.flow) {
    const items = packs.items;
    const last = items[items.length - 1]!;
    const indent = column(text, (last.key as Node).range![0]);
    const lastExtent = entryExtent(text, last, indent);
    let separate = false;
    if (items.length >= 2) {
      const prev = entryExtent(text, items[items.length - 2]!, indent);
      separate = linesIn(text, prev.end, lastExtent.start).some(isBlank);
    }
    const at = lastExtent.end;
    const lead = at === text.length && !text.endsWith("\n") ? eol : "";
    const inserted = lead + (separate ? eol : "") + renderEntry(entry, indent, nestedStep(text, last, indent), eol);
    edited = text.slice(0, at) + inserted + text.slice(at);
  } else if (isMap(packs)) {
    return layoutProblem("packs: is written as a flow map ({…}), and packs add only edits a block map");
  } else {
    return layoutProblem("packs: is not a map, so packs add cannot place the entry");
  }

  const expected = structuredClone(js) as Record<string, unknown>;
  expected.packs = { ...(isPlainObject(expected.packs) ? expected.packs : {}), [entry.key]: entryValue(entry) };
  return finish("add", file, before.diagnostics, edited, expected, `pack "${entry.key}" added`);
}

// ── packs remove ─────────────────────────────────────────────────────────────────────────────

/**
 * Removes `packs.<key>` with the comment lines right above it (at its indentation, no blank line
 * between) and the more indented comment lines inside it. Comments above the next entry, and
 * everything else, stay byte for byte. The last pack removed leaves `packs: {}`. Errors:
 * `remove/unknown-pack`, `remove/unsupported-layout`, `remove/invalid-config`,
 * `remove/would-not-load`, `remove/edit-failed`.
 */
export function removePackEntry(file: string, text: string, key: string): EditResult {
  const before = loadProjectConfig(file, text);
  const parsed = parse(text);
  if (!parsed) return invalidConfig("remove", file, before.diagnostics, `fix it before removing pack "${key}"`);
  const { doc, js } = parsed;
  const top = doc.contents;
  const packsPair = isMap(top) ? topPair(top, "packs") : undefined;
  const packs = packsPair?.value;
  const names = isMap(packs) ? packs.items.map(keyText).filter((k): k is string => k !== undefined) : [];
  const index = isMap(packs) ? packs.items.findIndex((p) => keyText(p) === key) : -1;
  if (index === -1) {
    if (packs !== undefined && !isEmptyValue(packs) && !isMap(packs) && hasErrors(before.diagnostics)) {
      return invalidConfig("remove", file, before.diagnostics, `fix it before removing pack "${key}"`);
    }
    return errors({
      code: "remove/unknown-pack",
      severity: "error",
      summary: `no pack named "${key}"`,
      location: { file },
      hint: names.length === 0 ? "packs.yaml has no packs." : `Packs in packs.yaml: ${names.join(", ")}.`,
    });
  }
  if (!isMap(top) || top.flow || !isMap(packs) || packs.flow) {
    return errors({ code: "remove/unsupported-layout", severity: "error", summary: "packs: is written as a flow map ({…}), and packs remove only edits a block map", location: { file }, hint: "Delete the entry by hand, or write each pack as a block under packs: first." });
  }

  const items = packs.items;
  const pair = items[index]!;
  const indent = column(text, (pair.key as Node).range![0]);
  const extent = entryExtent(text, pair, indent);
  let [start, end] = [extent.lead, extent.end];
  // A blank line that separated this entry from the others goes with it: the one after it, or,
  // for the last entry, the one before it (the one `packs add` puts before a new entry).
  const prevLine = start > 0 ? lineStart(text, start - 1) : undefined;
  const blankBefore = prevLine !== undefined && isBlank(lineAt(text, prevLine));
  const blankAfter = end < text.length && isBlank(lineAt(text, end));
  if (blankAfter && (blankBefore || index === 0) && items.length > 1) end = nextLineStart(text, end);
  else if (blankBefore && !blankAfter && index === items.length - 1 && items.length > 1) start = prevLine!;
  let edited = text.slice(0, start) + text.slice(end);
  if (items.length === 1) {
    // The map is now empty: say so, so that the file reads as it did before the first add.
    const keyEnd = (packsPair!.key as Node).range![1];
    const colon = text.indexOf(":", keyEnd);
    edited = edited.slice(0, colon + 1) + " {}" + edited.slice(colon + 1);
  }

  const expected = structuredClone(js) as Record<string, unknown>;
  const rest = { ...(expected.packs as Record<string, unknown>) };
  delete rest[key];
  expected.packs = rest;
  return finish("remove", file, before.diagnostics, edited, expected, `pack "${key}" removed`);
}

// ── packs init ───────────────────────────────────────────────────────────────────────────────

/**
 * Whether `packs init --force` may replace this packs.yaml: only when it sets nothing but
 * `version`, `agents` and an empty `packs`, the things init writes again. `holds` names what it
 * has besides (the pack names, `registries`, `policy`, …), or says it cannot be read.
 */
export function initReplaceable(text: string): { ok: true } | { ok: false; holds: string[] } {
  const parsed = parse(text);
  if (!parsed) return { ok: false, holds: ["YAML packs cannot read"] };
  const { js } = parsed;
  if (js === null || js === undefined) return { ok: true };
  if (!isPlainObject(js)) return { ok: false, holds: ["a top level that is not a map"] };
  const holds: string[] = [];
  for (const [k, v] of Object.entries(js)) {
    if (k === "version" || k === "agents") continue;
    if (k === "packs" && (v === null || (isPlainObject(v) && Object.keys(v).length === 0))) continue;
    if (k === "packs" && isPlainObject(v)) holds.push(`${Object.keys(v).length === 1 ? "pack" : "packs"} ${Object.keys(v).join(", ")}`);
    else holds.push(`${k}:`);
  }
  return holds.length === 0 ? { ok: true } : { ok: false, holds };
}

// ── names and options ────────────────────────────────────────────────────────────────────────

/** Lowercased, other characters as `-`, trimmed to a valid pack key; undefined when nothing is left. */
export function packKeyFrom(candidate: string): string | undefined {
  let key = candidate.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/\.{2,}/g, ".");
  key = key.replace(/^[^a-z0-9]+/, "").slice(0, 64).replace(/[-._]+$/, "");
  return key !== "" && packKeyProblem(key) === undefined ? key : undefined;
}

/** `name:` of a PACK.yaml (or KIT.yaml), when it is a string; undefined when unreadable. */
export function manifestName(text: string): string | undefined {
  const parsed = parse(text);
  const name = parsed && isPlainObject(parsed.js) ? parsed.js.name : undefined;
  return typeof name === "string" ? name : undefined;
}

/** What a pack's name was taken from (`--name`, or what defaultPackName used). */
export type NameFrom = "option" | "manifest" | "folder" | "archive" | "path" | "repository" | "registry" | "npm";

/** For messages: "name taken from …". */
export const NAME_FROM_TEXT: Record<NameFrom, string> = {
  option: "--name",
  manifest: "its PACK.yaml",
  folder: "the folder name",
  archive: "the archive's file name",
  path: "the last folder of --path",
  repository: "the repository name",
  registry: "the registry name",
  npm: "the npm package name",
};

export interface DefaultName {
  key: string;
  from: NameFrom;
}

/**
 * The pack key `packs add` uses without --name: a local folder's manifest name, else its folder
 * name; the last folder of `path` for git, else the repository name; the registry or npm package
 * name (without the scope); a `.tgz` file's name without its version. Made a valid key with
 * packKeyFrom; undefined when nothing usable is left.
 */
export function defaultPackName(spec: SourceSpec, opts: { path?: string; folderName?: string; manifestName?: string } = {}): DefaultName | undefined {
  const candidates: [string | undefined, NameFrom][] = [];
  const lastSegment = (p: string) => p.replace(/[\\/]+$/, "").split(/[\\/]/).pop();
  switch (spec.kind) {
    case "local":
      candidates.push([opts.manifestName, "manifest"], [opts.folderName ?? lastSegment(spec.path), "folder"]);
      break;
    case "tarball":
      candidates.push([lastSegment(spec.path)?.replace(/\.tgz$/, "").replace(/-v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/, ""), "archive"]);
      break;
    case "git": {
      if (opts.path !== undefined) candidates.push([lastSegment(opts.path), "path"]);
      const repo = spec.github?.repo ?? repoOfUrl(spec.url);
      candidates.push([repo?.replace(/\.git$/, ""), "repository"]);
      break;
    }
    case "registry":
      candidates.push([spec.name, "registry"]);
      break;
    case "npm":
      candidates.push([spec.name.replace(/^@[^/]+\//, ""), "npm"]);
      break;
  }
  for (const [candidate, from] of candidates) {
    if (candidate === undefined || candidate === "." || candidate === "..") continue;
    const key = packKeyFrom(candidate);
    if (key) return { key, from };
  }
  return undefined;
}

function repoOfUrl(url: string): string | undefined {
  try {
    return new URL(url).pathname.replace(/\/+$/, "").split("/").pop() || undefined;
  } catch {
    return undefined;
  }
}

/** `--agents a,b` → agent ids; `code` is the command's prefix (`init`, `add`). */
export function parseAgentsOption(text: string, command: string): { agents?: AgentId[]; diagnostics: Diagnostic[] } {
  const ids = [...new Set(text.split(",").map((s) => s.trim()).filter((s) => s !== ""))];
  if (ids.length === 0) return errors({ code: `${command}/bad-agents`, severity: "error", summary: "--agents names no agent", hint: `Write a comma-separated list of: ${AGENT_IDS.join(", ")}.` });
  const unknown = ids.filter((id) => !isAgentId(id));
  if (unknown.length > 0) {
    return errors({ code: `${command}/bad-agents`, severity: "error", summary: `--agents: unknown agent ${unknown.map((u) => `"${u}"`).join(", ")}`, hint: `Known agents: ${AGENT_IDS.join(", ")}.` });
  }
  return { agents: ids as AgentId[], diagnostics: [] };
}

/** The error when there is no packs.yaml to edit. */
export function noPacksYaml(file: string, root: string): Diagnostic {
  return { code: "packs-yaml/missing", severity: "error", summary: `no ${file} in ${root}`, location: { file }, hint: "Run `packs init` to create one, or pass --cwd to the project folder." };
}

// ── the splice ───────────────────────────────────────────────────────────────────────────────

/**
 * Where a pack entry's lines are: `start` of its key's line; `lead`, the start of the comment
 * lines right above it at its indentation (none: `start`); `end`, the start of the first line
 * after it, past the comment lines indented deeper than its key that follow it (with the blank
 * lines among them).
 */
function entryExtent(text: string, pair: Pair, indent: number): { lead: number; start: number; end: number } {
  const keyNode = pair.key as Node;
  const start = lineStart(text, keyNode.range![0]);
  const contentEnd = Math.max(keyNode.range![1], contentEndOf(pair.value, keyNode.range![1]));
  let end = text[contentEnd - 1] === "\n" ? contentEnd : nextLineStart(text, contentEnd);
  for (let pos = end; pos < text.length; ) {
    const line = lineAt(text, pos);
    const next = nextLineStart(text, pos);
    if (isComment(line) && indentOf(line) > indent) end = next;
    else if (!isBlank(line)) break;
    pos = next;
  }
  let lead = start;
  while (lead > 0) {
    const prev = lineStart(text, lead - 1);
    const line = lineAt(text, prev);
    if (!isComment(line) || indentOf(line) !== indent) break;
    lead = prev;
  }
  return { lead, start, end };
}

/**
 * Where a node's own text ends. A block collection's range runs on over the comments and blank
 * lines after its last item (up to the next key), so its end is its last item's end.
 */
function contentEndOf(node: unknown, fallback: number): number {
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items[node.items.length - 1];
    if (last === undefined) return node.range ? node.range[1] : fallback;
    if (isPair(last)) {
      const keyEnd = isNode(last.key) && last.key.range ? last.key.range[1] : fallback;
      return Math.max(keyEnd, contentEndOf(last.value, keyEnd));
    }
    return contentEndOf(last, fallback);
  }
  return isNode(node) && node.range ? node.range[1] : fallback;
}

/** The indentation step inside the last entry (its first nested key), else 2. */
function nestedStep(text: string, pair: Pair, indent: number): number {
  const value = pair.value;
  if (isMap(value) && !value.flow && value.items.length > 0) {
    const step = column(text, (value.items[0]!.key as Node).range![0]) - indent;
    if (step >= 1 && step <= 8) return step;
  }
  return 2;
}

function entryValue(entry: NewPackEntry): Record<string, unknown> {
  return {
    source: entry.source,
    ...(entry.ref !== undefined && { ref: entry.ref }),
    ...(entry.path !== undefined && { path: entry.path }),
    ...(entry.agents !== undefined && { agents: [...entry.agents] }),
  };
}

/** `key:` and its fields, rendered by yaml (so quoting is right), indented by `indent`. */
function renderEntry(entry: NewPackEntry, indent: number, step: number, eol: string): string {
  const doc = new Document({ [entry.key]: entryValue(entry) });
  const agents = doc.getIn([entry.key, "agents"], true);
  if (isSeq(agents)) agents.flow = true;
  const out = doc.toString({ indent: step, lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, "");
  return out.split("\n").map((l) => (l === "" ? l : " ".repeat(indent) + l)).join(eol) + eol;
}

function finish(command: Command, file: string, beforeDiagnostics: Diagnostic[], edited: string, expected: unknown, what: string): EditResult {
  const reparsed = parse(edited);
  if (!reparsed || !deepEqual(reparsed.js, expected)) {
    return errors({
      code: `${command}/edit-failed`,
      severity: "error",
      summary: `packs could not edit ${file} safely (${what} would not mean what was asked); the file was not changed`,
      location: { file },
      hint: "This is a bug in packs: please report it with your packs.yaml. Meanwhile, edit the file by hand.",
    });
  }
  const after = loadProjectConfig(file, edited);
  if (!hasErrors(after.diagnostics)) return { text: edited, diagnostics: after.diagnostics };
  if (hasErrors(beforeDiagnostics)) return invalidConfig(command, file, beforeDiagnostics, command === "add" ? "fix it before adding a pack" : "fix it first");
  return errors(
    {
      code: `${command}/would-not-load`,
      severity: "error",
      summary: `with ${what}, ${file} would not load (the problems follow, at their lines in the edited file); it was not changed`,
      location: { file },
      hint: command === "add" ? "Change the options (or packs.yaml) and run packs add again." : "Fix what the problems name, then run packs remove again.",
    },
    ...after.diagnostics,
  );
}

function invalidConfig(command: Command, file: string, diagnostics: Diagnostic[], what: string): EditResult {
  return errors(
    { code: `${command}/invalid-config`, severity: "error", summary: `${file} has errors (they follow); ${what}`, location: { file }, hint: "`packs plan` lists the same problems; packs edits only a packs.yaml it can read." },
    ...diagnostics,
  );
}

function errors(...diagnostics: Diagnostic[]): EditResult {
  return { diagnostics };
}

// ── YAML and text helpers ────────────────────────────────────────────────────────────────────

function parse(text: string): { doc: Document; js: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  try {
    return { doc, js: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch {
    return undefined;
  }
}

function topPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyText(p) === key);
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && "range" in v;
}

/** `packs:` with nothing, `~`, `null` or `{}`. */
function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (isScalar(v)) return v.value === null;
  return isMap(v) && v.items.length === 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The start of the line after the one holding `offset` (the end of the text when there is none). */
function nextLineStart(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  return i === -1 ? text.length : i + 1;
}

/** The line starting at `start`, without its line break. */
function lineAt(text: string, start: number): string {
  const i = text.indexOf("\n", start);
  return (i === -1 ? text.slice(start) : text.slice(start, i)).replace(/\r$/, "");
}

function linesIn(text: string, from: number, to: number): string[] {
  return from >= to ? [] : text.slice(from, to).replace(/\r?\n$/, "").split(/\r?\n/);
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, col: column(text, offset) + 1 };
}

function indentOf(line: string): number {
  return line.length - line.replace(/^ +/, "").length;
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function isComment(line: string): boolean {
  return line.trimStart().startsWith("#");
}
