/**
 * Crossref REST client: fetch the metadata of one work by DOI
 * (`GET {baseUrl}/works/{doi}`) and map it to the fields a `sources` row
 * holds, formatted like the bundled review references.
 *
 * Never throws: every failure comes back as a reason the caller can show
 * ("enter the details by hand") instead of an exception.
 */
import { normalizeDoi } from '../doi';
import { crossrefWorkResponseSchema, mapCrossrefWork, type SourceMetadata } from './work';

export * from './work';

export const CROSSREF_BASE_URL = 'https://api.crossref.org';
export const CROSSREF_DEFAULT_TIMEOUT_MS = 5000;
export const USER_AGENT = 'EV-Crosstalk-Curator/0.1';

export type CrossrefFailureReason = 'not_found' | 'timeout' | 'bad_response' | 'network';

export type CrossrefResult =
  { ok: true; metadata: SourceMetadata } | { ok: false; reason: CrossrefFailureReason; message: string };

export type FetchCrossrefOptions = {
  /** Default https://api.crossref.org */
  baseUrl?: string;
  /** Contact address for Crossref's polite pool, sent in the User-Agent. */
  mailto?: string;
  /** Whole-request budget (headers and body). Default 5000. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

function fail(reason: CrossrefFailureReason, message: string): CrossrefResult {
  return { ok: false, reason, message };
}

const MANUAL = 'Check the DOI, or enter the details by hand.';

function errorCode(err: unknown): string | undefined {
  // undici: TypeError('fetch failed', { cause: Error & { code: 'ECONNREFUSED' } })
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Fetches `/works/{doi}` from Crossref and maps it. Never throws.
 *
 * `doi` may be in any form `normalizeDoi` accepts; an input that is not a
 * DOI at all is reported as `not_found` without a request.
 */
export async function fetchCrossrefWork(doi: string, opts: FetchCrossrefOptions = {}): Promise<CrossrefResult> {
  const normalized = normalizeDoi(doi);
  if (!normalized.ok) return fail('not_found', normalized.message);

  const timeoutMs =
    typeof opts.timeoutMs === 'number' && Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0
      ? opts.timeoutMs
      : CROSSREF_DEFAULT_TIMEOUT_MS;
  const baseUrl = (opts.baseUrl ?? CROSSREF_BASE_URL).replace(/\/+$/, '');
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch;
  const mailto = opts.mailto?.trim();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': mailto ? `${USER_AGENT} (mailto:${mailto})` : USER_AGENT,
  };
  const signal = AbortSignal.timeout(timeoutMs);

  let status: number;
  let body: string;
  try {
    const res = await fetchImpl(`${baseUrl}/works/${encodeURIComponent(normalized.doi)}`, { headers, signal });
    status = res.status;
    // The timeout also covers reading the body.
    body = await res.text();
  } catch (err) {
    if (signal.aborted || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))) {
      return fail(
        'timeout',
        `Crossref did not answer within ${formatSeconds(timeoutMs)}. Try again later, or enter the details by hand.`,
      );
    }
    const code = errorCode(err);
    return fail(
      'network',
      `Could not reach Crossref${code ? ` (${code})` : ''}. Try again later, or enter the details by hand.`,
    );
  }

  if (status === 404) return fail('not_found', `Crossref has no record of DOI ${normalized.doi}. ${MANUAL}`);
  if (status < 200 || status > 299) {
    return fail(
      'bad_response',
      `Crossref answered with HTTP ${status}. Try again later, or enter the details by hand.`,
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail(
      'bad_response',
      'Crossref sent a response that is not valid JSON. Try again later, or enter the details by hand.',
    );
  }
  const parsed = crossrefWorkResponseSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'response';
    return fail(
      'bad_response',
      `Crossref sent an unexpected response (${where}). Try again later, or enter the details by hand.`,
    );
  }
  return { ok: true, metadata: mapCrossrefWork(parsed.data.message, normalized.doi) };
}

function formatSeconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
