/**
 * Finding array elements by key (an npm plugin by package name, an instructions file by path)
 * while the arrays grow: the first lookup in an array reads it once, later ones read only the
 * elements appended since, so N appends each preceded by a lookup cost N, not N².
 *
 * Contract: an array is known by identity and may change in place only by growing at the end;
 * after any other change (an element removed or replaced) the caller says so with changed().
 */
import type { JsonValue } from "../json.js";

interface Scan {
  /** How many elements, from the start, `first` covers. */
  read: number;
  /** Each key's first index among them. */
  first: Map<string, number>;
}

export class ElementIndex<Match extends string> {
  private readonly scans = new WeakMap<readonly JsonValue[], Map<Match, Scan>>();

  constructor(private readonly keyOf: (match: Match, element: JsonValue) => string | undefined) {}

  /** Index of the first element whose key (under `match`) is `key`; -1 if there is none. */
  indexOf(array: readonly JsonValue[], match: Match, key: string): number {
    let byMatch = this.scans.get(array);
    if (byMatch === undefined) this.scans.set(array, (byMatch = new Map()));
    let scan = byMatch.get(match);
    if (scan === undefined || scan.read > array.length) byMatch.set(match, (scan = { read: 0, first: new Map() }));
    for (; scan.read < array.length; scan.read++) {
      const k = this.keyOf(match, array[scan.read] as JsonValue);
      if (k !== undefined && !scan.first.has(k)) scan.first.set(k, scan.read);
    }
    return scan.first.get(key) ?? -1;
  }

  /** `array` changed other than by growing at the end: forget what was read of it. */
  changed(array: readonly JsonValue[]): void {
    this.scans.delete(array);
  }
}
