/**
 * Europe PMC REST search for saved searches: `GET {base}/search?query=…&resultType=core&format=json
 * &pageSize=1000&cursorMark=*`, then the same with each answer's `nextCursorMark`, until a page comes back
 * short or empty, the cursor stops moving, `hitCount` records are in, or `maxRecords` (default 5,000) is reached.
 * A date window is added to the query as `(<query>) AND (FIRST_PDATE:[from TO to])` (an open end becomes
 * 1000-01-01 or 2999-12-31).
 *
 * All or nothing: when any page fails (timeout, HTML, invalid JSON, an HTTP error, over the size cap, a refused
 * connection) the result is a failure carrying no records, so the caller imports nothing from a half-read search
 * and can simply run it again. Never throws; each request has its own time budget (default 5 s, headers and
 * body) and a size cap enforced while reading; every page is validated with zod.
 */
import { z } from 'zod';
import { USER_AGENT } from '../crossref';
import type { IntakeRecord } from '../intake/types';
import { getCapped, parseJson, SOURCE_UNCHANGED, timeoutOf } from '../sourcetext/http';
import { mapEuropePmcResult } from './europepmc-record';

export const EUROPE_PMC_SEARCH_BASE_URL = 'https://www.ebi.ac.uk/europepmc/webservices/rest';
export const EUROPE_PMC_PAGE_SIZE = 1000;
export const EUROPE_PMC_MAX_RECORDS = 5000;
/** Per page. A core page of 1,000 records with abstracts and author affiliations is a few MB. */
export const EUROPE_PMC_MAX_PAGE_BYTES = 32 * 1024 * 1024;

export type EuropePmcSearchInput = {
  query: string;
  /** YYYY-MM-DD, inclusive, matched against FIRST_PDATE (first publication date). */
  fromDate?: string;
  toDate?: string;
  /** Stop after this many records (default 5,000). */
  maxRecords?: number;
  /** Records per request, 1–1,000 (default 1,000). */
  pageSize?: number;
};

export type EuropePmcSearchOptions = {
  baseUrl?: string;
  /** Budget per request (headers and body). Default 5000. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  maxPageBytes?: number;
};

export type EuropePmcSearchFailure = 'invalid_query' | 'timeout' | 'bad_response' | 'network' | 'too_large';

export type EuropePmcSearchResult =
  | {
      ok: true;
      records: IntakeRecord[];
      /** Europe PMC's count of all matches (may exceed records.length when maxRecords cut the search short). */
      hitCount: number;
      pages: number;
      /** True when maxRecords stopped the paging before every hit was read. */
      truncated: boolean;
    }
  | { ok: false; reason: EuropePmcSearchFailure; message: string };

export const europePmcSearchPageSchema = z.object({
  hitCount: z.number().int().nonnegative(),
  nextCursorMark: z.string().optional(),
  resultList: z.object({ result: z.array(z.record(z.string(), z.unknown())) }).optional(),
});

const SERVICE = 'Europe PMC';
const NOTHING_ADDED = 'Nothing was added; the search can be run again later.';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_QUERY_CHARS = 4000;

type Failure = Extract<EuropePmcSearchResult, { ok: false }>;

function fail(reason: EuropePmcSearchFailure, message: string): Failure {
  return { ok: false, reason, message };
}

function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The query string sent to Europe PMC, or a failure naming what is wrong with the input. */
export function buildEuropePmcQuery(input: EuropePmcSearchInput): { ok: true; query: string } | Failure {
  const query = input.query.trim();
  if (!query) return fail('invalid_query', 'Enter a search query.');
  if (query.length > MAX_QUERY_CHARS) {
    return fail('invalid_query', `The query is too long (at most ${MAX_QUERY_CHARS} characters).`);
  }
  const from = input.fromDate?.trim() || '';
  const to = input.toDate?.trim() || '';
  for (const d of [from, to]) {
    if (d && !validDate(d)) return fail('invalid_query', `“${d}” is not a date in the form YYYY-MM-DD.`);
  }
  if (from && to && from > to) return fail('invalid_query', `The window starts (${from}) after it ends (${to}).`);
  if (!from && !to) return { ok: true, query };
  return { ok: true, query: `(${query}) AND (FIRST_PDATE:[${from || '1000-01-01'} TO ${to || '2999-12-31'}])` };
}

