/**
 * Normalization of the fields de-duplication compares.
 *
 * - Titles: HTML/JATS tags dropped, the common entities decoded, Greek letters
 *   spelled out (TGF-β = TGF-beta), NFKD with combining marks removed, a few
 *   letters without a decomposition folded (ß→ss, æ→ae, ø→o, ł→l …),
 *   lower-cased, every run of non-alphanumerics one space. So titles that differ
 *   only in case, punctuation, diacritics or markup share a key.
 * - PMIDs: digits only, leading zeros dropped (PubMed never writes them).
 * - PMCIDs: 'PMC' + digits, whatever the case or a "PMCID:" label.
 * - Preprints: by DOI prefix — 10.1101 followed by a date-style or all-digit
 *   suffix (bioRxiv/medRxiv; 10.1101/gad.… is Genes & Development, a journal),
 *   10.21203 (Research Square), 10.20944 (Preprints.org), 10.48550 (arXiv) —
 *   or by the record type 'posted-content' or a preprint server as container.
 */
import { normalizeDoi } from '../doi';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  κ: 'kappa',
  λ: 'lambda',
  µ: 'mu',
  μ: 'mu',
  σ: 'sigma',
  τ: 'tau',
  ω: 'omega',
};

const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Drops tags and decodes named and numeric entities; leaves the words. */
export function stripMarkup(s: string): string {
  return s.replace(/<[^<>]{0,200}>/g, ' ').replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Lower-case ASCII letters, digits and single spaces. */
export function foldAscii(s: string): string {
  return s
    .toLowerCase()
    .replace(/[αβγδεκλµμστω]/g, (c) => ` ${GREEK[c]} `)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The title key: markup-free, ASCII-folded, lower-case, alphanumerics and single spaces. */
export function titleKey(title: string): string {
  return foldAscii(stripMarkup(title));
}

/** PMID digits without leading zeros, or null ("PMID: 0012345" → "12345"). */
export function normalizePmid(input: unknown): string | null {
  if (typeof input !== 'string' && typeof input !== 'number') return null;
  const m = /^(?:pmid:?\s*)?0*(\d{1,9})$/i.exec(String(input).trim());
  return m && m[1] !== '0' ? m[1]! : null;
}

/** 'PMC' + digits, or null. */
export function normalizePmcid(input: unknown): string | null {
  if (typeof input !== 'string' && typeof input !== 'number') return null;
  const m = /^(?:pmcid:\s*)?(?:pmc)?0*(\d{1,9})$/i.exec(String(input).trim());
  return m && m[1] !== '0' && /pmc/i.test(String(input)) ? `PMC${m[1]}` : null;
}

/** Normalized DOI or null (any form lib/doi accepts). */
export function doiOrNull(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const r = normalizeDoi(input);
  return r.ok ? r.doi : null;
}

const PREPRINT_DOI = /^10\.(?:1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d+(?:v\d+)?$|21203\/|20944\/|48550\/)/;
const PREPRINT_CONTAINER = /^(?:biorxiv|medrxiv|arxiv|research square|preprints(?:\.org)?|ssrn)\b/i;

/** True for the DOI of a bioRxiv, medRxiv, Research Square, Preprints.org or arXiv preprint. */
export function isPreprintDoi(doi: string | null): boolean {
  return doi !== null && PREPRINT_DOI.test(doi);
}

/** Preprint by DOI prefix, by type ('posted-content') or by a preprint server as container title. */
export function detectPreprint(doi: string | null, type: unknown, container: string): boolean {
  return isPreprintDoi(doi) || type === 'posted-content' || PREPRINT_CONTAINER.test(container.trim());
}

/** Family name of "Family, Given" (or of "Given Family" when there is no comma), folded. */
export function familyKey(author: string): string {
  const a = author.trim();
  if (a === '') return '';
  const comma = a.indexOf(',');
  const family = comma >= 0 ? a.slice(0, comma) : (a.split(/\s+/).pop() ?? '');
  return foldAscii(family);
}
