/**
 * Rules for one pack entry of packs.yaml, beyond its shape. They read the entry as written
 * (`raw`) and check each field on its own, so one bad field never hides a problem in another
 * (DESIGN §6.4: every problem in one pass). Types are the schema's business: a field of the wrong
 * type is skipped here.
 */
import type { AgentId } from "../core/agent-id.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { agentListDiagnostics } from "./agent-list-rules.js";
import { PACKS_YAML_CODES as C } from "./diagnostic-codes.js";
import { isEnvRefError, splitEnvRefs } from "../core/env-ref.js";
import { EXCLUDE_HINT, parseExcludeSpec } from "./exclude-spec.js";
import { formatYamlPath, locatedDiagnostic } from "./located-diagnostic.js";
import { PACK_KEY_HINT, packKeyProblem } from "./pack-key.js";
import type { SourceSpec } from "./project-config.js";
import { isSourceSpecError, parseSourceSpec } from "./source-spec.js";
import { isYamlMap, stringItems } from "./yaml-value.js";
import type { YamlPath, YamlSource } from "./yaml-source.js";

export interface PackEntryCheck {
  /** The parsed source, when `source:` is a valid source string. */
  source?: SourceSpec;
  diagnostics: Diagnostic[];
}

export function checkPackEntry(src: YamlSource, key: string, raw: unknown, selected: readonly AgentId[] | undefined): PackEntryCheck {
  const at: YamlPath = ["packs", key];
  const diagnostics: Diagnostic[] = [];
  const keyProblem = packKeyProblem(key);
  if (keyProblem) {
    diagnostics.push(locatedDiagnostic(src, { severity: "error", code: C.badPackKey, summary: keyProblem, hint: PACK_KEY_HINT, path: at, which: "key" }));
  }
  if (!isYamlMap(raw)) return { diagnostics };

  let source: SourceSpec | undefined;
  if (typeof raw.source === "string") {
    const parsed = parseSourceSpec(raw.source);
    if (isSourceSpecError(parsed)) {
      diagnostics.push(locatedDiagnostic(src, { severity: "error", code: C.badSource, summary: `pack "${key}": ${parsed.error}`, hint: parsed.hint, path: [...at, "source"] }));
    } else {
      source = parsed;
    }
  }

  const gitOnlyIgnored = source !== undefined && source.kind !== "git";
  for (const field of ["ref", "path"] as const) {
    if (gitOnlyIgnored && raw[field] !== undefined) {
      diagnostics.push(locatedDiagnostic(src, {
        severity: "warning",
        code: C.ignoredField,
        summary: `pack "${key}": "${field}" is ignored for a ${source!.kind} source`,
        hint: `"${field}" only applies to git sources (github:…, git+…); remove it${field === "path" ? ", or point source at the pack's folder" : ""}.`,
        path: [...at, field],
        which: "key",
      }));
    }
  }
  // An ignored path is not read, so it cannot be unsafe.
  if (!gitOnlyIgnored && typeof raw.path === "string" && isUnsafeRelativePath(raw.path)) {
    diagnostics.push(locatedDiagnostic(src, {
      severity: "error",
      code: C.unsafePath,
      summary: `pack "${key}": path "${raw.path}" leaves the repository`,
      hint: "Write the pack's folder relative to the repository root, without a leading / and without .. segments, e.g. packs/github.",
      path: [...at, "path"],
    }));
  }

  for (const [i, item] of stringItems(raw.exclude)) {
    const parsed = parseExcludeSpec(item);
    if ("error" in parsed) {
      diagnostics.push(locatedDiagnostic(src, { severity: "error", code: C.badExclude, summary: `pack "${key}": ${parsed.error}`, hint: EXCLUDE_HINT, path: [...at, "exclude", i] }));
    }
  }

  if (raw.agents !== undefined) diagnostics.push(...agentListDiagnostics(src, [...at, "agents"], raw.agents, selected));
  diagnostics.push(...envRefDiagnostics(src, [...at, "mcp"], raw.mcp));
  return source ? { source, diagnostics } : { diagnostics };
}

/** Absolute (POSIX, UNC or drive) or with a `..` segment, with either slash. */
export function isUnsafeRelativePath(p: string): boolean {
  if (/^([\\/]|[A-Za-z]:)/.test(p)) return true;
  return p.split(/[\\/]/).includes("..");
}

function envRefDiagnostics(src: YamlSource, mcpPath: YamlPath, mcp: unknown): Diagnostic[] {
  if (!isYamlMap(mcp)) return [];
  const out: Diagnostic[] = [];
  for (const [server, override] of Object.entries(mcp)) {
    if (!isYamlMap(override)) continue;
    for (const field of ["env", "headers"] as const) {
      const values = override[field];
      if (!isYamlMap(values)) continue;
      for (const [name, value] of Object.entries(values)) {
        if (typeof value !== "string") continue;
        const parts = splitEnvRefs(value);
        if (!isEnvRefError(parts)) continue;
        const path = [...mcpPath, server, field, name];
        out.push(locatedDiagnostic(src, {
          severity: "error",
          code: C.badEnvRef,
          summary: `${formatYamlPath(path)}: ${parts.error}`,
          hint: "Write an environment reference as ${env:NAME} (or ${NAME}), NAME made of letters, digits and _, not starting with a digit.",
          path,
        }));
      }
    }
  }
  return out;
}
