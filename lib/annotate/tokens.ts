/**
 * Words of a text with their UTF-16 offsets, and what separates them. A word is a maximal run of
 * letters and digits (Greek letters included: "TNFα" is one word), so a match made of whole words
 * never starts or ends inside one ("CD63" is not found in "CD634").
 */
export type Token = { start: number; end: number; text: string; lower: string };

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push({ start: m.index, end: re.lastIndex, text: m[0], lower: m[0].toLowerCase() });
  return out;
}

/** Gap that no phrase crosses (a sentence end, a comma, a long run of punctuation). */
export const BREAK = '\n';
const SPACE_OR_HYPHEN = /^[\s\u00a0\-\u2010-\u2013]{1,3}$/;
const SMALL_PUNCT = /^[./'()+]{1,2}$/;

/**
 * What stands between two words, as phrases compare it: spaces and hyphens are one kind ("size-exclusion"
 * is "size exclusion"), a few punctuation marks are kept as written ("RAW 264.7", "Alzheimer's",
 * "fibro/adipogenic"), anything else ends a phrase.
 */
export function gapCode(gap: string): string {
  if (SPACE_OR_HYPHEN.test(gap)) return ' ';
  const punct = gap.replace(/[\s\u00a0]/g, '').replace(/[\u2018\u2019]/g, "'");
  return SMALL_PUNCT.test(punct) ? punct : BREAK;
}

/** Gap codes between consecutive tokens: gaps[i] separates tokens[i] and tokens[i + 1]. */
export function gapsOf(text: string, tokens: readonly Token[]): string[] {
  const gaps: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) gaps.push(gapCode(text.slice(tokens[i]!.end, tokens[i + 1]!.start)));
  return gaps;
}

/** The text just before `start` is a sentence start (or the text's start): a capital there says little. */
export function atSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\u00a0' || c === '"' || c === '(' || c === '\u201c') continue;
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === ':';
  }
  return true;
}

const DASHES = /[\u2010-\u2015\u2212]/g;
const GREEK: Record<string, string> = { α: 'A', β: 'B', γ: 'G', δ: 'D', κ: 'K', ε: 'E' };
const SPELLED_GREEK = /(alpha|beta|gamma|delta|kappa)/gi;

/**
 * A gene or protein name's canonical key: upper case, Greek letters as letters, no hyphens or spaces.
 * "TNF-α", "TNF-alpha" and "TNFA" → "TNFA"; "PGC-1α" → "PGC1A"; "NF-κB" → "NFKB"; "IL-6" → "IL6".
 */
export function geneKey(s: string): string {
  return s
    .replace(DASHES, '-')
    .replace(/[αβγδκε]/g, (g) => GREEK[g]!)
    .replace(SPELLED_GREEK, (w) => w[0]!.toUpperCase())
    .replace(/[\s-]/g, '')
    .toUpperCase();
}
