/**
 * parseYamlSource (yaml-source.ts) parses with `prettyErrors: false`, so yaml leaves
 * `linePos` unset and its syntax and duplicate-key diagnostics come without line:col. This fills
 * them in from each error's offset. Its diagnostics are one per `doc.errors` entry, in order.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import type { ParsedYaml } from "./yaml-source.js";

export function withYamlErrorPositions(parsed: ParsedYaml): Diagnostic[] {
  const { doc, lineCounter, file } = parsed.source;
  if (parsed.diagnostics.length !== doc.errors.length) return parsed.diagnostics;
  return parsed.diagnostics.map((d, i) => {
    if (d.location?.line !== undefined) return d;
    const offset = doc.errors[i]!.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    return { ...d, location: { file, line, col } };
  });
}
