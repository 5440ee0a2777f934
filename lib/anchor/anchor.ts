/**
 * Finding a quote in a text snapshot: anchorQuote() for a stored selector, reanchor() for a newer snapshot of
 * the same source, verifyQuote() for a quote typed by hand. All matching happens in the matching form
 * (normalize.ts); results are UTF-16 spans of the original text.
 *
 * - exact: the quote's matching form occurs once, or several times and its context (prefix/suffix, then the
 *   recorded position) singles one out. Callers may move a quote silently only on this status.
 * - ambiguous: several places fit equally well; never resolved by guessing.
 * - approximate: no exact occurrence, but a place within edit distance ≤ 20% of the quote's length
 *   (similarity = 1 − distance / length ≥ 0.8), found with Myers' bit-parallel algorithm (approx-string-match).
 *   Only a proposal, for a curator to accept or reject.
 * - orphan: nothing close enough (or a quote too short for approximate matching to mean anything).
 */
import search from 'approx-string-match';
import { matchForm, type NormalizedText, normalizeForMatching, prepare, toOriginalSpan } from './normalize';
import { describe, type QuoteTarget, type Span, spanOf } from './selectors';

export const ANCHOR_LIMITS = {
  /** Least similarity (1 − edit distance / quote length) of an approximate match. */
  threshold: 0.8,
  /** Shortest quote (matching form) that is searched approximately; shorter ones are exact or orphans. */
  minApproximateLength: 16,
  /** Most candidates listed for an ambiguous quote (`total` tells how many there were). */
  maxCandidates: 50,
} as const;

export interface Candidate extends Span {
  /** 1 for an exact occurrence; the similarity of an approximate one. */
  score: number;
  /** Edit distance in the matching form (0 for exact). */
  distance: number;
}

export type AnchorResult =
  | { status: 'exact'; start: number; end: number }
  | { status: 'ambiguous'; candidates: Candidate[]; total: number }
  | { status: 'approximate'; start: number; end: number; score: number; distance: number }
  | { status: 'orphan' };

export type VerifyResult = { verified: false } | { verified: true; start: number; end: number; occurrences: number };

const ORPHAN: AnchorResult = { status: 'orphan' };

/** A match in the matching form. */
interface Hit {
  start: number;
  end: number;
  errors: number;
}

/**
 * Where `target` lies in `text`. `target.position` helps only in the snapshot it was recorded in: it settles a
 * tie between exact occurrences whose context matches equally, when one of them sits exactly there.
 */
export function anchorQuote(text: string | NormalizedText, target: QuoteTarget): AnchorResult {
  const n = prepare(text);
  const q = matchForm(target.quote.exact);
  if (q === '') return ORPHAN;
  const hits = occurrences(n.text, q);
  if (hits.length === 1) return { status: 'exact', ...toOriginalSpan(n, hits[0]!, hits[0]! + q.length) };
  if (hits.length > 1) return chooseExact(n, hits, q.length, target);
  return approximate(n, q, target);
}

/**
 * Where a quote anchored in `oldText` lies in `newText` (a newer snapshot of the same source). The context is
 * taken afresh from the old text when the quote anchors exactly there; the old position is not used, since
 * offsets of one snapshot mean nothing in another.
 */
export function reanchor(
  oldText: string | NormalizedText,
  newText: string | NormalizedText,
  target: QuoteTarget,
): AnchorResult {
  const before = prepare(oldText);
  const after = prepare(newText);
  if (before.original === after.original) return anchorQuote(after, target);
  const old = anchorQuote(before, target);
  const fresh = old.status === 'exact' ? describe(before, old.start, old.end) : null;
  return anchorQuote(after, { quote: fresh ? fresh.quote : target.quote });
}

/**
 * Whether a quote typed by hand occurs in `text` (both in matching form): first as the text reads by the
 * line-end rule, then with every line-end hyphen joined, then with every one kept. The first occurrence found.
 */
