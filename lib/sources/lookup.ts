/**
 * What a DOI look-up can answer, and how the Crossref part of it is configured.
 * The look-up itself (which needs the database) is `lookupDoi` in db/queries/sources.ts.
 */
import { CROSSREF_BASE_URL, type CrossrefFailureReason, type SourceMetadata } from '../crossref';

export type LookupResult =
  | { kind: 'invalid'; message: string }
  | { kind: 'existing'; doi: string }
  | { kind: 'crossref'; metadata: SourceMetadata }
  | { kind: 'manual'; doi: string; reason: string };

export type LookupOptions = {
  /** Crossref REST base URL; 'off' skips Crossref. Default: CROSSREF_API_URL, else https://api.crossref.org. */
  crossrefBaseUrl?: string;
  /** Contact address for Crossref's polite pool. Default: CROSSREF_MAILTO. */
  mailto?: string;
  /** Whole-request budget in ms. */
  timeoutMs?: number;
};

export const LOOKUP_REASONS = {
  off: 'Crossref look-ups are switched off here — enter the metadata by hand.',
  unreachable: 'Crossref did not answer (offline?) — enter the metadata by hand.',
  notFound: 'Crossref has no record of this DOI — check it or enter the metadata by hand.',
  badResponse: 'Crossref sent an answer we could not read — enter the metadata by hand.',
} as const;

export function lookupReason(reason: CrossrefFailureReason): string {
  switch (reason) {
    case 'not_found':
      return LOOKUP_REASONS.notFound;
    case 'bad_response':
      return LOOKUP_REASONS.badResponse;
    case 'timeout':
    case 'network':
      return LOOKUP_REASONS.unreachable;
  }
}

/** Options from the environment (CROSSREF_API_URL, CROSSREF_MAILTO, as validated by server/env), overridden by explicit ones. */
export function resolveLookupOptions(
  opts: LookupOptions = {},
  env: { CROSSREF_API_URL?: string; CROSSREF_MAILTO?: string } = {},
) {
  const baseUrl = (opts.crossrefBaseUrl ?? env.CROSSREF_API_URL)?.trim() || CROSSREF_BASE_URL;
  const mailto = (opts.mailto ?? env.CROSSREF_MAILTO)?.trim() || undefined;
  return { off: baseUrl.toLowerCase() === 'off', baseUrl, mailto, timeoutMs: opts.timeoutMs };
}
