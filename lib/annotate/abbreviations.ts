/**
 * Abbreviations a paper defines: "tibialis anterior (TA)", "mesenchymal stem cells (MSCs)",
 * "Duchenne muscular dystrophy (DMD)". A tagged mention followed by a parenthesised abbreviation whose
 * letters appear in it in order, the first at the start of a word (Schwartz & Hearst's check), defines
 * it; every occurrence of the abbreviation in the text then names the same term. This is how "TA",
 * "DMD" or "SEM" get tagged where they mean the muscle, the disease or the microscopy, and left alone
 * elsewhere ("TA cloning", "DMD gene", "mean ± SEM").
 */
import { GENE_NEXT } from './gene-words';
import type { Token } from './tokens';
import type { Mention } from './types';

const DEFINITION = /^\s*\(([^()\s;,]{2,10})\)/;

/** Whether `abbr` can abbreviate `long`: its letters and digits in order, the first starting a word. */
export function abbreviates(abbr: string, long: string): boolean {
  const a = abbr.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const l = long.toLowerCase();
  if (a.length < 2 || a.length >= l.length) return false;
  let j = l.length - 1;
  for (let i = a.length - 1; i >= 0; i--) {
    const c = a[i]!;
    while (j >= 0 && (l[j] !== c || (i === 0 && j > 0 && /[\p{L}\p{N}]/u.test(l[j - 1]!)))) j--;
    if (j < 0) return false;
    j--;
  }
  return true;
}

export type Definition = Omit<Mention, 'start' | 'end' | 'text'>;

/** Abbreviation (as written, and without a plural "s") → what it stands for. */
export function findDefinitions(text: string, mentions: readonly Mention[]): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  for (const m of mentions) {
    if (m.type === 'mirna' || m.type === 'gene') continue;
    const d = DEFINITION.exec(text.slice(m.end, m.end + 16));
    if (!d) continue;
    const abbr = d[1]!;
    if (!/\p{Lu}/u.test(abbr) || abbr === m.text) continue;
    const singular = /\p{Lu}s$/u.test(abbr) ? abbr.slice(0, -1) : abbr;
    if (!abbreviates(singular, m.text)) continue;
    const { start: _s, end: _e, text: _t, ...what } = m;
    for (const form of new Set([abbr, singular, `${singular}s`])) if (!defs.has(form)) defs.set(form, what);
  }
  return defs;
}

/** Every word of the text that is a defined abbreviation (not where a gene word follows: "DMD gene"). */
export function tagDefined(defs: ReadonlyMap<string, Definition>, tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  if (defs.size === 0) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const def = defs.get(t.text);
    if (!def || GENE_NEXT.has(tokens[i + 1]?.lower ?? '')) continue;
    out.push({ ...def, start: t.start, end: t.end, text: t.text });
  }
  return out;
}
