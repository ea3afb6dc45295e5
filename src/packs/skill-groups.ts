/**
 * One `skill_groups` entry → SkillGroup, given the names its skills resolved to. A group's
 * activation decides when its skills are installed: always, when its detect rules match the
 * project, or only when the user enables it in packs.yaml.
 */
import type { SkillGroup } from "../core/pack-model.js";
import type { ManifestSkillGroup } from "./manifest-schema.js";
import { at, type PackContext } from "./pack-context.js";
import { toDetectRules } from "./detect-rules.js";
import { isKeyName } from "./names.js";
import { compareStrings } from "./pack-paths.js";

export function toSkillGroup(ctx: PackContext, name: string, group: ManifestSkillGroup | null, skills: readonly string[]): SkillGroup {
  const path = ["skill_groups", name];
  if (!isKeyName(name)) {
    ctx.sink.error("pack/invalid-name", `skill group name "${name}" is not allowed`, at(ctx, path, "key"),
      "Use letters, digits, '.', '_' and '-' only, starting with a letter or digit, e.g. core.");
  }
  const activation = group?.activation ?? "always";
  const detect = toDetectRules(group?.detect);
  if (activation === "detect" && detect.length === 0 && !ctx.isBroken([...path, "detect"])) {
    ctx.sink.error("pack/group-detect-without-rules", `skill group "${name}" has activation: detect but no detect rules`,
      at(ctx, [...path, "activation"]), 'Add detect rules, e.g. detect: [{files: ["dbt_project.yml"]}], or use activation: always or manual.');
  } else if (activation !== "detect" && detect.length > 0) {
    ctx.sink.warning("pack/group-detect-unused", `skill group "${name}" has detect rules, but they only apply with activation: detect`,
      at(ctx, [...path, "detect"], "key"), "Set activation: detect, or remove the detect rules.");
  }
  const out: SkillGroup = { name, activation, detect, skills: [...new Set(skills)].sort(compareStrings) };
  if (typeof group?.description === "string") out.description = group.description;
  return out;
}
