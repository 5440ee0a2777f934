/**
 * Gene and protein symbols (HGNC symbols and aliases) in text. Symbols match as written (case
 * matters: "SET" may be a gene, "set" never is); protein spellings match by a canonical key
 * ("IL-6" → IL6, "TNF-α" → TNF, "PGC-1α" → PPARGC1A, "mTOR" → MTOR); mouse-style symbols by their
 * upper case ("Pax7", "Runx2"; without a digit only mid-sentence: "Mstn", "Tnf"). Symbols that are
 * words or common abbreviations (gene-words.ts) need a gene context.
 */
import { AMBIGUOUS_SYMBOLS, DENIED_ALIASES, GENE_BEFORE, GENE_NEXT, KEPT_SHORT_ALIASES } from './gene-words';
import { GENE_FAMILIES } from './curation';
import { atSentenceStart, geneKey, type Token } from './tokens';
import type { TaggerTermRow, TermChoice } from './types';

export type GeneIndex = {
  /** Symbols and kept aliases as written. */
  exact: Map<string, TermChoice>;
  /** geneKey of symbols; null where two symbols share a key. */
  symbolKeys: Map<string, TermChoice | null>;
  /** geneKey of kept aliases; null where two genes share one. */
  aliasKeys: Map<string, TermChoice | null>;
  bySymbol: Map<string, TermChoice>;
};

/** "S5", "T3", "M1", "L3": days, hormones, vertebrae and figure panels more often than genes. */
const LETTER_AND_NUMBER = /^\p{Lu}\d{1,2}$/u;

function keepAlias(alias: string): boolean {
  if (DENIED_ALIASES.has(alias.toUpperCase()) || alias.length < 3) return false;
  if (LETTER_AND_NUMBER.test(alias)) return false;
  const hasDigit = /\d/.test(alias);
  if (!hasDigit && alias === alias.toLowerCase()) return false;
  if (!hasDigit && alias.length === 3) return KEPT_SHORT_ALIASES.has(alias);
  return true;
}

function setKey(map: Map<string, TermChoice | null>, key: string, term: TermChoice): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, term);
  else if (had !== null && had.curie !== term.curie) map.set(key, null);
}

export function buildGeneIndex(rows: Iterable<TaggerTermRow>): GeneIndex {
  const index: GeneIndex = { exact: new Map(), symbolKeys: new Map(), aliasKeys: new Map(), bySymbol: new Map() };
  const genes = [...rows].filter((r) => r.kind === 'gene' && !r.obsolete);
  const aliasGenes = new Map<string, TermChoice[]>();
  for (const r of genes) {
    const term = { curie: r.curie, label: r.label };
    index.exact.set(r.label, term);
    index.bySymbol.set(r.label.toUpperCase(), term);
    setKey(index.symbolKeys, geneKey(r.label), term);
    for (const a of r.synonyms) if (keepAlias(a)) aliasGenes.set(a, [...(aliasGenes.get(a) ?? []), term]);
  }
  for (const [alias, terms] of aliasGenes) {
    if (terms.length !== 1 || index.exact.has(alias)) continue;
    index.exact.set(alias, terms[0]!);
    setKey(index.aliasKeys, geneKey(alias), terms[0]!);
  }
  for (const f of GENE_FAMILIES) {
    index.exact.delete(f);
    index.symbolKeys.delete(geneKey(f));
    index.aliasKeys.delete(geneKey(f));
  }
  return index;
}

export type GeneCandidate = { start: number; end: number; term: TermChoice; first: number; last: number };

function hyphenBetween(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end !== 1) return false;
  const c = text.charCodeAt(a.end);
  return c === 45 || (c >= 0x2010 && c <= 0x2013);
}
const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER_OR_GREEK = /[\p{Ll}\u0370-\u03ff]/u;
const TITLE = /^\p{Lu}[\p{Ll}\d]+$/u;
const ALL_CAPS_WORD = /^\p{Lu}{3,}$/u;
/** "Ca2+", "Mg2+", "Zn2+": an element and its charge, not CA2. */
const ION = /^\p{Lu}\p{Ll}?\d$/u;

function byKey(index: GeneIndex, surface: string): TermChoice | null {
  const key = geneKey(surface);
  return index.symbolKeys.get(key) ?? index.aliasKeys.get(key) ?? null;
}

