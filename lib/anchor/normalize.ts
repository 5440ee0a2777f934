/**
 * The matching form of a text: what quotes are compared in. Never shown; the stored text stays as it was, and
 * every character of the matching form records the range of the original it came from, so a match found here
 * is reported as exact offsets into the original.
 *
 * ## Text normalization rules (for matching quotes, not for display)
 *
 * 1. Unicode: NFKC, per character with its combining marks. NFKC rather than NFC because PDF extraction and
 *    publishers' XML carry compatibility characters that a reader types as their plain form: ligatures
 *    (ﬁ ﬂ ﬀ ﬃ → fi fl ff ffi), no-break and thin spaces, full-width forms, the micro sign (µ → μ), super- and
 *    subscripts (Ca²⁺ → Ca2+), the ellipsis (… → ...). Both NFC and NFKC compose accents, so "é" typed
 *    precomposed and "e" + combining acute match. (Spacing accents such as ¨ stay as written, since NFKC would
 *    turn them into a space plus a combining mark.)
 * 2. Removed: soft hyphens (U+00AD), zero-width space / non-joiner / joiner, word joiner, BOM and the other
 *    invisible characters listed in chars.ts.
 * 3. Whitespace: any run of spaces, tabs, line breaks (LF, CR, CRLF, U+2028, U+2029) and no-break or thin
 *    spaces becomes one space.
 * 4. Quotes and dashes: ‘ ’ ‚ ‛ ′ ‹ › ´ ` → ' ; “ ” „ ‟ ″ « » → " ; hyphen, non-breaking hyphen, figure dash,
 *    en and em dash, horizontal bar, minus sign → - .
 * 5. Line-end hyphenation: a hyphen (-, U+2010, U+2011) directly after a non-space character and followed by
 *    exactly one line break (spaces around it allowed) and then a non-space character: the break is always
 *    removed; the hyphen too when the two parts look like one word split by typesetting: the part before is
 *    two or more lowercase letters with at most a leading capital ("differen-⏎tiation" → "differentiation",
 *    "Parkin-⏎son" → "Parkinson"), the part after is lowercase letters only, and neither is a listed compound
 *    part (hyphenation.ts: "non", "self", "cell", … before; "derived", "mediated", "dependent", … after).
 *    Otherwise the hyphen stays: "miR-⏎133a" → "miR-133a", "X-⏎ray" → "X-ray", "hsa-⏎miR-21" → "hsa-miR-21",
 *    "α-⏎synuclein" → "α-synuclein", "exosome-⏎derived" → "exosome-derived". A soft hyphen before a line
 *    break always joins. Known failures: a compound whose parts are not listed loses its hyphen
 *    ("anti-⏎inflammatory" → "antiinflammatory", "cross-⏎talk" → "crosstalk"); a split word whose first part
 *    is listed or is a capitalised two-letter syllable keeps it ("non-⏎sense" → "non-sense",
 *    "Ex-⏎osomes" → "Ex-osomes"); en and em dashes at a line end are left to rule 3 ("10–⏎20" → "10- 20").
 *    A typed quote is therefore also tried against the text with every line-end hyphen joined and with every
 *    one kept (verifyQuote); re-anchoring reports such a difference as an approximate match.
 * 6. Nothing else: letter case, digits, Greek letters and punctuation are compared as written.
 *
 * The rules depend only on the characters of a "unit": a character with its combining marks, a whitespace run,
 * or a line-end hyphenation site with the word parts on both sides. A slice of the original that starts and ends
 * on unit boundaries normalizes to exactly the matching form's slice (the property describe() relies on).
 */
import { HYPHENS, isIgnorable, isLineBreak, isHorizontalSpace, PUNCTUATION } from './chars';
import { isMarkCodePoint, isWhitespace, isWordCodePoint, isWordUnit } from './chars';
import { joinsAtLineEnd, type LineEndHyphens, MAX_HYPHEN_CONTEXT } from './hyphenation';

export type { LineEndHyphens } from './hyphenation';

