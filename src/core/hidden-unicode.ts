/**
 * Hidden Unicode in text an agent reads (SKILL.md files, instructions, a pack's manifest):
 * characters that render as nothing, or that reorder what is shown, so a reviewer does not see
 * what the agent gets. Bidirectional controls ("Trojan Source", CVE-2021-42574), zero-width
 * characters, tag characters (which spell out ASCII invisibly: "ASCII smuggling") and other
 * invisible format characters. Pure; `packs validate` reports the findings, `packs plan` can too.
 *
 * Flagged: every code point of general category Cf or with the Default_Ignorable_Code_Point
 * property, plus the Hangul fillers that render blank, except
 * - a byte order mark (U+FEFF) at the very start of the text;
 * - the prepended concatenation marks of Arabic, Syriac and Kaithi (Cf, but visible signs);
 * - the variation selectors U+FE00–U+FE0F (emoji presentation, as in ❤️) and the Mongolian free
 *   variation selectors, which shape visible letters;
 * - a ZERO WIDTH JOINER between two pictographs (an emoji sequence such as 👩‍💻), and the tag
 *   characters of a flag emoji (U+1F3F4 followed by tags up to CANCEL TAG).
 */

export type HiddenKind = "bidi" | "zero-width" | "tag" | "invisible";

export interface HiddenChar {
  /** 1-based line; lines end at LF, CRLF or a lone CR. */
  line: number;
  /** 1-based column in UTF-16 code units (what editors show), a leading BOM not counted. */
  col: number;
  /** Offset of the character in the text (UTF-16 code units). */
  offset: number;
  codePoint: number;
  kind: HiddenKind;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE`. */
  label: string;
}

/** Adjacent hidden characters, reported once. */
export interface HiddenRun {
  line: number;
  col: number;
  chars: HiddenChar[];
  /** For a run of tag characters: the ASCII they spell. */
  decoded?: string;
}

const CANDIDATE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u115F\u1160\u3164\uFFA0]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const BIDI = /\p{Bidi_Control}/u;

/** Cf, but a visible sign that joins the digits after it. */
const PREPENDED_CONCATENATION_MARKS = new Set([0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6dd, 0x70f, 0x890, 0x891, 0x8e2, 0x110bd, 0x110cd]);

const NAMES: Record<number, string> = {
  0x00ad: "SOFT HYPHEN",
  0x034f: "COMBINING GRAPHEME JOINER",
  0x061c: "ARABIC LETTER MARK",
  0x115f: "HANGUL CHOSEONG FILLER",
  0x1160: "HANGUL JUNGSEONG FILLER",
  0x17b4: "KHMER VOWEL INHERENT AQ",
  0x17b5: "KHMER VOWEL INHERENT AA",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0x206a: "INHIBIT SYMMETRIC SWAPPING",
  0x206b: "ACTIVATE SYMMETRIC SWAPPING",
  0x206c: "INHIBIT ARABIC FORM SHAPING",
  0x206d: "ACTIVATE ARABIC FORM SHAPING",
  0x206e: "NATIONAL DIGIT SHAPES",
  0x206f: "NOMINAL DIGIT SHAPES",
  0x3164: "HANGUL FILLER",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
  0xffa0: "HALFWIDTH HANGUL FILLER",
  0xfff9: "INTERLINEAR ANNOTATION ANCHOR",
  0xfffa: "INTERLINEAR ANNOTATION SEPARATOR",
  0xfffb: "INTERLINEAR ANNOTATION TERMINATOR",
  0xe0001: "LANGUAGE TAG",
  0xe007f: "CANCEL TAG",
};

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

/** `U+202E` and, when known, the character's name. */
export function codePointLabel(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[cp] ?? tagName(cp) ?? variationSelectorName(cp);
  return name ? `${hex} ${name}` : hex;
}

function tagName(cp: number): string | undefined {
  if (cp < 0xe0020 || cp > 0xe007e) return undefined;
  const ch = String.fromCharCode(cp - 0xe0000);
  return /[A-Za-z]/.test(ch) ? `TAG LATIN ${ch === ch.toUpperCase() ? "CAPITAL" : "SMALL"} LETTER ${ch.toUpperCase()}` : `TAG ${JSON.stringify(ch)}`;
}

function variationSelectorName(cp: number): string | undefined {
  return cp >= 0xe0100 && cp <= 0xe01ef ? `VARIATION SELECTOR-${cp - 0xe0100 + 17}` : undefined;
}

export function hiddenKind(cp: number): HiddenKind {
  const ch = String.fromCodePoint(cp);
  if (BIDI.test(ch)) return "bidi";
  if (ZERO_WIDTH.has(cp)) return "zero-width";
  if (cp >= 0xe0000 && cp <= 0xe007f) return "tag";
  return "invisible";
}

function isCandidate(cp: number): boolean {
  if (PREPENDED_CONCATENATION_MARKS.has(cp)) return false;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return false; // emoji and text presentation selectors
  if ((cp >= 0x180b && cp <= 0x180d) || cp === 0x180f) return false; // Mongolian free variation selectors
  return CANDIDATE.test(String.fromCodePoint(cp));
}

/** Every hidden character of `text`, in order. */
export function findHiddenUnicode(text: string): HiddenChar[] {
  // Every flagged character is a candidate, so a text without one has no findings: this skips
  // the per-code-point walk for the SKILL.md files and instructions of a whole project.
  if (!CANDIDATE.test(text)) return [];
  const cps: { cp: number; offset: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    cps.push({ cp, offset: i });
    i += cp > 0xffff ? 2 : 1;
  }
  const exempt = exemptions(cps);
  const out: HiddenChar[] = [];
  let line = 1;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const [i, { cp, offset }] of cps.entries()) {
    if (cp === 0x0a || cp === 0x0d) {
      if (!(cp === 0x0d && text.charCodeAt(offset + 1) === 0x0a)) {
        line++;
        lineStart = offset + 1;
      }
      continue;
    }
    if (offset === 0 && cp === 0xfeff) continue;
    if (exempt.has(i) || !isCandidate(cp)) continue;
    out.push({ line, col: offset - lineStart + 1, offset, codePoint: cp, kind: hiddenKind(cp), label: codePointLabel(cp) });
  }
  return out;
}

/** Indexes (into `cps`) of joiners inside emoji sequences and of the tags of flag emoji. */
function exemptions(cps: readonly { cp: number }[]): Set<number> {
  const out = new Set<number>();
  const pictograph = (i: number) => i >= 0 && i < cps.length && PICTOGRAPH.test(String.fromCodePoint(cps[i]!.cp));
  const modifier = (cp: number) => cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!.cp;
    if (cp === 0x200d) {
      let before = i - 1;
      while (before >= 0 && modifier(cps[before]!.cp)) before--;
      if (pictograph(before) && pictograph(i + 1)) out.add(i);
    } else if (cp === 0x1f3f4) {
      let j = i + 1;
      while (j < cps.length && cps[j]!.cp >= 0xe0020 && cps[j]!.cp <= 0xe007e) j++;
      if (j > i + 1 && j < cps.length && cps[j]!.cp === 0xe007f) for (let k = i + 1; k <= j; k++) out.add(k);
    }
  }
  return out;
}

/** The findings grouped into runs of adjacent characters, so a smuggled message is one finding, not one per character. */
export function hiddenRuns(text: string): HiddenRun[] {
  const runs: HiddenRun[] = [];
  let last: HiddenChar | undefined;
  for (const c of findHiddenUnicode(text)) {
    const run = runs[runs.length - 1];
    if (run && last && last.line === c.line && last.offset + (last.codePoint > 0xffff ? 2 : 1) === c.offset) run.chars.push(c);
    else runs.push({ line: c.line, col: c.col, chars: [c] });
    last = c;
  }
  for (const run of runs) {
    const tags = run.chars.filter((c) => c.codePoint >= 0xe0020 && c.codePoint <= 0xe007e);
    if (tags.length > 0) run.decoded = tags.map((c) => String.fromCharCode(c.codePoint - 0xe0000)).join("");
  }
  return runs;
}

/** One line about a run: what it is and, for tags, what they spell. */
export function describeRun(run: HiddenRun, maxListed = 3): string {
  const n = run.chars.length;
  const kinds = [...new Set(run.chars.map((c) => c.kind))];
  const what = kinds.length === 1 ? KIND_WORDS[kinds[0]!] : "hidden";
  const listed = [...new Set(run.chars.map((c) => c.label))];
  const rest = listed.length - maxListed;
  const shown = listed.slice(0, maxListed).join(", ") + (rest > 0 ? ` and ${rest} other code point${rest === 1 ? "" : "s"}` : "");
  const head = n === 1 ? `a ${what} character, ${shown}` : `${n} ${what} characters in a row (${shown})`;
  return run.decoded !== undefined ? `${head}, invisibly spelling ${JSON.stringify(truncate(run.decoded, 80))}` : head;
}

const KIND_WORDS: Record<HiddenKind, string> = {
  bidi: "bidirectional control",
  "zero-width": "zero-width",
  tag: "Unicode tag",
  invisible: "invisible format",
};

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
