/**
 * The live state of the project as the planner sees it: files read by src/observe, plus a view
 * that answers "what is at this address now". Pure.
 */
import type { Diagnostic } from "./diagnostics.js";
import { parseJsonc, valueAt } from "./edit/jsonc-parse.js";
import { readSections } from "./edit/markdown-sections.js";
import { parseToml } from "./edit/toml-parse.js";
import { canonicalText } from "./file-content.js";
import { comparedValue, ignoreAt, itemPointer, NOTHING_IGNORED, type IgnoreRules, type ItemIgnore } from "./ignore.js";
import { elementKey, formatOf, type ItemAddress } from "./item.js";
import { canonicalJson, type JsonValue } from "./json.js";

export interface LiveFile {
  exists: boolean;
  /**
   * The text (UTF-8). Absent for a file that is not UTF-8, and for a whole file read for its
   * hash alone (engine/observe-live.ts): one that already holds the pack's content, or any whole
   * file when only hashes are compared. A file packs edits a part of always has it, when UTF-8.
   */
  text?: string;
  /** sha256 SRI of the canonical content (text: BOM stripped, CRLF→LF). */
  hash?: string;
  /** sha256 SRI of the exact bytes, for the stale check. */
  raw?: string;
}

export interface LiveSnapshot {
  files: Record<string, LiveFile>;
  /** Folder listings (entry names), or null for a folder that does not exist. */
  dirs: Record<string, string[] | null>;
}

export type Hasher = (text: string) => string;

export interface LiveEntry {
  value: JsonValue;
  /** Index in its array, for elements. */
  index?: number;
}

/** Answers questions about live values, parsing each config file once. */
export class LiveView {
  private readonly parsed = new Map<string, JsonValue | undefined>();
  private readonly sectionMaps = new Map<string, Map<string, string> | undefined>();
  readonly diagnostics: Diagnostic[] = [];

  /** `ignore`: packs.yaml's `ignore:`, pointer patterns per file (see core/ignore.ts). */
  constructor(readonly snapshot: LiveSnapshot, private readonly hash: Hasher, readonly ignore: IgnoreRules = {}) {}

  file(path: string): LiveFile {
    return this.snapshot.files[path] ?? { exists: false };
  }

  /**
   * The parsed config file (JSON(C) or TOML, by its name); undefined when absent or invalid
   * (invalid adds a diagnostic once).
   */
  config(path: string): JsonValue | undefined {
    if (this.parsed.has(path)) return this.parsed.get(path);
    const f = this.file(path);
    let value: JsonValue | undefined;
    if (f.exists && f.text === undefined) this.notText(path);
    else if (f.exists) {
      const format = formatOf(path);
      const r = format === "toml" ? parseToml(f.text ?? "") : parseJsonc(f.text ?? "");
      const e = r.errors[0];
      if (e) {
        this.diagnostics.push({
          code: `config/invalid-${format === "toml" ? "toml" : "jsonc"}`,
          severity: "error",
          summary: `not valid ${format === "toml" ? "TOML" : "JSONC"}: ${e.message}`,
          location: { file: path, line: e.line, col: e.col },
          hint: "Fix the file (packs never rewrites a file it cannot parse), then run the command again.",
        });
      } else value = r.value;
    }
    this.parsed.set(path, value);
    return value;
  }

  /** The packs sections of a Markdown file by id; undefined when absent or its markers are broken. */
  sections(path: string): Map<string, string> | undefined {
    if (this.sectionMaps.has(path)) return this.sectionMaps.get(path);
    const f = this.file(path);
    let out: Map<string, string> | undefined;
    if (f.exists && f.text === undefined) this.notText(path);
    else if (f.exists) {
      const r = readSections(f.text ?? "");
      const p = r.problems[0];
      if (p) {
        this.diagnostics.push({
          code: "config/broken-section-markers",
          severity: "error",
          summary: p.message,
          location: { file: path, line: p.line, col: p.col },
          hint: "Restore or remove the packs:begin / packs:end marker pair (packs never guesses where a section ends).",
        });
      } else out = new Map(r.sections.map((s) => [s.id, s.content]));
    }
    this.sectionMaps.set(path, out);
    return out;
  }

  /**
   * A file packs edits a part of that is not UTF-8 text (a Latin-1 or UTF-16 save, binary): read
   * as text it would look empty, and writing the edit would replace everything in it.
   */
  private notText(path: string): void {
    this.diagnostics.push({
      code: "config/not-utf8",
      severity: "error",
      summary: `${path} is not UTF-8 text, so packs cannot edit it without losing what it holds`,
      location: { file: path },
      hint: "Save the file as UTF-8 (packs never rewrites a file it cannot read), then run the command again.",
    });
  }

  entry(address: ItemAddress): LiveEntry | undefined {
    switch (address.kind) {
      case "file":
        return undefined;
      case "section": {
        const text = this.sections(address.path)?.get(address.id);
        return text === undefined ? undefined : { value: text };
      }
      case "entry": {
        const v = valueAt(this.config(address.path), address.pointer);
        return v === undefined ? undefined : { value: v };
      }
      case "element": {
        const arr = valueAt(this.config(address.path), address.array);
        if (!Array.isArray(arr)) return undefined;
        const index = arr.findIndex((el) => elementKey(address.match, el) === address.key);
        return index === -1 ? undefined : { value: arr[index]!, index };
      }
    }
  }

  /** The `ignore:` patterns that bear on a config item (its index, for an element). */
  ignoreFor(address: ItemAddress, index?: number): ItemIgnore {
    const patterns = this.ignore[address.path];
    return patterns ? ignoreAt(patterns, itemPointer(address, index)) : NOTHING_IGNORED;
  }

  /**
   * The live value as packs compares it: at the locations `ignore:` names, the value packs
   * `recorded` for the item stands in for what is on disk (without a record, the `desired` one).
   * Files and sections are as they are.
   */
  compared(address: ItemAddress, recorded?: JsonValue, desired?: JsonValue): LiveEntry | undefined {
    const e = this.entry(address);
    if (e === undefined || address.kind === "file" || address.kind === "section") return e;
    const ignore = this.ignoreFor(address, e.index);
    if (!ignore.whole && ignore.inner.length === 0) return e;
    return { ...e, value: comparedValue(e.value, recorded ?? desired, ignore, recorded !== undefined) };
  }

  /**
   * The canonical hash of what is at the address now, or undefined when nothing is; for config
   * items, of the value as compared (see `compared`).
   */
  hashAt(address: ItemAddress, recorded?: JsonValue, desired?: JsonValue): string | undefined {
    if (address.kind === "file") {
      const f = this.file(address.path);
      return f.exists ? f.hash : undefined;
    }
    const e = this.compared(address, recorded, desired);
    if (e === undefined) return undefined;
    return address.kind === "section" ? this.hash(canonicalText(e.value as string)) : this.hash(canonicalJson(e.value));
  }
}