export function verifyQuote(text: string | NormalizedText, typed: string): VerifyResult {
  const q = matchForm(typed);
  if (q === '') return { verified: false };
  const ruled = prepare(text);
  for (const form of [ruled, 'join', 'keep'] as const) {
    const n = typeof form === 'string' ? normalizeForMatching(ruled.original, { lineEndHyphens: form }) : form;
    const hits = occurrences(n.text, q);
    if (hits.length > 0) {
      return { verified: true, ...toOriginalSpan(n, hits[0]!, hits[0]! + q.length), occurrences: hits.length };
    }
  }
  return { verified: false };
}

/** Start of every occurrence of `q` in `text`, overlapping ones included. */
function occurrences(text: string, q: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) out.push(i);
  return out;
}

/** Several exact occurrences: the one whose context matches best, else the one at the recorded position. */
function chooseExact(n: NormalizedText, hits: number[], length: number, target: QuoteTarget): AnchorResult {
  const prefix = normalizeForMatching(target.quote.prefix ?? '').text;
  const suffix = normalizeForMatching(target.quote.suffix ?? '').text;
  const fit = (h: number) =>
    (prefix === '' || n.text.endsWith(prefix, h) ? 1 : 0) +
    (suffix === '' || n.text.startsWith(suffix, h + length) ? 1 : 0);
  const fits = hits.map(fit);
  const best = fits.reduce((m, f) => Math.max(m, f), 0);
  const top = hits.filter((_, k) => fits[k] === best).map((h) => toOriginalSpan(n, h, h + length));
  if (top.length === 1) return { status: 'exact', ...top[0]! };
  const recorded = target.position ? spanOf(n.original, target.position) : null;
  const there = recorded && top.find((s) => s.start === recorded.start && s.end === recorded.end);
  if (there) return { status: 'exact', ...there };
  return ambiguous(top.map((s) => ({ ...s, score: 1, distance: 0 })));
}

/** No exact occurrence: the closest places within the threshold, ranked by context when there are several. */
function approximate(n: NormalizedText, q: string, target: QuoteTarget): AnchorResult {
  if (q.length < ANCHOR_LIMITS.minApproximateLength) return ORPHAN;
  const maxErrors = Math.floor(q.length * (1 - ANCHOR_LIMITS.threshold));
  const hits = distinct(search(n.text, q, maxErrors), q.length);
  if (hits.length === 0) return ORPHAN;
  const candidate = (h: Hit): Candidate => ({
    ...toOriginalSpan(n, h.start, h.end),
    score: 1 - h.errors / q.length,
    distance: h.errors,
  });
  if (hits.length === 1) return { status: 'approximate', ...candidate(hits[0]!) };
  const prefix = normalizeForMatching(target.quote.prefix ?? '').text;
  const suffix = normalizeForMatching(target.quote.suffix ?? '').text;
  const scores = hits.map(
    (h) =>
      similarity(n.text.slice(Math.max(0, h.start - prefix.length), h.start), prefix) +
      similarity(n.text.slice(h.end, h.end + suffix.length), suffix),
  );
  const best = scores.reduce((m, f) => Math.max(m, f), -Infinity);
  const top = hits.filter((_, k) => scores[k] === best);
  if (top.length === 1) return { status: 'approximate', ...candidate(top[0]!) };
  return ambiguous(top.map(candidate));
}

/** Overlapping matches reported for one place (ends a character apart) collapse to the one closest in length. */
function distinct(found: Hit[], length: number): Hit[] {
  const sorted = [...found].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (!last || h.start >= last.end) out.push(h);
    else if (Math.abs(h.end - h.start - length) < Math.abs(last.end - last.start - length)) out[out.length - 1] = h;
  }
  return out;
}

/** 1 − (edit distance of `pattern` within `window`) / its length; 1 for an empty pattern. */
function similarity(window: string, pattern: string): number {
  if (pattern === '') return 1;
  if (window === '') return 0;
  const best = search(window, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

function ambiguous(candidates: Candidate[]): AnchorResult {
  return {
    status: 'ambiguous',
    candidates: candidates.slice(0, ANCHOR_LIMITS.maxCandidates),
    total: candidates.length,
  };
}