function clampInt(n: number | undefined, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : fallback;
}

type Ctx = { base: string; timeoutMs: number; maxBytes: number; fetchImpl?: typeof fetch };
type Page = z.infer<typeof europePmcSearchPageSchema>;

async function fetchPage(ctx: Ctx, url: string, pageNo: number): Promise<{ ok: true; page: Page } | Failure> {
  const res = await getCapped(url, {
    service: SERVICE,
    headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
    timeoutMs: ctx.timeoutMs,
    maxBytes: ctx.maxBytes,
    fetchImpl: ctx.fetchImpl,
  });
  const where = pageNo > 1 ? ` (page ${pageNo})` : '';
  if (!res.ok) {
    const said = res.message.replace(` ${SOURCE_UNCHANGED}`, '').replace(/\.$/, '');
    return fail(
      res.reason === 'not_found' || res.reason === 'no_text' ? 'bad_response' : res.reason,
      `${said}${where}. ${NOTHING_ADDED}`,
    );
  }
  if (res.status < 200 || res.status > 299) {
    return fail('bad_response', `${SERVICE} answered with HTTP ${res.status}${where}. ${NOTHING_ADDED}`);
  }
  const json = parseJson(res.body);
  if (json === null) {
    return fail(
      'bad_response',
      `${SERVICE} sent something that is not JSON${where}, perhaps an error page. ${NOTHING_ADDED}`,
    );
  }
  const parsed = europePmcSearchPageSchema.safeParse(json);
  if (!parsed.success || (!parsed.data.resultList && parsed.data.hitCount > 0)) {
    return fail('bad_response', `${SERVICE} sent an unexpected search answer${where}. ${NOTHING_ADDED}`);
  }
  return { ok: true, page: parsed.data };
}

/** Runs the search to the end (or maxRecords). All records, or a failure and none. Never throws. */
export async function searchEuropePmc(
  input: EuropePmcSearchInput,
  opts: EuropePmcSearchOptions = {},
): Promise<EuropePmcSearchResult> {
  const built = buildEuropePmcQuery(input);
  if (!built.ok) return built;
  const maxRecords = clampInt(input.maxRecords, 1, Number.MAX_SAFE_INTEGER, EUROPE_PMC_MAX_RECORDS);
  const pageSize = clampInt(input.pageSize, 1, EUROPE_PMC_PAGE_SIZE, EUROPE_PMC_PAGE_SIZE);
  const ctx: Ctx = {
    base: (opts.baseUrl ?? EUROPE_PMC_SEARCH_BASE_URL).replace(/\/+$/, ''),
    timeoutMs: timeoutOf(opts),
    maxBytes: clampInt(opts.maxPageBytes, 1, Number.MAX_SAFE_INTEGER, EUROPE_PMC_MAX_PAGE_BYTES),
    fetchImpl: opts.fetchImpl,
  };
  const records: IntakeRecord[] = [];
  const maxPages = Math.ceil(maxRecords / pageSize) + 1;
  let cursor = '*';
  let hitCount = 0;
  let pages = 0;
  for (;;) {
    const size = Math.min(pageSize, maxRecords - records.length);
    const url =
      `${ctx.base}/search?query=${encodeURIComponent(built.query)}&resultType=core&format=json` +
      `&pageSize=${size}&cursorMark=${encodeURIComponent(cursor)}`;
    const got = await fetchPage(ctx, url, pages + 1);
    if (!got.ok) return got;
    pages += 1;
    if (pages === 1) hitCount = got.page.hitCount;
    const results = got.page.resultList?.result ?? [];
    for (const r of results.slice(0, maxRecords - records.length)) records.push(mapEuropePmcResult(r));
    const next = got.page.nextCursorMark;
    const done = results.length < size || !next || next === cursor || records.length >= Math.min(maxRecords, hitCount);
    if (done || pages >= maxPages) break;
    cursor = next;
  }
  return { ok: true, records, hitCount, pages, truncated: records.length < hitCount && records.length >= maxRecords };
}
