import '../validation/zod-config';
/**
 * DOI parsing and formatting.
 *
 * The canonical form stored everywhere (`sources.doi`) is the bare DOI,
 * lower-cased, with no `doi:` / `https://doi.org/` prefix, e.g.
 * `10.1007/s00125-014-3337-2`. DOIs are case-insensitive (ASCII), so
 * lower-casing is lossless for lookups and keeps the unique index honest.
 */
import { z } from 'zod';

export type NormalizeDoiResult = { ok: true; doi: string } | { ok: false; message: string };

/** Longest DOI we accept (after normalization). */
export const DOI_MAX_LENGTH = 300;

const EXAMPLE = 'A DOI looks like 10.1234/abc.567 (a "doi:" or https://doi.org/ prefix is fine).';

export const DOI_MESSAGES = {
  empty: `Enter a DOI. ${EXAMPLE}`,
  invalid: `Not a DOI. ${EXAMPLE}`,
  missingSuffix: `This DOI has no suffix after the "/". ${EXAMPLE}`,
  whitespace: `A DOI cannot contain spaces, line breaks or invisible characters. ${EXAMPLE}`,
  tooLong: `That is too long for a DOI (at most ${DOI_MAX_LENGTH} characters). ${EXAMPLE}`,
  badEncoding: `This DOI link has broken %-encoding. ${EXAMPLE}`,
} as const;

/** `doi:` / `DOI: ` label (case-insensitive, optional space after the colon). */
const LABEL_PREFIX = /^doi:\s*/i;
/** Resolver URL forms: http(s)://, optional dx. or www., doi.org/ (scheme optional). */
const URL_PREFIX = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i;
/** Whitespace, control characters (incl. NUL) and invisible format characters (ZWSP, soft hyphen, BOM…). */
// Lone UTF-16 surrogates (\p{Cs}) cannot be percent-encoded in a link, so they are refused too.
const FORBIDDEN_CHAR = /[\s\p{Cc}\p{Cf}\p{Cs}]/u;
/** Directory indicator `10.` + registrant code of 4-9 digits, optional `.n` subdivisions, `/`, non-empty suffix. */
const DOI_SHAPE = /^10\.\d{4,9}(?:\.\d+)*\/.+$/;
const PREFIX_ONLY = /^10\.\d{4,9}(?:\.\d+)*\/?$/;

/**
 * Accepts a DOI in any common written form and returns its canonical form
 * (lower-case, no prefix), or a user-facing message explaining what a DOI
 * looks like. Never throws.
 */
export function normalizeDoi(input: string): NormalizeDoiResult {
  if (typeof input !== 'string') return { ok: false, message: DOI_MESSAGES.invalid };
  let s = input.trim();
  if (s === '') return { ok: false, message: DOI_MESSAGES.empty };
  // Cheap guard before any regex / decoding work on absurd input.
  if (s.length > DOI_MAX_LENGTH * 4) return { ok: false, message: DOI_MESSAGES.tooLong };

  const urlMatch = URL_PREFIX.exec(s);
  if (urlMatch) {
    s = s.slice(urlMatch[0].length);
    // In a URL a literal "?" or "#" starts the query / fragment; characters
    // that belong to the DOI itself are percent-encoded (%3F, %23).
    s = s.replace(/[?#].*$/s, '');
    try {
      s = decodeURIComponent(s);
    } catch {
      return { ok: false, message: DOI_MESSAGES.badEncoding };
    }
  } else {
    const labelMatch = LABEL_PREFIX.exec(s);
    if (labelMatch) s = s.slice(labelMatch[0].length);
  }

  if (s === '') return { ok: false, message: DOI_MESSAGES.empty };
  if (FORBIDDEN_CHAR.test(s)) return { ok: false, message: DOI_MESSAGES.whitespace };

  const doi = s.toLowerCase();
  if (PREFIX_ONLY.test(doi)) return { ok: false, message: DOI_MESSAGES.missingSuffix };
  if (!DOI_SHAPE.test(doi)) return { ok: false, message: DOI_MESSAGES.invalid };
  if (doi.length > DOI_MAX_LENGTH) return { ok: false, message: DOI_MESSAGES.tooLong };
  return { ok: true, doi };
}

/**
 * True when `s` is a DOI in any form `normalizeDoi` accepts. (Deliberately
 * not a type guard: `false` must not narrow a `string` to `never`.)
 */
export function isDoi(s: unknown): boolean {
  return typeof s === 'string' && normalizeDoi(s).ok;
}

/**
 * Resolver link for a DOI: `https://doi.org/<doi>`, each path segment
 * percent-encoded (so `#`, `?`, `%`, `<`, `>`, `;` … survive), `/` kept.
 * Input in any accepted form is normalized first; anything else is encoded
 * as given.
 */
export function doiUrl(doi: string): string {
  const n = normalizeDoi(doi);
  const value = n.ok ? n.doi : doi.trim();
  return `https://doi.org/${value.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * zod schema: accepts any written form of a DOI, outputs the canonical DOI,
 * reports `normalizeDoi`'s message as a custom issue.
 */
export const doiSchema = z.string().transform((value, ctx) => {
  const result = normalizeDoi(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message, input: value });
    return z.NEVER;
  }
  return result.doi;
});
