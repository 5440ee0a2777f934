/**
 * One Europe PMC search result (`resultType=core`, `format=json`) as an IntakeRecord.
 *
 * Fields read, as Europe PMC documents them: `id`, `source` ('MED', 'PMC', 'PPR' for preprints …), `pmid`,
 * `pmcid`, `doi`, `title`, `authorString`, `authorList.author[]` (`lastName`, `firstName`, `initials`,
 * `fullName`, `collectiveName`), `journalTitle` or `journalInfo.journal.title` (preprints: the server in
 * `bookOrReportDetails.publisher`), `pubYear` (or `journalInfo.yearOfPublication`), `abstractText`,
 * `keywordList.keyword[]`, `pubTypeList.pubType[]` ("Preprint"). Titles and abstracts carry HTML (<i>, <sup>,
 * <h4> …): tags are stripped by pattern (no DOM, no parser), entities decoded, whitespace collapsed. Identifiers,
 * the first author's family key and preprint detection use lib/intake/normalize, as the file parsers do.
 * A field of an unexpected type is read as missing rather than failing the whole page.
 */
import { z } from 'zod';
import { cleanText } from '../crossref';
import { detectPreprint, doiOrNull, familyKey, normalizePmcid, normalizePmid } from '../intake/normalize';
import type { IntakeRecord } from '../intake/types';

const text = z.union([z.string(), z.number()]).transform(String).optional().catch(undefined);
/** Europe PMC lists are arrays; a lone string is accepted too. */
const textList = z
  .union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string().transform((s) => [s])])
  .optional()
  .catch(undefined);

const authorSchema = z.looseObject({
  fullName: text,
  firstName: text,
  lastName: text,
  initials: text,
  collectiveName: text,
});

export const europePmcResultSchema = z.looseObject({
  id: text,
  source: text,
  pmid: text,
  pmcid: text,
  doi: text,
  title: text,
  authorString: text,
  authorList: z
    .object({ author: z.array(authorSchema.catch({})) })
    .optional()
    .catch(undefined),
  journalTitle: text,
  journalInfo: z
    .looseObject({ yearOfPublication: text, journal: z.looseObject({ title: text }).optional().catch(undefined) })
    .optional()
    .catch(undefined),
  bookOrReportDetails: z.looseObject({ publisher: text }).optional().catch(undefined),
  pubYear: text,
  abstractText: text,
  keywordList: z.object({ keyword: textList }).optional().catch(undefined),
  pubTypeList: z.object({ pubType: textList }).optional().catch(undefined),
});
export type EuropePmcResult = z.infer<typeof europePmcResultSchema>;

/** Block-level tags end a word: "<h4>Background</h4>Muscle" reads "Background Muscle". */
const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|br|li|ul|ol|tr|td|th|table|sec|title|abstract)(?:\s[^<>]*)?\/?>/gi;

/** Title or abstract as plain text: tags out (a bare "p < 0.05" stays), entities decoded, spaces collapsed. */
export function plainText(s: string | undefined): string {
  if (!s) return '';
  return cleanText(s.replace(BLOCK_TAG, ' ')) ?? '';
}

type Author = z.infer<typeof authorSchema>;

function authorName(a: Author): string | null {
  const last = plainText(a.lastName);
  const given = plainText(a.firstName) || plainText(a.initials);
  if (last) return given ? `${last}, ${given}` : last;
  return plainText(a.collectiveName) || plainText(a.fullName) || null;
}

/** "Smith J, Doe AB, EV-TRACK Consortium." → ["Smith, J", "Doe, AB", "EV-TRACK Consortium"]. */
function authorsFromString(s: string): string[] {
  return plainText(s)
    .replace(/\.$/, '')
    .split(/\s*,\s*/)
    .filter(Boolean)
    .map((name) => {
      const m = /^(.+?)\s+(\p{Lu}{1,4})$/u.exec(name);
      return m ? `${m[1]}, ${m[2]}` : name;
    });
}

function yearOf(...candidates: (string | undefined)[]): number | null {
  for (const c of candidates) {
    const m = /^\s*(\d{4})/.exec(c ?? '');
    const y = m ? Number(m[1]) : NaN;
    if (y >= 1000 && y <= 2999) return y;
  }
  return null;
}

function uniqueClean(list: string[] | undefined): string[] {
  const out = new Set<string>();
  for (const k of list ?? []) {
    const t = plainText(k);
    if (t) out.add(t);
  }
  return [...out];
}

/** Provenance kept with the record: the result as received, long strings cut, at most RAW_MAX_CHARS as JSON. */
export const RAW_MAX_CHARS = 20_000;
const RAW_FIELD_MAX_CHARS = 8_000;

export function capRaw(result: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(result)) {
    raw[k] = typeof v === 'string' && v.length > RAW_FIELD_MAX_CHARS ? `${v.slice(0, RAW_FIELD_MAX_CHARS)}…` : v;
  }
  // Biggest fields go first (affiliation-laden author lists, MeSH, full-text links) until it fits.
  const sizes = Object.keys(raw).map((k) => [k, JSON.stringify(raw[k] ?? null).length] as const);
  sizes.sort((a, b) => b[1] - a[1]);
  const dropped: string[] = [];
  for (const [k] of sizes) {
    if (JSON.stringify(raw).length <= RAW_MAX_CHARS) break;
    delete raw[k];
    dropped.push(k);
  }
  if (dropped.length > 0) raw._truncated = dropped;
  return raw;
}

/** Maps one search result (a JSON object); identifiers that do not parse are left null. */
export function mapEuropePmcResult(result: Record<string, unknown>): IntakeRecord {
  // Every field falls back to missing, so this only fails for a non-object (not reachable from the client).
  const parsed = europePmcResultSchema.safeParse(result);
  const r: EuropePmcResult = parsed.success ? parsed.data : {};
  const fromList = (r.authorList?.author ?? []).map(authorName).filter((x): x is string => x !== null);
  const authors = fromList.length > 0 ? fromList : authorsFromString(r.authorString ?? '');
  const doi = doiOrNull(r.doi);
  const journal =
    plainText(r.journalTitle) ||
    plainText(r.journalInfo?.journal?.title) ||
    plainText(r.bookOrReportDetails?.publisher);
  const preprintType = r.source === 'PPR' || (r.pubTypeList?.pubType ?? []).some((t) => /preprint/i.test(t));
  return {
    title: plainText(r.title),
    abstract: plainText(r.abstractText),
    keywords: uniqueClean(r.keywordList?.keyword),
    authors,
    firstAuthor: familyKey(authors[0] ?? ''),
    year: yearOf(r.pubYear, r.journalInfo?.yearOfPublication),
    journal,
    doi,
    pmid: normalizePmid(r.pmid),
    pmcid: normalizePmcid(r.pmcid),
    isPreprint: preprintType || detectPreprint(doi, undefined, journal),
    raw: capRaw(result),
  };
}
