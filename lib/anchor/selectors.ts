/**
 * W3C Web Annotation selectors for a quote in a stored text snapshot, and describe(): from a selection in the
 * text to the selectors that find it again.
 *
 * Offsets: a `Span` is in UTF-16 code units (JavaScript string offsets, what a reader's selection and
 * String.prototype.slice use). A `TextPositionSelector` counts Unicode code points, as the Web Annotation
 * model defines "character"; the two differ only after a character outside the BMP (𝛼, emoji). Convert with
 * positionSelector() and spanOf().
 */
import { type NormalizedText, prepare, type Span, toNormalizedSpan } from './normalize';

export type { Span } from './normalize';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  /** The quoted text as it stands in the snapshot. */
  exact: string;
  /**
   * Text just before it (up to SELECTOR_LIMITS.context characters, cut at a word boundary where possible;
   * whitespace runs shortened by compactWhitespace()).
   */
  prefix?: string;
  /** Text just after it. */
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code point offsets into the snapshot's text, end exclusive. */
  start: number;
  end: number;
}

/**
 * The snapshot a selector was made against: its SHA-256 (lowercase hex of the UTF-8 text). The caller keeps
 * the rest (source, origin, retrieval time, sections) beside it.
 */
export interface SnapshotRef {
  sha256: string;
}

/** What anchorQuote() looks for: a quote selector, and the position it had in the snapshot it was made on. */
export interface QuoteTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** describe()'s answer: both selectors, and the (possibly trimmed) span they describe. */
export interface Described {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  span: Span;
}

export const SELECTOR_LIMITS = {
  /** Longest quote, in UTF-16 code units. */
  exact: 2000,
  /** Longest prefix or suffix, in UTF-16 code units. */
  context: 64,
} as const;

/** Default context on each side, in characters of the matching form. */
export const DEFAULT_CONTEXT = 32;

/**
 * The selectors for the UTF-16 range [start, end) of `text`. The range is widened to whole units of the
 * matching form (a character with its accents, a hyphenated word split across lines) and trimmed of
 * whitespace at both ends, and cut at the end (by whole units) to at most SELECTOR_LIMITS.exact; the result's
 * `span` is what the selectors describe. Null when the range holds
 * only whitespace or invisible characters. Throws RangeError for a range outside the text.
 */
export function describe(
  text: string | NormalizedText,
  start: number,
  end: number,
  options: { context?: number } = {},
): Described | null {
  const n = prepare(text);
  const src = n.original;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > src.length || start >= end) {
    throw new RangeError(`Not a range of the text (length ${src.length}): [${start}, ${end})`);
  }
  const context = Math.max(0, Math.min(options.context ?? DEFAULT_CONTEXT, SELECTOR_LIMITS.context));
  const r = toNormalizedSpan(n, start, end);
  let a = unitStart(n, r.start);
  let b = unitEnd(n, r.end);
  while (a < b && n.text.charCodeAt(a) === 0x20) a++;
  while (b > a && n.text.charCodeAt(b - 1) === 0x20) b--;
  // Widening to whole units may pass the quote's limit: drop whole units from the end until it fits.
  while (b > a && n.ends[b - 1]! - n.starts[a]! > SELECTOR_LIMITS.exact) {
    b--;
    while (b > a && n.starts[b] === n.starts[b - 1]) b--;
    while (b > a && n.text.charCodeAt(b - 1) === 0x20) b--;
  }
  if (a >= b) return null;
  const span = { start: n.starts[a]!, end: n.ends[b - 1]! };
  const p = prefixStart(n, a, context);
  const q = suffixEnd(n, b, context);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: src.slice(span.start, span.end),
      prefix: p < a ? compactWhitespace(src.slice(n.starts[p]!, n.ends[a - 1]!)) : '',
      suffix: q > b ? compactWhitespace(src.slice(n.starts[b]!, n.ends[q - 1]!)) : '',
    },
    position: positionSelector(src, span),
    span,
  };
}