export interface NormalizedText {
  /** The text as stored. */
  readonly original: string;
  /** Its matching form. */
  readonly text: string;
  /** For each UTF-16 unit i of `text`, the range [starts[i], ends[i]) of `original` it stands for. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** A half-open range [start, end) of UTF-16 offsets (String.prototype.slice). */
export interface Span {
  start: number;
  end: number;
}

export interface NormalizeOptions {
  /** Line-end hyphens by the rule (default), all joined, or all kept. */
  lineEndHyphens?: LineEndHyphens;
}

class Output {
  readonly codes: number[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  push(code: number, start: number, end: number) {
    this.codes.push(code);
    this.starts.push(start);
    this.ends.push(end);
  }

  /** One space for a whitespace run: extends the previous space, if the last thing emitted was one. */
  space(start: number, end: number) {
    const last = this.codes.length - 1;
    if (last >= 0 && this.codes[last] === 0x20) this.ends[last] = end;
    else this.push(0x20, start, end);
  }

  pushString(s: string, start: number, end: number) {
    for (let k = 0; k < s.length; k++) {
      const u = s.charCodeAt(k);
      if (isWhitespace(u)) this.space(start, end);
      else if (!isIgnorable(u)) this.push(u, start, end);
    }
  }
}

interface State {
  readonly src: string;
  readonly mode: LineEndHyphens;
  readonly out: Output;
  /** Line-end hyphenation sites as flat [start, end) pairs of the original, in order. */
  readonly regions: number[];
}

/** The matching form of `original` with its offset map. */
export function normalizeForMatching(original: string, options: NormalizeOptions = {}): NormalizedText {
  const s: State = { src: original, mode: options.lineEndHyphens ?? 'rule', out: new Output(), regions: [] };
  let i = 0;
  while (i < original.length) i = step(s, i);
  applyRegions(s.out, s.regions);
  return {
    original,
    text: fromCodes(s.out.codes),
    starts: Int32Array.from(s.out.starts),
    ends: Int32Array.from(s.out.ends),
  };
}

/** `text` prepared once (a NormalizedText passes through), for callers matching many quotes in one text. */
export function prepare(text: string | NormalizedText): NormalizedText {
  return typeof text === 'string' ? normalizeForMatching(text) : text;
}

/** The matching form of a quote, without leading and trailing space. */
export function matchForm(quote: string, options?: NormalizeOptions): string {
  const t = normalizeForMatching(quote, options).text;
  let a = 0;
  let b = t.length;
  while (a < b && t.charCodeAt(a) === 0x20) a++;
  while (b > a && t.charCodeAt(b - 1) === 0x20) b--;
  return t.slice(a, b);
}

/** Consumes the unit at `i`; returns where the next one starts. */
function step(s: State, i: number): number {
  const { src, out } = s;
  const c = src.charCodeAt(i);
  const plain = c < 0x80 && (i + 1 >= src.length || src.charCodeAt(i + 1) < 0x300);
  if (isWhitespace(c)) {
    out.space(i, i + 1);
    return i + 1;
  }
  if (HYPHENS.has(c)) {
    const next = hyphenSite(s, i, c);
    if (next >= 0) return next;
  }
  if (plain) {
    if (c === 0x60) out.pushString(PUNCTUATION.get(c)!, i, i + 1);
    else out.push(c, i, i + 1);
    return i + 1;
  }
  if (c === 0xad) {
    const next = afterLineBreak(src, i + 1);
    return next >= 0 ? next : i + 1;
  }
  if (isIgnorable(c)) return i + 1;
  return cluster(s, i);
}

/** A base character with its combining marks, in NFKC, quotes and dashes mapped. */
function cluster(s: State, i: number): number {
  const { src, out } = s;
  const cp = src.codePointAt(i)!;
  const j = clusterEnd(src, i);
  const single = j === i + 1 ? PUNCTUATION.get(cp) : undefined;
  if (single !== undefined) {
    out.pushString(single, i, j);
    return j;
  }
  const piece = src.slice(i, j);
  let nf = piece.normalize('NFKC');
  if (isWhitespace(nf.charCodeAt(0)) || isWhitespace(nf.charCodeAt(nf.length - 1))) nf = piece.normalize('NFC');
  for (let k = 0; k < nf.length; k++) {
    const u = nf.charCodeAt(k);
    const mapped = PUNCTUATION.get(u);
    if (mapped !== undefined) out.pushString(mapped, i, j);
    else out.pushString(nf[k]!, i, j);
  }
  return j;
}

/** End of the character at `i` with the combining marks that follow it. */
function clusterEnd(src: string, i: number): number {
  const cp = src.codePointAt(i)!;
  let j = i + (cp > 0xffff ? 2 : 1);
  while (j < src.length) {
    const m = src.codePointAt(j)!;
    if (!isMarkCodePoint(m)) break;
    j += m > 0xffff ? 2 : 1;
  }
  return j;
}

/**
 * Index of the first character after "[spaces] line-break [spaces]" starting at `j`, when exactly one line
 * break is there and a non-space character follows; -1 otherwise.
 */
function afterLineBreak(src: string, j: number): number {
  const n = src.length;
  while (j < n && isHorizontalSpace(src.charCodeAt(j))) j++;
  if (j >= n) return -1;
  const c = src.charCodeAt(j);
  if (c === 0x0d && src.charCodeAt(j + 1) === 0x0a) j += 2;
  else if (isLineBreak(c)) j += 1;
  else return -1;
  while (j < n && isHorizontalSpace(src.charCodeAt(j))) j++;
  return j < n && !isWhitespace(src.charCodeAt(j)) ? j : -1;
}

/** A hyphen at `i` ending a line: emits it or not (rule 5) and returns where the next line's text starts. */
function hyphenSite(s: State, i: number, hyphen: number): number {
  const { src, out } = s;
  const next = afterLineBreak(src, i + 1);
  const last = out.codes.length - 1;
  if (next < 0 || last < 0 || out.codes[last] === 0x20) return -1;
  let r = last;
  while (r >= 0 && last - r < MAX_HYPHEN_CONTEXT + 1 && isWordUnit(out.codes[r]!)) r--;
  const before = fromCodes(out.codes.slice(r + 1, last + 1));
  let q = next;
  let afterLength = 0;
  while (q < src.length && afterLength <= MAX_HYPHEN_CONTEXT && isWordCodePoint(src.codePointAt(q)!)) {
    q = clusterEnd(src, q);
    afterLength++;
  }
  const tooLong = before.length > MAX_HYPHEN_CONTEXT || afterLength > MAX_HYPHEN_CONTEXT;
  const regionStart = out.starts[Math.min(r + 1, last)]!;
  const regionEnd = q > next ? q : clusterEnd(src, next);
  s.regions.push(regionStart, regionEnd);
  if (!joinsAtLineEnd(hyphen, before, src.slice(next, q), s.mode, tooLong)) out.push(0x2d, i, i + 1);
  return next;
}

/** Every character inside a hyphenation site stands for the whole site (overlapping sites merged). */
function applyRegions(out: Output, regions: number[]) {
  const merged: number[] = [];
  for (let k = 0; k < regions.length; k += 2) {
    const start = regions[k]!;
    const end = regions[k + 1]!;
    const m = merged.length;
    if (m > 0 && start < merged[m - 1]!) merged[m - 1] = Math.max(merged[m - 1]!, end);
    else merged.push(start, end);
  }
  let p = 0;
  const n = out.codes.length;
  for (let k = 0; k < merged.length; k += 2) {
    const start = merged[k]!;
    const end = merged[k + 1]!;
    while (p < n && out.starts[p]! < start) p++;
    while (p < n && out.ends[p]! <= end) {
      out.starts[p] = start;
      out.ends[p] = end;
      p++;
    }
  }
}

function fromCodes(codes: number[]): string {
  const parts: string[] = [];
  for (let k = 0; k < codes.length; k += 8192) parts.push(String.fromCharCode(...codes.slice(k, k + 8192)));
  return parts.join('');
}

/** The original range a range [start, end) of the matching form stands for (whole units). */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): Span {
  if (start >= end) {
    const at = start < n.text.length ? n.starts[start]! : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}

/** The smallest range of the matching form covering the original range [start, end) (empty inside a gap). */
export function toNormalizedSpan(n: NormalizedText, start: number, end: number): Span {
  const a = firstAbove(n.ends, start);
  const b = firstAtLeast(n.starts, end);
  return a < b ? { start: a, end: b } : { start: a, end: a };
}

/** First index k with xs[k] > v (xs non-decreasing). */
function firstAbove(xs: Int32Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index k with xs[k] >= v (xs non-decreasing). */
function firstAtLeast(xs: Int32Array, v: number): number {
  return firstAbove(xs, v - 1);
}
