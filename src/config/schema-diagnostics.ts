/**
 * Turn zod issues into positioned diagnostics. Unknown keys are warnings (reported with their
 * line, never silently dropped); every other issue is an error with a hint.
 */
import type { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { locate, type YamlSource } from "./yaml-source.js";

export function schemaDiagnostics(source: YamlSource, issues: readonly z.core.$ZodIssue[], codePrefix: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const where = path.length ? path.join(".") : "top level";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({
          code: `${codePrefix}/unknown-key`,
          severity: "warning",
          summary: `unknown key "${key}" at ${where}; it is ignored`,
          location: locate(source, [...path, key], "key"),
          hint: "Check the spelling against the reference, or remove the key.",
        });
      }
      continue;
    }
    out.push({
      code: `${codePrefix}/${issue.code === "invalid_type" ? "wrong-type" : "invalid-value"}`,
      severity: "error",
      summary: `${path.length ? path.join(".") : "document"}: ${issue.message}`,
      location: locate(source, path),
      hint: hintFor(issue),
    });
  }
  return out;
}

function hintFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `Write a value of type ${issue.expected} here${issue.expected === "string" ? " (quote it, e.g. \"1.0\")" : ""}.`;
    case "invalid_value":
      return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "invalid_format":
      return `The value must match the ${issue.format} format.`;
    default:
      return "Fix the value at this position.";
  }
}
