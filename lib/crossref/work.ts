/**
 * A Crossref `/works/{doi}` response: its (lenient) schema, and the mapping to
 * the fields a `sources` row holds, formatted like the bundled review references
 * ("Aswad, H., Forterre, A., …, et al."; "57, 2155–2164").
 */
import { z } from 'zod';
import { normalizeDoi } from '../doi';

export type SourceMetadata = {
  doi: string;
  title: string | null;
  authors: string | null;
  journal: string | null;
  year: number | null;
  volumePages: string | null;
  pmid?: null;
};

// ---------------------------------------------------------------------------
// Response schema (lenient: unknown fields are stripped, not rejected)
// ---------------------------------------------------------------------------

/** Crossref sometimes emits numbers where strings are documented; accept both. */
const looseString = z.union([z.string(), z.number()]).transform(String);

const crossrefDateSchema = z.object({
  'date-parts': z.array(z.array(z.number().nullable())).optional(),
});

export const crossrefAuthorSchema = z.object({
  given: z.string().optional(),
  family: z.string().optional(),
  /** Organisations / consortia have only `name`. */
  name: z.string().optional(),
  sequence: z.string().optional(),
});
export type CrossrefAuthor = z.infer<typeof crossrefAuthorSchema>;

export const crossrefWorkSchema = z.object({
  DOI: z.string(),
  title: z.array(z.string()).optional(),
  subtitle: z.array(z.string()).optional(),
  author: z.array(crossrefAuthorSchema).optional(),
  'container-title': z.array(z.string()).optional(),
  'short-container-title': z.array(z.string()).optional(),
  issued: crossrefDateSchema.optional(),
  'published-print': crossrefDateSchema.optional(),
  'published-online': crossrefDateSchema.optional(),
  published: crossrefDateSchema.optional(),
  volume: looseString.optional(),
  issue: looseString.optional(),
  page: looseString.optional(),
  'article-number': looseString.optional(),
});
export type CrossrefWork = z.infer<typeof crossrefWorkSchema>;

export const crossrefWorkResponseSchema = z.object({
  status: z.literal('ok'),
  'message-type': z.literal('work'),
  message: crossrefWorkSchema,
});

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Strips simple JATS/HTML/MathML tags (`<i>`, `<jats:italic>`, `<sub>`, `<mml:mi>` …)
 * keeping their text, decodes basic entities, collapses whitespace.
 * A bare `<` that does not open a tag ("p < 0.05") is kept.
 */
export function cleanText(s: string | undefined | null): string | null {
  if (s == null) return null;
  const out = decodeEntities(s.replace(/<\/?[a-z][\w:.-]*(?:\s[^<>]*)?\/?>/gi, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return out === '' ? null : out;
}

/** Lower-case name particles kept whole inside given names ("Tiago de Oliveira" → "T. de O."). */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'y',
  'e',
]);

function initial(piece: string): string | null {
  const m = /\p{L}/u.exec(piece);
  return m ? `${m[0].toUpperCase()}.` : null;
}

/** "Oscar P.B." → "O. P. B."; "Marie-Claude" → "M.-C."; "Tiago de Oliveira" → "T. de O." */
export function initials(given: string): string {
  const tokens = given.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  tokens.forEach((token, i) => {
    if (i > 0 && PARTICLES.has(token)) {
      out.push(token);
      return;
    }
    const hyphenParts = token
      .split(/[-\u2010\u2011]/)
      .map((part) =>
        part
          .split('.')
          .map(initial)
          .filter((x): x is string => x !== null)
          .join(' '),
      )
      .filter(Boolean);
    if (hyphenParts.length > 0) out.push(hyphenParts.join('-'));
  });
  return out.join(' ');
}

/** One author as "Family, G. N."; organisations by name; null when nothing usable. */
export function formatAuthor(author: CrossrefAuthor): string | null {
  const family = cleanText(author.family);
  const given = cleanText(author.given);
  if (family) {
    const ini = given ? initials(given) : '';
    return ini ? `${family}, ${ini}` : family;
  }
  return cleanText(author.name) ?? given;
}

/** Authors listed before "et al." when there are more than this many. */
export const MAX_LISTED_AUTHORS = 6;

/**
 * Author list in the bundled references' style:
 * "Aoi, W., and Tanimura, Y."; up to six names in full with ", and " before
 * the last; more than six → the first six then ", et al.".
 */
export function formatAuthors(authors: readonly CrossrefAuthor[] | undefined): string | null {
  const names = (authors ?? []).map(formatAuthor).filter((x): x is string => x !== null);
  if (names.length === 0) return null;
  if (names.length > MAX_LISTED_AUTHORS) return `${names.slice(0, MAX_LISTED_AUTHORS).join(', ')}, et al.`;
  if (names.length === 1) return names[0] ?? null;
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/** "2155-2164" → "2155–2164" (en dash); anything that is not a simple range is kept as is. */
export function formatPages(page: string | undefined | null): string | null {
  const p = cleanText(page);
  if (!p) return null;
  const range = /^([^\s\-\u2010-\u2014]+)\s*[-\u2010-\u2014]\s*([^\s\-\u2010-\u2014]+)$/.exec(p);
  return range ? `${range[1]}–${range[2]}` : p;
}

/** "57, 2155–2164"; article number when there are no pages; null when neither volume nor pages. */
export function formatVolumePages(work: Pick<CrossrefWork, 'volume' | 'page' | 'article-number'>): string | null {
  const volume = cleanText(work.volume);
  const pages = formatPages(work.page) ?? cleanText(work['article-number']);
  if (volume && pages) return `${volume}, ${pages}`;
  return volume ?? pages;
}

function yearOf(date: z.infer<typeof crossrefDateSchema> | undefined): number | null {
  const y = date?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' && Number.isInteger(y) && y > 0 ? y : null;
}

/** Maps a validated Crossref work to `SourceMetadata`. */
export function mapCrossrefWork(work: CrossrefWork, requestedDoi?: string): SourceMetadata {
  const fromCrossref = normalizeDoi(work.DOI);
  const doi = fromCrossref.ok ? fromCrossref.doi : (requestedDoi ?? work.DOI.trim().toLowerCase());

  let title = cleanText(work.title?.[0]);
  const subtitle = cleanText(work.subtitle?.[0]);
  if (title && subtitle && !title.toLowerCase().includes(subtitle.toLowerCase())) title = `${title}: ${subtitle}`;

  return {
    doi,
    title,
    authors: formatAuthors(work.author),
    journal: cleanText(work['container-title']?.[0]) ?? cleanText(work['short-container-title']?.[0]),
    year:
      yearOf(work.issued) ??
      yearOf(work['published-print']) ??
      yearOf(work['published-online']) ??
      yearOf(work.published),
    volumePages: formatVolumePages(work),
    pmid: null,
  };
}