/** Moves a matching-form index back to the start of the unit it lies in. */
function unitStart(n: NormalizedText, a: number): number {
  while (a > 0 && a < n.text.length && n.starts[a - 1] === n.starts[a]) a--;
  return a;
}

/** Moves an exclusive matching-form end forward to the end of the unit it lies in. */
function unitEnd(n: NormalizedText, b: number): number {
  while (b > 0 && b < n.text.length && n.starts[b] === n.starts[b - 1]) b++;
  return b;
}

/** Where the prefix starts: `context` characters back, moved to a word start where one is in reach. */
function prefixStart(n: NormalizedText, a: number, context: number): number {
  let p = Math.max(0, a - context);
  if (p > 0 && n.text.charCodeAt(p - 1) !== 0x20) {
    const space = n.text.indexOf(' ', p);
    if (space >= 0 && space + 1 < a) p = space + 1;
  }
  while (p > 0 && p < a && n.starts[p - 1] === n.starts[p]) p++;
  while (p < a && compactWhitespace(n.original.slice(n.starts[p]!, n.ends[a - 1]!)).length > SELECTOR_LIMITS.context) {
    p++;
    while (p < a && n.starts[p - 1] === n.starts[p]) p++;
  }
  return p;
}

/** Where the suffix ends: `context` characters on, moved back to a word end where one is in reach. */
function suffixEnd(n: NormalizedText, b: number, context: number): number {
  const len = n.text.length;
  let q = Math.min(len, b + context);
  if (q < len && n.text.charCodeAt(q) !== 0x20) {
    const space = n.text.lastIndexOf(' ', q - 1);
    if (space > b) q = space;
  }
  while (q > b && q < len && n.starts[q - 1] === n.starts[q]) q--;
  while (q > b && compactWhitespace(n.original.slice(n.starts[b]!, n.ends[q - 1]!)).length > SELECTOR_LIMITS.context) {
    q--;
    while (q > b && n.starts[q - 1] === n.starts[q]) q--;
  }
  return q;
}

const WHITESPACE_RUN = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028]/g;

/**
 * Context text with each whitespace run made short: a space, one line break where the run holds exactly one
 * (a line-end hyphen before it still ends a line), two where it holds more or a paragraph separator. The
 * matching form is unchanged, and a run of blank lines or layout spaces does not crowd out the words.
 */
export function compactWhitespace(s: string): string {
  return s.replace(WHITESPACE_RUN, (run) => {
    const breaks = run.match(LINE_BREAK)?.length ?? 0;
    if (run.includes('\u2029') || breaks > 1) return '\n\n';
    return breaks === 1 ? '\n' : ' ';
  });
}

const SURROGATES = /[\uD800-\uDFFF]/;

/** Code points in text.slice(0, offset). */
export function codePointOffset(text: string, offset: number): number {
  if (!SURROGATES.test(text)) return offset;
  let count = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    const low = c >= 0xdc00 && c <= 0xdfff;
    const afterHigh = i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!(low && afterHigh)) count++;
  }
  return count;
}

/** The UTF-16 offset of the code point offset `points`; null past the end of the text. */
export function utf16Offset(text: string, points: number): number | null {
  if (!SURROGATES.test(text)) return points <= text.length ? points : null;
  let i = 0;
  for (let k = 0; k < points; k++) {
    if (i >= text.length) return null;
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return i;
}

/** The position selector (code points) of a UTF-16 span of `text`. */
export function positionSelector(text: string, span: Span): TextPositionSelector {
  return {
    type: 'TextPositionSelector',
    start: codePointOffset(text, span.start),
    end: codePointOffset(text, span.end),
  };
}

/** The UTF-16 span of a position selector in `text`; null when it lies outside the text. */
export function spanOf(text: string, position: TextPositionSelector): Span | null {
  const start = utf16Offset(text, position.start);
  const end = utf16Offset(text, position.end);
  return start === null || end === null || end <= start ? null : { start, end };
}