/** A heading in capitals ("THE IMPACT OF EXERCISE"): neighbours are capital words that are no symbols. */
function inCapitals(index: GeneIndex, tokens: readonly Token[], i: number): boolean {
  const shout = (t: Token | undefined) => !!t && ALL_CAPS_WORD.test(t.text) && !index.exact.has(t.text);
  return shout(tokens[i - 1]) && shout(tokens[i + 1]);
}

function single(index: GeneIndex, text: string, tokens: readonly Token[], i: number): TermChoice | null {
  const t = tokens[i]!;
  if (!HAS_UPPER.test(t.text)) return index.exact.get(t.text) ?? null;
  if (!HAS_LOWER_OR_GREEK.test(t.text)) {
    // In capitals with a digit, a word is its own key ("HSP90" for the alias Hsp90); without one, keys of
    // hyphenated aliases would turn words into genes ("APO" for AP-O), so only exact symbols and aliases.
    if (/\d/.test(t.text))
      return index.exact.get(t.text) ?? index.symbolKeys.get(t.text) ?? index.aliasKeys.get(t.text) ?? null;
    const term = index.exact.get(t.text);
    return term && !inCapitals(index, tokens, i) ? term : null;
  }
  const exact = index.exact.get(t.text);
  if (exact) return exact;
  if (TITLE.test(t.text)) {
    if (ION.test(t.text) && text[t.end] === '+') return null;
    if (/\d/.test(t.text)) return byKey(index, t.text);
    const sym = index.bySymbol.get(t.text.toUpperCase());
    if (!sym || t.text.length < 3 || AMBIGUOUS_SYMBOLS.has(sym.label)) return null;
    return atSentenceStart(text, t.start) ? null : sym;
  }
  return byKey(index, t.text);
}

/** Every gene mention candidate; `needsContext` ones still have to be confirmed (confirmGenes). */
export function matchGenes(index: GeneIndex, text: string, tokens: readonly Token[]) {
  const out: (GeneCandidate & { needsContext: boolean })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let found: GeneCandidate | null = null;
    // Protein spellings of two or three words joined by single hyphens: "IL-6", "TNF-α", "HIF-1α", "NF-κB".
    let joined = i;
    while (joined < i + 2 && joined + 1 < tokens.length && hyphenBetween(text, tokens[joined]!, tokens[joined + 1]!))
      joined++;
    for (let last = joined; last > i && !found; last--) {
      const surface = text.slice(tokens[i]!.start, tokens[last]!.end);
      const term = HAS_UPPER.test(surface) ? byKey(index, surface) : null;
      if (term) found = { start: tokens[i]!.start, end: tokens[last]!.end, term, first: i, last };
    }
    if (!found) {
      const term = single(index, text, tokens, i);
      if (term) found = { start: tokens[i]!.start, end: tokens[i]!.end, term, first: i, last: i };
    }
    if (!found) continue;
    const word = text.slice(found.start, found.end);
    const ambiguous = AMBIGUOUS_SYMBOLS.has(word) || /^\p{Lu}\d$/u.test(word);
    out.push({ ...found, needsContext: ambiguous && !inGeneContext(tokens, found) });
    i = found.last;
  }
  return out;
}

function inGeneContext(tokens: readonly Token[], c: GeneCandidate): boolean {
  const next = tokens[c.last + 1]?.lower;
  if (next && GENE_NEXT.has(next)) return true;
  let p = c.first - 1;
  if (p >= 0 && ['of', 'the', 'for', 'on'].includes(tokens[p]!.lower)) p--;
  return p >= 0 && GENE_BEFORE.has(tokens[p]!.lower);
}

const LIST_GAP = /^\s*(?:,|\/|and|or|,\s*and|,\s*or)\s*$/;

/**
 * Candidates that need a context are kept when they sit in a list with confirmed genes ("CAT, SOD2
 * and GPX1"): repeated so that a chain of them is confirmed from one end.
 */
export function confirmGenes(text: string, cands: readonly (GeneCandidate & { needsContext: boolean })[]) {
  const ok = cands.map((c) => !c.needsContext);
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < cands.length; k++) {
      if (ok[k]) continue;
      const near = (j: number) =>
        j >= 0 &&
        j < cands.length &&
        ok[j] &&
        LIST_GAP.test(text.slice(Math.min(cands[j]!.end, cands[k]!.end), Math.max(cands[j]!.start, cands[k]!.start)));
      if (near(k - 1) || near(k + 1)) ok[k] = changed = true;
    }
  }
  return cands.filter((_, k) => ok[k]);
}
