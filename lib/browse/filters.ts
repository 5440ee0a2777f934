import { z } from 'zod';
import { normalizeDoi } from '../doi';
import { CARGO_TYPES, DIRECTIONS, EFFECT_DIRECTIONS, STUDY_TYPES, WORKFLOW_STATUSES } from '../vocab';
import { CURIE_PATTERN } from '../vocab/fields';

/**
 * The findings browser's query: every filter, the sort, the page size and
 * the keyset cursor, as URL parameters. One schema for the page, the API and
 * the export, so a shared URL means the same rows everywhere.
 */
export const SORTS = ['updated', 'organ', 'species', 'year', 'doi', 'relevance'] as const;
export const PAGE_SIZES = [50, 100, 200] as const;
export type Sort = (typeof SORTS)[number];

const CONTROL = /[\u0000-\u001F\u007F]/;
const text = (max: number, what: string) =>
  z
    .string()
    .max(max, { error: `${what} is at most ${max} characters.` })
    .refine((s) => !CONTROL.test(s), { error: `${what} contains a control character.` })
    .transform((s) => s.trim())
    .optional();
const pick = <T extends [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `Unknown ${what}.` }).optional();
/**
 * A term id: the filter matches the term and every term under it (db/queries/browse.ts), so
 * "Nervous system" finds brain, spinal cord and nerves. The shape is checked here; whether the
 * term exists, and is of the right kind, against the terms table before any finding is read
 * (db/queries/filter-terms.ts), each a field error too.
 */
const termId = (pattern: RegExp, message: string) =>
  z
    .string()
    .max(60, { error: message })
    .transform((s) => s.trim())
    .refine((s) => pattern.test(s), { error: message })
    .optional();
/** Anatomy terms are UBERON's, or local ones an admin accepted. */
export const ANATOMY_CURIE = /^(UBERON:\d{7}|EVXT:\d{1,12})$/;
export const TAXON_CURIE = /^(NCBITaxon:\d{1,10}|EVXT:\d{1,12})$/;
const year = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a year.` })
    .int({ error: `${what} must be a year.` })
    .min(1800, { error: `${what} must be between 1800 and 2100.` })
    .max(2100, { error: `${what} must be between 1800 and 2100.` })
    .optional();

export const browseQuerySchema = z
  .object({
    organ: termId(ANATOMY_CURIE, 'Target organ is an anatomy term id such as UBERON:0001016 (nervous system).'),
    origin: termId(ANATOMY_CURIE, 'Donor organ is an anatomy term id such as UBERON:0001134 (skeletal muscle).'),
    direction: pick(DIRECTIONS.values, 'direction'),
    species: termId(TAXON_CURIE, 'Species is an NCBI Taxonomy id such as NCBITaxon:10090 (mouse).'),
    term: termId(CURIE_PATTERN, 'Term is a term id such as UBERON:0001013 or CL:0000594.'),
    cargoType: pick(CARGO_TYPES.values, 'cargo type'),
    cargo: text(100, 'Cargo name'),
    study: pick(STUDY_TYPES.values, 'study type'),
    effect: pick(EFFECT_DIRECTIONS.values, 'effect direction'),
    yearFrom: year('From year'),
    yearTo: year('To year'),
    doi: z
      .string()
      .max(400, { error: 'Not a DOI.' })
      .transform((s, ctx) => {
        const r = normalizeDoi(s);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message: r.message });
          return z.NEVER;
        }
        return r.doi;
      })
      .optional(),
    status: pick(WORKFLOW_STATUSES.values, 'status'),
    q: text(200, 'Search'),
    sort: z.enum(SORTS, { error: 'Unknown sort.' }).default('updated'),
    dir: z.enum(['asc', 'desc'], { error: 'Sort direction is asc or desc.' }).optional(),
    limit: z.coerce
      .number({ error: 'Rows per page is 50, 100 or 200.' })
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { error: 'Rows per page is 50, 100 or 200.' })
      .default(50),
    cursor: z
      .string()
      .max(600, { error: 'Malformed cursor.' })
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'Malformed cursor.' })
      .optional(),
  })
  .refine((f) => f.yearFrom === undefined || f.yearTo === undefined || f.yearFrom <= f.yearTo, {
    error: 'From year is after to year.',
    path: ['yearTo'],
  })
  .refine((f) => f.sort !== 'relevance' || Boolean(f.q), {
    error: 'Sort by relevance needs a search.',
    path: ['sort'],
  });

export type BrowseQuery = z.output<typeof browseQuerySchema>;
export const FILTER_KEYS = [
  'organ',
  'origin',
  'direction',
  'species',
  'term',
  'cargoType',
  'cargo',
  'study',
  'effect',
  'yearFrom',
  'yearTo',
  'doi',
  'status',
  'q',
] as const;

/** URL search params (Next's record or URLSearchParams) → a query, or an error per parameter. */
export function parseBrowseQuery(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): { ok: true; query: BrowseQuery } | { ok: false; errors: Record<string, string> } {
  const record: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== '' && k in browseQuerySchema.shape) record[k] = value;
  }
  const r = browseQuerySchema.safeParse(record);
  if (r.success) return { ok: true, query: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[String(issue.path[0] ?? 'query')] ??= issue.message;
  return { ok: false, errors };
}

/** The query as URL parameters (defaults left out), e.g. for links that keep the filters. */
export function browseSearchParams(
  q: Partial<BrowseQuery>,
  overrides: Partial<Record<keyof BrowseQuery, string | number | undefined>> = {},
): URLSearchParams {
  const out = new URLSearchParams();
  const merged: Record<string, unknown> = { ...q, ...overrides };
  for (const key of [...FILTER_KEYS, 'sort', 'dir', 'limit', 'cursor'] as const) {
    const v = merged[key];
    if (v === undefined || v === null || v === '') continue;
    if (key === 'sort' && v === 'updated') continue;
    if (key === 'limit' && Number(v) === 50) continue;
    out.set(key, String(v));
  }
  return out;
}

/** Keyset cursor: the last row's sort value and id, base64url-encoded JSON. */
export function encodeCursor(value: string | number | null, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string | number | null; id: number } | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(v) || v.length !== 2 || !Number.isSafeInteger(v[1]) || (v[1] as number) < 1) return null;
    const value = v[0] as unknown;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') return null;
    if (typeof value === 'string' && value.length > 200) return null;
    return { value, id: v[1] as number };
  } catch {
    return null;
  }
}
