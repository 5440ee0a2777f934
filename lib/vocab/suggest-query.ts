/**
 * Term suggestions (`GET /api/terms`, the term picker): the query a client may send, checked by
 * one zod schema, and the pure text helpers db/queries/terms.ts builds its SQL from — how the
 * typed text is normalised, which term ids it may spell, and how it is escaped for LIKE and
 * regular expressions so that `%`, `_` and `\` are matched literally.
 */
import '../validation/zod-config';
import { z } from 'zod';
import { curieSchema } from './fields';
import type { TermKind } from './sources';

export const TERM_KINDS = [
  'anatomy',
  'cell',
  'cell_line',
  'taxon',
  'mirna',
  'disease',
  'phenotype',
  'method',
  'gene',
] as const satisfies readonly TermKind[];

// Every TermKind is listed (a new kind fails to compile here until it is added above).
const allKindsListed: Exclude<TermKind, (typeof TERM_KINDS)[number]> extends never ? true : never = true;
void allKindsListed;

export const SUGGEST_LIMIT_DEFAULT = 10;
export const SUGGEST_LIMIT_MAX = 25;
export const SUGGEST_TEXT_MAX = 100;

const CONTROL = /[\u0000-\u001F\u007F]/;
const KIND_SET = new Set<string>(TERM_KINDS);

export const suggestQuerySchema = z.object({
  q: z
    .string({ error: 'Type something to search for.' })
    .trim()
    .min(1, { error: 'Type something to search for.' })
    .max(SUGGEST_TEXT_MAX, { error: `At most ${SUGGEST_TEXT_MAX} characters.` })
    .refine((s) => !CONTROL.test(s), { error: 'Contains a control character.' }),
  kind: z
    .string({ error: 'Name the kinds of term to search (e.g. kind=anatomy,cell).' })
    .transform((s) => [...new Set(s.split(',').map((k) => k.trim()))].filter(Boolean))
    .refine((ks) => ks.length > 0, { error: 'Name the kinds of term to search (e.g. kind=anatomy,cell).' })
    .refine((ks) => ks.every((k) => KIND_SET.has(k)), {
      error: `Unknown kind of term; expected a comma list of ${TERM_KINDS.join(', ')}.`,
    })
    .transform((ks) => ks as TermKind[]),
  species: curieSchema.optional(),
  limit: z.coerce
    .number({ error: 'Expected a number.' })
    .int({ error: 'Expected a whole number.' })
    .min(1, { error: 'At least 1.' })
    .max(SUGGEST_LIMIT_MAX, { error: `At most ${SUGGEST_LIMIT_MAX}.` })
    .default(SUGGEST_LIMIT_DEFAULT),
});

export type SuggestQuery = z.output<typeof suggestQuerySchema>;

/** One suggestion, as `GET /api/terms` answers it (`{data: TermSuggestion[]}`). */
export type TermSuggestion = {
  curie: string;
  label: string;
  kind: TermKind;
  vocab: string;
  /** The synonym or xref that matched, when the label did not. */
  matched: string | null;
  parent: { curie: string; label: string } | null;
  species: string | null;
  /** A caution the vocabulary file carries (Cellosaurus `note`). */
  note: string | null;
};

/** The query string of `GET /api/terms`, as a query or as field errors (the 400 every read route answers with). */
export function parseSuggestQuery(
  params: URLSearchParams,
): { ok: true; query: SuggestQuery } | { ok: false; errors: Record<string, string> } {
  const record: Record<string, string> = {};
  for (const key of Object.keys(suggestQuerySchema.shape)) {
    const value = params.get(key);
    // An empty q is a field error; an empty species or limit is "not given".
    if (value !== null && (value !== '' || key === 'q' || key === 'kind')) record[key] = value;
  }
  const r = suggestQuerySchema.safeParse(record);
  if (r.success) return { ok: true, query: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[String(issue.path[0] ?? 'query')] ??= issue.message;
  return { ok: false, errors };
}

/** The typed text as suggestions compare it: trimmed, inner whitespace collapsed, lower-cased (as terms.search_text is). */
export function normalizeSearchText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** `%`, `_` and `\` matched literally in a LIKE pattern (backslash is PostgreSQL's default escape). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every non-alphanumeric character escaped for a PostgreSQL (ARE) regular expression. */
export function escapeRegex(s: string): string {
  return s.replace(/[^\p{L}\p{N}\s]/gu, (c) => `\\${c}`);
}

/** The smallest string greater than every string that starts with `prefix` (byte order, as text_pattern_ops compares). */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return '\u{10FFFF}';
  const next = last.codePointAt(0)! + 1;
  // Past the surrogate gap; U+10FFFF itself has no successor, so widen to the shorter prefix.
  if (next > 0x10ffff) return prefixUpperBound(chars.join(''));
  return chars.join('') + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
}

/** OBO vocabularies whose numeric ids are seven digits (`UBERON:0002371`). */
const PADDED = ['UBERON', 'CL', 'MONDO', 'HP', 'ECO', 'EVXT'];
/** Numeric ids written without padding. */
const UNPADDED = ['HGNC', 'NCBITaxon', 'DOID'];
const KNOWN_PREFIXES = new Map(
  [...PADDED, ...UNPADDED, 'cellosaurus', 'mirbase.mature'].map((p) => [p.toLowerCase(), p]),
);
KNOWN_PREFIXES.set('mirbase', 'mirbase.mature');

function local(prefix: string, id: string): string {
  if (prefix === 'cellosaurus' || prefix === 'mirbase.mature') return id.toUpperCase();
  if (PADDED.includes(prefix) && /^\d{1,7}$/.test(id)) return id.padStart(7, '0');
  return id;
}

/**
 * The term ids the text may spell, as stored: a CURIE in any letter case (`uberon:2371`,
 * `CELLOSAURUS:cvcl_0188`, an OBO `UBERON_0002371`), a bare accession (`CVCL_0188`,
 * `MIMAT0000239`) or bare digits (`0002371`, `10090`: each vocabulary with numeric ids; four
 * digits at least). A DOID id is among them: suggestions match it against MONDO's xrefs.
 */
export function idCandidates(text: string): string[] {
  const t = text.trim();
  const out = new Set<string>();
  const curie = /^([A-Za-z][A-Za-z0-9.]*)[:_]([A-Za-z0-9_.-]+)$/.exec(t);
  if (/^cvcl_[a-z0-9]{4}$/i.test(t)) out.add(`cellosaurus:${t.toUpperCase()}`);
  else if (/^mimat\d{7}$/i.test(t)) out.add(`mirbase.mature:${t.toUpperCase()}`);
  else if (/^\d{4,7}$/.test(t)) {
    for (const p of PADDED) out.add(`${p}:${t.padStart(7, '0')}`);
    const bare = t.replace(/^0+(?=\d)/, '');
    for (const p of UNPADDED) out.add(`${p}:${bare}`);
    out.add(`DOID:${t}`);
  } else if (curie) {
    const prefix = KNOWN_PREFIXES.get(curie[1]!.toLowerCase());
    if (prefix) out.add(`${prefix}:${local(prefix, curie[2]!)}`);
    else if (t.includes(':')) out.add(t);
  }
  return [...out];
}
