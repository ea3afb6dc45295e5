/**
 * `registries:` values are where a registry index is read from: an http(s) URL, a file: URL, or a
 * path (relative to packs.yaml). Any other scheme is an error here rather than at resolve time.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { PACKS_YAML_CODES as C } from "./diagnostic-codes.js";
import { locatedDiagnostic } from "./located-diagnostic.js";
import { isYamlMap } from "./yaml-value.js";
import type { YamlSource } from "./yaml-source.js";

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
const READABLE = new Set(["http", "https", "file"]);

export function registryDiagnostics(src: YamlSource, raw: unknown): Diagnostic[] {
  if (!isYamlMap(raw)) return [];
  const out: Diagnostic[] = [];
  for (const [name, url] of Object.entries(raw)) {
    if (typeof url !== "string" || WINDOWS_DRIVE.test(url)) continue;
    const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
    if (scheme === undefined || READABLE.has(scheme)) continue;
    out.push(locatedDiagnostic(src, {
      severity: "error",
      code: C.badRegistryUrl,
      summary: `registry "${name}": cannot read an index from a ${scheme}: URL`,
      hint: "Write an https:// (or http://) URL of the JSON index, a file: URL, or a path to a JSON file.",
      path: ["registries", name],
    }));
  }
  return out;
}
