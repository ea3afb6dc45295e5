/**
 * Fold the desired items of every pack into one per address. Packs that want the same value
 * co-own it; packs that want different values at one address are a plan error naming both.
 */
import type { Diagnostic } from "./diagnostics.js";
import { canonicalText } from "./file-content.js";
import { addressId, type DesiredItem, type ItemValue } from "./item.js";
import { canonicalJson } from "./json.js";
import type { Hasher } from "./live.js";

export interface DesiredGroup extends Omit<DesiredItem, "owner"> {
  owners: string[];
  hash: string;
}

export function groupDesired(items: readonly DesiredItem[], hash: Hasher): { groups: Map<string, DesiredGroup>; diagnostics: Diagnostic[] } {
  const groups = new Map<string, DesiredGroup>();
  const diagnostics: Diagnostic[] = [];
  const refused = new Set<string>();
  for (const item of items) {
    const id = addressId(item.address);
    if (refused.has(id)) continue;
    const h = valueHash(item.value, hash);
    const prev = groups.get(id);
    if (!prev) {
      const { owner, ...rest } = item;
      groups.set(id, { ...rest, owners: [owner], hash: h });
      continue;
    }
    if (prev.hash === h) {
      if (!prev.owners.includes(item.owner)) prev.owners.push(item.owner);
      for (const a of item.serves) if (!prev.serves.includes(a)) prev.serves.push(a);
      continue;
    }
    refused.add(id);
    groups.delete(id);
    diagnostics.push({
      code: "plan/packs-disagree",
      severity: "error",
      summary: `packs "${prev.owners[0]}" and "${item.owner}" both set ${id} to different values`,
      location: { file: "packs.yaml" },
      hint: `Exclude it from one of them in packs.yaml (e.g. exclude: [${excludeHint(id)}] under "${item.owner}"), or remove one pack.`,
    });
  }
  for (const g of groups.values()) {
    g.owners.sort();
    g.serves.sort();
  }
  return { groups, diagnostics };
}

/** The canonical hash of a desired value: the same one the live view computes for what is on disk. */
export function valueHash(v: ItemValue, hash: Hasher): string {
  switch (v.type) {
    case "json":
      return hash(canonicalJson(v.value));
    case "file":
      return v.hash;
    case "text":
      return hash(canonicalText(v.text));
  }
}

function excludeHint(id: string): string {
  const m = /#\/mcp\/([^/]+)$/.exec(id) ?? /#\/mcpServers\/([^/]+)$/.exec(id) ?? /#\/servers\/([^/]+)$/.exec(id);
  if (m) return `mcp/${m[1]}`;
  const skill = /skills\/([^/]+)\//.exec(id);
  if (skill) return `skills/${skill[1]}`;
  if (/#\/plugin\//.test(id)) return `plugins/${id.split("#/plugin/")[1]}`;
  return "instructions";
}
