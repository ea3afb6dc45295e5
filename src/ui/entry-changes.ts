/**
 * What changes inside one config entry, field by field, read from the plan's JSON Patch: the
 * fields a new entry gets, and for a changed entry each operation with the value on disk before
 * it (from the item's `values.live`). Values that hold a literal secret come redacted. Pure.
 */
import { decodePointer } from "../core/json.js";
import { keyOf, redactLiteralSecrets } from "../core/literal-secrets.js";
import type { PlanItem } from "../core/plan-model.js";

export interface EntryChange {
  op: "add" | "remove" | "replace";
  /** Where inside the entry, readable: `env.TOKEN`, `args[2]`; empty for the entry itself. */
  field: string;
  before?: unknown;
  after?: unknown;
}

export function entryChanges(item: PlanItem): EntryChange[] {
  const t = item.target;
  if (t.kind !== "entry" || !item.patch || item.action === "delete") return [];
  const live = item.values?.live;
  return item.patch.flatMap((op): EntryChange[] => {
    const path = decodePointer(op.path).slice(t.pointer.length);
    if (op.op === "add" && path.length === 0) {
      // A new entry: its fields, one line each.
      return isObject(op.value) ? Object.entries(op.value).map(([k, after]) => ({ op: "add", field: fieldOf([k]), after: redactLiteralSecrets(after, k) })) : [];
    }
    const change: EntryChange = { op: op.op, field: fieldOf(path) };
    const key = keyOf(path);
    if (op.op !== "add" && live !== undefined) change.before = redactLiteralSecrets(at(live, path), key);
    if (op.op !== "remove") change.after = redactLiteralSecrets(op.value, key);
    return [change];
  });
}

function fieldOf(path: readonly string[]): string {
  return path.map((seg, i) => (/^\d+$/.test(seg) ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join("");
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, seg) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[seg] : undefined), value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
