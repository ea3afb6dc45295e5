/**
 * A text as a doubly linked list of lines (the Line of markdown-lines.ts: text, then its line
 * break), for edit sessions that change many places of one file: inserting or dropping lines
 * costs the lines changed, and a line keeps its identity while lines around it change, so a
 * session can hold on to the lines it found once. The TOML session uses it too: a TOML line
 * also ends after "\n", and splitLines cuts there.
 *
 * Invariant kept by callers: only the last line may have no line break, and no line is empty
 * without one (text "" with eol "" is no line at all).
 */
import type { Line } from "./markdown-lines.js";

export interface ChainLine extends Line {
  prev: ChainLine | undefined;
  next: ChainLine | undefined;
}

export class LineChain {
  head: ChainLine | undefined;
  tail: ChainLine | undefined;

  constructor(lines: readonly Line[] = []) {
    this.insertBefore(undefined, lines);
  }

  /** Links new lines with the content of `lines` before `next`, or at the end when it is undefined. */
  insertBefore(next: ChainLine | undefined, lines: readonly Line[]): ChainLine[] {
    const added: ChainLine[] = [];
    let prev = next === undefined ? this.tail : next.prev;
    for (const line of lines) {
      const node: ChainLine = { text: line.text, eol: line.eol, prev, next };
      if (prev === undefined) this.head = node;
      else prev.next = node;
      added.push(node);
      prev = node;
    }
    if (next === undefined) this.tail = prev;
    else next.prev = prev;
    return added;
  }

  /** Unlinks `first` through `last` (which must not come before it) and returns them in order. */
  remove(first: ChainLine, last: ChainLine): ChainLine[] {
    const removed: ChainLine[] = [];
    for (let node: ChainLine | undefined = first; ; node = node.next) {
      if (node === undefined) throw new Error("bug: LineChain.remove: the last line does not follow the first");
      removed.push(node);
      if (node === last) break;
    }
    const before = first.prev;
    const after = last.next;
    if (before === undefined) this.head = after;
    else before.next = after;
    if (after === undefined) this.tail = before;
    else after.prev = before;
    return removed;
  }

  /** `first` through `last` joined, line breaks included. */
  textOf(first: ChainLine, last: ChainLine): string {
    let out = "";
    for (let node: ChainLine | undefined = first; node !== undefined; node = node === last ? undefined : node.next) out += node.text + node.eol;
    return out;
  }

  text(): string {
    return this.head === undefined ? "" : this.textOf(this.head, this.tail!);
  }
}
