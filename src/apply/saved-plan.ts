/**
 * Saved plans (`packs plan --out`): parse and check one before apply trusts it. A corrupt,
 * foreign or hostile file (paths leaving the project) is a diagnostic, never a write.
 */
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { PLAN_FORMAT_VERSION, type Plan } from "../core/plan-model.js";

const safePath = z.string().refine((p) => p.length > 0 && !p.startsWith("/") && !/^[A-Za-z]:/.test(p) && !p.includes("\\") && !p.split("/").includes(".."), {
  message: "must be a relative path inside the project",
});
const content = z.union([
  z.object({ encoding: z.literal("utf8"), text: z.string() }),
  z.object({ encoding: z.literal("base64"), data: z.string() }),
]);
const change = z.object({ path: safePath, before: z.string().nullable(), after: content.nullable(), executable: z.literal(true).optional() });

const planSchema = z.looseObject({
  format_version: z.string(),
  notes: z.array(z.string()),
  packs_version: z.string(),
  items: z.array(z.looseObject({ address: z.string(), action: z.string(), blocked: z.boolean() })),
  files: z.object({ mkdir: z.array(safePath), writes: z.array(change), rmdir: z.array(safePath) }),
  state: z.array(change),
  summary: z.looseObject({}),
  empty: z.boolean(),
  blocked: z.boolean(),
});

export function parseSavedPlan(file: string, text: string): { plan?: Plan; diagnostics: Diagnostic[] } {
  const fail = (summary: string, hint: string): { diagnostics: Diagnostic[] } => ({ diagnostics: [{ code: "plan-file/invalid", severity: "error", summary, location: { file }, hint }] });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`, "Make a new plan with `packs plan --out FILE`.");
  }
  const version = (value as { format_version?: unknown } | null)?.format_version;
  if (typeof version === "string" && version.split(".")[0] !== PLAN_FORMAT_VERSION) {
    return fail(`plan format ${version} is not supported (this packs reads format ${PLAN_FORMAT_VERSION})`, "Make the plan with the same version of packs that applies it.");
  }
  const r = planSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return fail(`not a packs plan: ${issue.path.join(".") || "document"}: ${issue.message}`, "Pass a file written by `packs plan --out FILE`.");
  }
  return { plan: r.data as unknown as Plan, diagnostics: [] };
}
