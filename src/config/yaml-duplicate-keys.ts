/**
 * Duplicate map keys of a YAML document, found in one pass. The yaml library can check this
 * itself (`uniqueKeys: true`), but compares each new key with every earlier one of its map, so
 * a packs.yaml of 1,000 packs cost a million comparisons. This is the library's rule with a set
 * per map: two keys are the same when they are the same node (two missing keys included), or
 * scalars whose values are `===` (so `1` and `"1"` differ, and `.nan` never repeats).
 */
import { isNode, isPair, isScalar, visit, type Document } from "yaml";

const MISSING_KEY = Symbol("missing key");

/** Offsets of the keys that repeat an earlier key of the same map, in document order. */
export function duplicateKeyOffsets(doc: Document): number[] {
  const out: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        const id = isScalar(key) ? key.value : (key ?? MISSING_KEY);
        if (Number.isNaN(id)) continue;
        if (seen.has(id)) out.push(startOf(key) ?? startOf(pair.value) ?? startOf(map) ?? 0);
        seen.add(id);
      }
    },
  });
  return out.sort((a, b) => a - b);
}

function startOf(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}
