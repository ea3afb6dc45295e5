/**
 * Skills a PACK.yaml (or KIT.yaml) takes from another repository: `skills: [{source:
 * owner/repo, select: [...]}]`, the form of the published altimate kits. The loader cannot fetch,
 * so this lists those sources first; the resolver fetches each and hands the skill folders back
 * to loadPack as `remote` trees, filed under a prefix of their own (`remotePrefix`).
 */
import { isMap, isSeq, parseDocument } from "yaml";
import { canonicalText } from "../core/file-content.js";
import type { PackFile } from "../core/pack-model.js";
import { LEGACY_MANIFEST, MANIFEST } from "./choose-manifest.js";
import { isLocalSkillSource } from "./skill-entries.js";
import { findSkillFolders } from "./skill-folders.js";
import { isAtOrUnder } from "./pack-paths.js";

/** The remote skill sources a pack's manifest names, each once, in manifest order. */
export function remoteSkillSources(files: readonly Pick<PackFile, "path" | "content">[]): string[] {
  const manifest = files.find((f) => f.path === MANIFEST) ?? files.find((f) => f.path === LEGACY_MANIFEST);
  if (!manifest || manifest.content.encoding !== "utf8") return [];
  if (!mayNameSource(manifest.content.text)) return [];
  const doc = parseDocument(canonicalText(manifest.content.text), { uniqueKeys: false });
  if (doc.errors.length > 0) return []; // loadPack reports it
  const lists = [doc.get("skills"), ...groupSkillLists(doc.get("skill_groups"))];
  const out: string[] = [];
  for (const list of lists) {
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const source = isMap(item) ? item.get("source") : undefined;
      if (typeof source === "string" && !isLocalSkillSource(source) && !out.includes(source)) out.push(source);
    }
  }
  return out;
}

/**
 * A manifest whose text never spells `source` has no `source:` key, so no remote skills, and
 * need not be parsed a second time (loadPack parses it with positions). The one other way to
 * write the key is with escapes in a double-quoted scalar, hence the backslash.
 */
function mayNameSource(text: string): boolean {
  return text.includes("source") || text.includes("\\");
}

function groupSkillLists(groups: unknown): unknown[] {
  return isMap(groups) ? groups.items.map((pair) => (isMap(pair.value) ? pair.value.get("skills") : undefined)) : [];
}

/** Where a remote source's files are filed inside the pack: a folder no pack file can have. */
export function remotePrefix(source: string): string {
  return `@${source.replace(/[^A-Za-z0-9._-]+/g, "_")}`;
}

/** Only what the pack can use of a fetched repository: the files of its skill folders. */
export function skillFilesOnly<T extends { path: string }>(files: readonly T[]): T[] {
  const folders = findSkillFolders(files.map((f) => f.path));
  return files.filter((f) => folders.some((d) => isAtOrUnder(f.path, d)));
}
