/**
 * Build the new text of one shared config file from the item decisions that touch it: remove
 * what packs owns and no longer wants, set what it wants, prune containers packs created that
 * became empty, and delete the file itself when packs created it and nothing of ours is left.
 * Edits are surgical (src/core/edit): comments, order and indentation of everything else survive.
 */
import jsonPatch from "fast-json-patch";
import { ElementIndex } from "./edit/json-element-index.js";
import { JsoncEditSession, type JsoncEdit } from "./edit/jsonc-edit.js";
import { parseJsonc, valueAt } from "./edit/jsonc-parse.js";
import { positionOf } from "./edit/jsonc-tree.js";
import { renderJson } from "./edit/jsonc-edit.js";
import { ignoreAt, keepIgnored } from "./ignore.js";
import { elementKey, type ItemAddress } from "./item.js";
import { canonicalJson, encodePointer, isJsonObject, type JsonObject, type JsonValue } from "./json.js";
import type { PatchOperation } from "./plan-model.js";
import { emptyResult, type FileBuildResult } from "./plan-file-result.js";
import type { ItemDecision } from "./plan-items.js";

export function buildJsonFile(
  path: string,
  liveText: string | undefined,
  template: JsonObject,
  decisions: readonly ItemDecision[],
  created: ReadonlySet<string>,
  /** This file's `ignore:` patterns: what an agent keeps there inside an entry stays (core/ignore.ts). */
  ignore?: readonly (readonly string[])[],
): FileBuildResult {
  const out = emptyResult();
  const initial = liveText ?? renderJson(template);
  // out.createdNow, as a set: a file gaining N containers must not search a list N times.
  const createdHere = new Set<string>();
  const noteCreated = (id: string) => {
    out.createdNow.push(id);
    createdHere.add(id);
  };
  if (liveText === undefined) noteCreated(path);
  let doc = parse(initial);
  const isCreated = (id: string) => created.has(id) || createdHere.has(id);
  // One edit session per file: the document follows the edits in memory (no re-parse per edit),
  // and the text is checked against it once at the end.
  let session: JsoncEditSession | undefined;
  const edit = (e: JsoncEdit) => {
    session ??= new JsoncEditSession(initial);
    session.apply(e);
    doc = session.value;
  };
  // Element lookups read each array once, not once per element added (see ElementIndex).
  const elements = new ElementIndex(elementKey);
  const indexOf = (a: Extract<ItemAddress, { kind: "element" }>): number => {
    const arr = valueAt(doc, a.array);
    return Array.isArray(arr) ? elements.indexOf(arr, a.match, a.key) : -1;
  };
  const changedElements = (array: string[]) => {
    const arr = valueAt(doc, array);
    if (Array.isArray(arr)) elements.changed(arr);
  };
  const currentText = () => session?.text ?? initial;

  if (!isJsonObject(doc)) {
    out.diagnostics.push({
      code: "config/unexpected-shape",
      severity: "error",
      summary: "the top level is not an object, so packs cannot add to it",
      location: { file: path, ...positionOf(initial, []) },
      hint: "An agent config is a JSON object ({ … }); fix the file, then plan again.",
    });
    return out;
  }

  // Writes first, then removals: an item that moves within a container (a renamed pack's
  // instructions file) never empties it, so a container is never removed and made again.
  for (const x of decisions.filter((d) => d.decision.write === "desired")) {
    const a = x.desired!.address;
    const value = (x.desired!.value as { value: JsonValue }).value;
    if (a.kind === "entry") {
      if (!containerOk(a.pointer.slice(0, -1), "object")) continue;
      const old = valueAt(doc, a.pointer);
      const kept = keepIgnored(value, old, x.recorded?.value, ignoreAt(ignore, a.pointer));
      edit({ op: "set", path: a.pointer, value: kept });
      out.patches.set(x.id, old === undefined ? [{ op: "add", path: encodePointer(a.pointer), value: kept }] : diff(a.pointer, old, kept));
    } else if (a.kind === "element") {
      if (!containerOk(a.array, "array")) continue;
      const index = indexOf(a);
      if (index === -1) {
        edit({ op: "append", path: a.array, value });
        out.patches.set(x.id, [{ op: "add", path: encodePointer([...a.array, "-"]), value }]);
      } else {
        edit({ op: "replace-element", path: a.array, index, value });
        changedElements(a.array);
        out.patches.set(x.id, [{ op: "replace", path: encodePointer([...a.array, String(index)]), value }]);
      }
    }
  }

  for (const x of decisions.filter((d) => d.decision.write === "delete")) {
    const a = x.recorded!.address;
    if (a.kind === "entry") {
      edit({ op: "remove", path: a.pointer });
      out.patches.set(x.id, [{ op: "remove", path: encodePointer(a.pointer) }]);
      prune(a.pointer.slice(0, -1));
    } else if (a.kind === "element") {
      const index = indexOf(a);
      if (index === -1) continue;
      edit({ op: "remove-element", path: a.array, index });
      changedElements(a.array);
      out.patches.set(x.id, [{ op: "remove", path: encodePointer([...a.array, String(index)]) }]);
      prune(a.array);
    }
  }

  const text = session ? session.result() : initial;
  if (isCreated(path) && canonicalJson(doc) === canonicalJson(template)) {
    out.after = liveText === undefined ? undefined : null;
    out.removed.push(path);
  } else if (text !== liveText) {
    out.after = text;
  }
  return out;

  /** Remove containers packs created that are now empty, deepest first. */
  function prune(segments: string[]) {
    for (let n = segments.length; n > 0; n--) {
      const anc = segments.slice(0, n);
      const id = `${path}#${encodePointer(anc)}`;
      const v = valueAt(doc, anc);
      const empty = Array.isArray(v) ? v.length === 0 : isJsonObject(v) && Object.keys(v).length === 0;
      if (!isCreated(id) || !empty || !isJsonObject(valueAt(doc, anc.slice(0, -1)) ?? doc)) return;
      edit({ op: "remove", path: anc });
      out.removed.push(id);
    }
  }

  /** Check the ancestors of a new value; remember the ones packs creates. */
  function containerOk(segments: string[], leaf: "object" | "array"): boolean {
    for (let n = 1; n <= segments.length; n++) {
      const anc = segments.slice(0, n);
      const v = valueAt(doc, anc);
      const want = n === segments.length ? leaf : "object";
      if (v === undefined) {
        for (let m = n; m <= segments.length; m++) noteCreated(`${path}#${encodePointer(segments.slice(0, m))}`);
        return true;
      }
      if (want === "array" ? !Array.isArray(v) : !isJsonObject(v)) {
        out.diagnostics.push({
          code: "config/unexpected-shape",
          severity: "error",
          summary: `${encodePointer(anc)} is not ${want === "array" ? "an array" : "an object"}, so packs cannot add to it`,
          location: { file: path, ...positionOf(currentText(), anc) },
          hint: `Make ${encodePointer(anc)} ${want === "array" ? "an array" : "an object"} (or remove it), then plan again.`,
        });
        return false;
      }
    }
    return true;
  }
}

function parse(text: string): JsonValue | undefined {
  const r = parseJsonc(text);
  if (r.errors.length > 0) throw new Error(`bug: an edit produced invalid JSONC: ${r.errors[0]!.message}`);
  return r.value;
}

function diff(pointer: string[], before: JsonValue, after: JsonValue): PatchOperation[] {
  if (!isJsonObject(before) || !isJsonObject(after)) return [{ op: "replace", path: encodePointer(pointer), value: after }];
  const prefix = encodePointer(pointer);
  return jsonPatch.compare(before, after).map((o) => ({ ...(o as PatchOperation), path: prefix + o.path }));
}
