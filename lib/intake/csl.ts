/**
 * CSL-JSON item → IntakeRecord. citation-js turns RIS and BibTeX into CSL-JSON
 * items; the MEDLINE parser produces the same shape; CSL-JSON uploads are
 * already in it. Field limits live here too, so every format refuses the same
 * way.
 */
import { detectPreprint, doiOrNull, familyKey, normalizePmcid, normalizePmid } from './normalize';
import type { IntakeRecord } from './types';

/** Longest single field we accept (characters); a record with a longer one is refused. */
export const MAX_FIELD_CHARS = 100_000;
/** Longest `raw` we keep, as JSON characters. */
export const MAX_RAW_CHARS = 20_000;

type Csl = Record<string, unknown>;
type CslName = { family?: unknown; given?: unknown; literal?: unknown };

function text(v: unknown): string {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join(' ');
  return '';
}

function nameOf(n: unknown): string {
  if (typeof n === 'string') return text(n);
  if (!n || typeof n !== 'object') return '';
  const { family, given, literal } = n as CslName;
  const f = text(family);
  const g = text(given);
  if (f && g) return `${f}, ${g}`;
  return f || g || text(literal);
}

function yearOf(issued: unknown): number | null {
  if (!issued || typeof issued !== 'object') return null;
  const i = issued as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const first = Array.isArray(i['date-parts']) ? (i['date-parts'][0] as unknown) : undefined;
  let y = Array.isArray(first) ? Number(first[0]) : NaN;
  if (!Number.isInteger(y)) {
    const m = /\b(1[5-9]\d\d|2\d\d\d)\b/.exec(text(i.raw) || text(i.literal));
    y = m ? Number(m[1]) : NaN;
  }
  return Number.isInteger(y) && y >= 1500 && y <= 2999 ? y : null;
}

function keywordsOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v.map(text) : text(v).split(/\s*[,;]\s*/);
  return [...new Set(list.map((k) => k.trim()).filter(Boolean))];
}

/** A field over MAX_FIELD_CHARS, as "name (n characters)", or null. Looks one level into arrays/objects. */
export function oversizedField(obj: Csl): string | null {
  const size = (v: unknown, depth: number): number => {
    if (typeof v === 'string') return v.length;
    if (depth > 3 || !v || typeof v !== 'object') return 0;
    return Math.max(0, ...Object.values(v as object).map((x) => size(x, depth + 1)));
  };
  for (const [k, v] of Object.entries(obj)) {
    const n = size(v, 0);
    if (n > MAX_FIELD_CHARS) return `${k} (${n.toLocaleString('en')} characters)`;
  }
  return null;
}

/** A copy of `raw` whose JSON is at most MAX_RAW_CHARS: long strings cut (marked "…"), then fields dropped. */
export function truncateRaw(raw: Csl): Csl {
  const out: Csl = {};
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith('_')) out[k] = v;
  if (JSON.stringify(out).length <= MAX_RAW_CHARS) return out;
  const cut = (v: unknown, max: number): unknown => {
    if (typeof v === 'string') return v.length > max ? `${v.slice(0, max)}…` : v;
    if (Array.isArray(v)) return v.slice(0, 50).map((x) => cut(x, max));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([a, b]) => [a, cut(b, max)]));
    return v;
  };
  for (const max of [4000, 1000, 200]) {
    const cutOut = cut(out, max) as Csl;
    if (JSON.stringify(cutOut).length <= MAX_RAW_CHARS) return { ...cutOut, _truncated: true };
  }
  return { title: cut(out.title, 200), _truncated: true };
}

/** Maps one CSL-JSON item; `raw` defaults to the item itself. Never throws. */
export function cslToRecord(csl: Csl, raw: Csl = csl): IntakeRecord {
  const doi = doiOrNull(csl.DOI ?? csl.doi);
  const authors = (Array.isArray(csl.author) ? csl.author : []).map(nameOf).filter(Boolean);
  const journal = text(csl['container-title']) || text(csl['collection-title']);
  return {
    title: text(csl.title),
    abstract: text(csl.abstract),
    keywords: keywordsOf(csl.keyword ?? csl.keywords),
    authors,
    firstAuthor: authors[0] ? familyKey(authors[0]) : '',
    year: yearOf(csl.issued),
    journal,
    doi,
    pmid: normalizePmid(csl.PMID ?? csl.pmid),
    pmcid: normalizePmcid(csl.PMCID ?? csl.pmcid),
    isPreprint: detectPreprint(doi, csl.type, journal),
    raw: truncateRaw(raw),
  };
}
