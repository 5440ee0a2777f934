/**
 * Multi-word names (labels, synonyms, curated EV terms) matched word by word: an index from a
 * phrase's first word (lower-cased) to the phrases starting with it, longest first. One pass over
 * the text's words looks each word up once, so the cost grows with the text, not with the vocabulary.
 */
import type { MentionType, MisevSlot, TermChoice } from './types';
import { BREAK, gapCode, type Token, tokenize } from './tokens';

/** What a phrase names: a term (or several), of one mention type. */
export type PhraseHit = {
  type: MentionType;
  terms: TermChoice[];
  /** Curated entries: the name shown for the mention and, for EV methods, the finding field it fills. */
  name?: string;
  misev?: MisevSlot;
  /** Curated EV methods and markers: an entry without a term is still a mention (curie null). */
  keepWithoutTerm?: boolean;
};

export type PhraseRule = {
  caseSensitive?: boolean;
  /** One of these words must follow within three words ("L6 myotubes", "LLC tumour-bearing", "TA muscles"). */
  needNext?: readonly string[];
  /** The next word must not be one of these ("plasma membrane" is no body fluid). */
  notNext?: readonly string[];
};

type Phrase = {
  words: string[];
  gaps: string[];
  caseSensitive: boolean;
  hits: PhraseHit[];
  needNext?: ReadonlySet<string>;
  notNext?: ReadonlySet<string>;
};

export type PhraseIndex = Map<string, Phrase[]>;

/** A phrase found in a text: token range and what it names. */
export type PhraseMatch = { start: number; end: number; hits: readonly PhraseHit[] };

function sameHit(a: PhraseHit, b: PhraseHit): boolean {
  return a.type === b.type && a.name === b.name && a.misev?.value === b.misev?.value;
}

/** Adds `surface` (as tokenize splits it) naming `hit`; the same surface, case rule and type merge their terms. */
export function addPhrase(index: PhraseIndex, surface: string, hit: PhraseHit, rule: PhraseRule = {}): void {
  const tokens = tokenize(surface);
  if (tokens.length === 0) return;
  const gaps: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) gaps.push(gapCode(surface.slice(tokens[i]!.end, tokens[i + 1]!.start)));
  if (gaps.includes(BREAK)) return;
  const caseSensitive = rule.caseSensitive ?? false;
  const words = tokens.map((t) => (caseSensitive ? t.text : t.lower));
  const key = tokens[0]!.lower;
  const list = index.get(key) ?? [];
  const same = list.find(
    (p) =>
      p.caseSensitive === caseSensitive &&
      p.words.join(' ') === words.join(' ') &&
      p.gaps.join('') === gaps.join('') &&
      !p.needNext === !rule.needNext,
  );
  if (same) {
    const had = same.hits.find((h) => sameHit(h, hit));
    if (!had) same.hits.push({ ...hit, terms: [...hit.terms] });
    else for (const t of hit.terms) if (!had.terms.some((x) => x.curie === t.curie)) had.terms.push(t);
    return;
  }
  list.push({
    words,
    gaps,
    caseSensitive,
    hits: [{ ...hit, terms: [...hit.terms] }],
    needNext: rule.needNext && new Set(rule.needNext),
    notNext: rule.notNext && new Set(rule.notNext),
  });
  list.sort((a, b) => b.words.length - a.words.length);
  index.set(key, list);
}

function wordsMatch(p: Phrase, tokens: readonly Token[], gaps: readonly string[], i: number): boolean {
  if (i + p.words.length > tokens.length) return false;
  for (let k = 0; k < p.words.length; k++) {
    const t = tokens[i + k]!;
    if ((p.caseSensitive ? t.text : t.lower) !== p.words[k]) return false;
    if (k > 0 && gaps[i + k - 1] !== p.gaps[k - 1]) return false;
  }
  return true;
}

function contextOk(p: Phrase, tokens: readonly Token[], gaps: readonly string[], i: number): boolean {
  const last = i + p.words.length - 1;
  if (p.needNext) {
    let found = false;
    for (let k = last + 1; k <= last + 3 && k < tokens.length && gaps[k - 1] !== BREAK; k++)
      if (p.needNext.has(tokens[k]!.lower)) found = true;
    if (!found) return false;
  }
  if (p.notNext && last + 1 < tokens.length && gaps[last] !== BREAK && p.notNext.has(tokens[last + 1]!.lower))
    return false;
  return true;
}

/** Words that, joined by a hyphen before a term, make it part of another word ("pre-adipocytes", "high-fat"). */
const BOUND_PREFIXES = new Set(['pre', 'non', 'anti', 'pro', 'high', 'low', 'co', 'post', 'de', 're', 'semi', 'sub']);

function boundPrefix(text: string, tokens: readonly Token[], i: number): boolean {
  if (i === 0) return false;
  const prev = tokens[i - 1]!;
  return text.slice(prev.end, tokens[i]!.start) === '-' && BOUND_PREFIXES.has(prev.lower);
}

/** Every phrase of the index found in the text (overlapping ones too; the caller picks). */
export function matchPhrases(index: PhraseIndex, text: string, tokens: readonly Token[], gaps: readonly string[]) {
  const out: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const list = index.get(tokens[i]!.lower);
    if (!list) continue;
    const bound = boundPrefix(text, tokens, i);
    for (const p of list) {
      if (!wordsMatch(p, tokens, gaps, i) || !contextOk(p, tokens, gaps, i)) continue;
      const hits = bound ? p.hits.filter((h) => h.type === 'marker' || h.type === 'ev_method') : p.hits;
      if (hits.length > 0) out.push({ start: tokens[i]!.start, end: tokens[i + p.words.length - 1]!.end, hits });
    }
  }
  return out;
}
