/** `detect` rules (top level and per skill group) → the model's DetectRule. */
import type { DetectRule } from "../core/pack-model.js";
import type { ManifestDetectRule } from "./manifest-schema.js";

export function toDetectRules(rules: readonly ManifestDetectRule[] | null | undefined): DetectRule[] {
  return (rules ?? []).map((r) => (typeof r.message === "string" ? { files: [...r.files], message: r.message } : { files: [...r.files] }));
}
