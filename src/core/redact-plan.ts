/**
 * Literal secrets out of a plan that is shown rather than applied (`--json`, views): every item
 * value and patch value redacted, and each secret string the items hold replaced in the bytes
 * of the files the plan writes. Such a plan describes the change; it cannot be applied, so a
 * saved plan (`plan --out`) is refused instead when it would hold a secret (secretsInPlan).
 */
import { decodePointer } from "./json.js";
import { holdsLiteralSecret, keyOf, REDACTED_SECRET, redactLiteralSecrets } from "./literal-secrets.js";
import type { FileChange, Plan, PlanItem } from "./plan-model.js";

/** The literal secret strings among the values the plan's items write or show. */
export function secretsInPlan(plan: Plan): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === "string") {
      if (holdsLiteralSecret(value, key)) found.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  for (const i of plan.items) {
    visit(i.values, "");
    for (const op of i.patch ?? []) visit(op.value, lastKey(op.path));
  }
  return [...found];
}

export function redactPlan(plan: Plan): Plan {
  const secrets = secretsInPlan(plan);
  if (secrets.length === 0) return plan;
  const inText = (text: string) => secrets.reduce((t, s) => t.split(s).join(REDACTED_SECRET).split(JSON.stringify(s).slice(1, -1)).join(REDACTED_SECRET), text);
  const file = (c: FileChange): FileChange => (c.after?.encoding === "utf8" ? { ...c, after: { encoding: "utf8", text: inText(c.after.text) } } : c);
  const item = (i: PlanItem): PlanItem => ({
    ...i,
    ...(i.values && { values: redactLiteralSecrets(i.values) as PlanItem["values"] }),
    ...(i.patch && { patch: i.patch.map((op) => ("value" in op ? { ...op, value: redactLiteralSecrets(op.value, lastKey(op.path)) } : op)) }),
  });
  return { ...plan, items: plan.items.map(item), files: { ...plan.files, writes: plan.files.writes.map(file) }, state: plan.state.map(file) };
}

function lastKey(pointer: string): string {
  return keyOf(decodePointer(pointer));
}
