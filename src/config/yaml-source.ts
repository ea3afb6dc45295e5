/**
 * YAML with positions: parse a YAML file keeping its Document and line counter, so that every
 * later problem (schema, semantics) can name file:line:col. Shared by packs.yaml and pack
 * manifests.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { Diagnostic, SourceLocation } from "../core/diagnostics.js";
import { duplicateKeyOffsets } from "./yaml-duplicate-keys.js";

export type YamlPath = readonly PropertyKey[];

export interface YamlSource {
  /** The file as the user should see it named (project-relative where possible). */
  file: string;
  text: string;
  doc: Document;
  lineCounter: LineCounter;
}

export interface ParsedYaml {
  source: YamlSource;
  /** The plain JS value; `undefined` when the document had syntax errors. */
  value: unknown;
  diagnostics: Diagnostic[];
}

/** Aliases expand to at most this many nodes: a YAML "billion laughs" file is an error, not a hang. */
const MAX_ALIAS_COUNT = 100;

export function parseYamlSource(file: string, text: string, codePrefix: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // Duplicate keys are found by duplicateKeyOffsets, in linear time (see there).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const source: YamlSource = { file, text, doc, lineCounter };
  const problems = [
    ...doc.errors.map((e) => ({ at: e.pos[0], duplicate: false, message: e.message })),
    ...duplicateKeyOffsets(doc).map((at) => ({ at, duplicate: true, message: "Map keys must be unique" })),
  ].sort((a, b) => a.at - b.at);
  const diagnostics: Diagnostic[] = problems.map((p) => ({
    code: `${codePrefix}/${p.duplicate ? "duplicate-key" : "yaml-syntax"}`,
    severity: "error" as const,
    summary: firstLine(p.message),
    location: { file, ...lineCounter.linePos(p.at) },
    hint: p.duplicate ? "Remove or rename one of the two keys." : "Fix the YAML syntax at this position.",
  }));
  if (diagnostics.length > 0) return { source, value: undefined, diagnostics };
  try {
    return { source, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics };
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount.
    return {
      source,
      value: undefined,
      diagnostics: [{
        code: `${codePrefix}/yaml-aliases`,
        severity: "error",
        summary: `YAML aliases expand too far: ${firstLine((e as Error).message)}`,
        location: { file },
        hint: "Write the values out instead of nesting aliases.",
      }],
    };
  }
}

/**
 * The location of the node at `path` (its value, or its key with `which: "key"`). Falls back to
 * the nearest ancestor that exists, then to the file alone.
 */
export function locate(source: YamlSource, path: YamlPath, which: "key" | "value" = "value"): SourceLocation {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(source.doc, path.slice(0, n), n === path.length ? which : "value");
    if (node?.range) {
      const pos = source.lineCounter.linePos(node.range[0]);
      return { file: source.file, line: pos.line, col: pos.col };
    }
  }
  return { file: source.file };
}

function nodeAt(doc: Document, path: YamlPath, which: "key" | "value"): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
      if (!pair) return undefined;
      node = last && which === "key" ? pair.key : pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else {
      return undefined;
    }
  }
  return (node ?? undefined) as Node | undefined;
}

/** A map's pairs by scalar key as text, the first of each: locating every entry of a big map stays linear. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const key = String(p.key.value);
      if (!index.has(key)) index.set(key, p);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.trim();
}
