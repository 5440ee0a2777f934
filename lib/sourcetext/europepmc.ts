/**
 * Europe PMC REST client: an open-access article's full text (JATS) as a snapshot's text and sections.
 *
 * By PMCID: `GET {base}/{PMCID}/fullTextXML`. By DOI: first `GET {base}/search?query=DOI:"<doi>"&resultType=lite
 * &format=json`, whose matching result gives the PMCID and whether the article is open access and in Europe PMC;
 * then the full text as above. The XML goes through extractJats (entity and size checks before parsing).
 * Never throws; each request has its own time budget (headers and body) and a size cap of
 * SOURCE_TEXT_LIMITS.maxXmlBytes enforced while reading.
 */
import { z } from 'zod';
import { normalizeDoi } from '../doi';
import { USER_AGENT } from '../crossref';
import { getCapped, parseJson, SOURCE_UNCHANGED, timeoutOf, type ClientOptions, type FetchTextResult } from './http';
import { extractJats } from './jats';
import { SOURCE_TEXT_LIMITS } from './types';

export const EUROPE_PMC_BASE_URL = 'https://www.ebi.ac.uk/europepmc/webservices/rest';

export type EuropePmcDetail = { pmcid: string; url: string };
export type EuropePmcResult = FetchTextResult<EuropePmcDetail>;

const yesNo = z.enum(['Y', 'N']);

export const europePmcSearchSchema = z.object({
  hitCount: z.number().int().nonnegative(),
  resultList: z.object({
    result: z.array(
      z.object({
        pmcid: z.string().optional(),
        doi: z.string().optional(),
        isOpenAccess: yesNo.optional(),
        inEPMC: yesNo.optional(),
      }),
    ),
  }),
});

const SERVICE = 'Europe PMC';
const PMCID = /^PMC\d{1,10}$/;

function fail(reason: Exclude<EuropePmcResult, { ok: true }>['reason'], message: string): EuropePmcResult {
  return { ok: false, reason, message };
}

type Ctx = { base: string; timeoutMs: number; fetchImpl?: typeof fetch };

function get(ctx: Ctx, url: string, accept: string) {
  return getCapped(url, {
    service: SERVICE,
    headers: { Accept: accept, 'User-Agent': USER_AGENT },
    timeoutMs: ctx.timeoutMs,
    maxBytes: SOURCE_TEXT_LIMITS.maxXmlBytes,
    fetchImpl: ctx.fetchImpl,
  });
}

/** The PMCID of the open-access article with this DOI, or the reason there is none. */
async function findPmcid(
  ctx: Ctx,
  doi: string,
): Promise<{ ok: true; pmcid: string } | Extract<EuropePmcResult, { ok: false }>> {
  const query = encodeURIComponent(`DOI:"${doi}"`);
  const res = await get(ctx, `${ctx.base}/search?query=${query}&resultType=lite&format=json`, 'application/json');
  if (!res.ok) return res;
  if (res.status < 200 || res.status > 299) {
    return {
      ok: false,
      reason: 'bad_response',
      message: `${SERVICE} answered with HTTP ${res.status}. ${SOURCE_UNCHANGED}`,
    };
  }
  const parsed = europePmcSearchSchema.safeParse(parseJson(res.body));
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'bad_response',
      message: `${SERVICE} sent an unexpected search answer. ${SOURCE_UNCHANGED}`,
    };
  }
  const hit = parsed.data.resultList.result.find((r) => r.doi?.toLowerCase() === doi.toLowerCase());
  if (!hit)
    return { ok: false, reason: 'not_found', message: `${SERVICE} has no record of DOI ${doi}. ${SOURCE_UNCHANGED}` };
  const pmcid = hit.pmcid?.toUpperCase();
  if (!pmcid || !PMCID.test(pmcid) || hit.isOpenAccess !== 'Y' || hit.inEPMC === 'N') {
    return {
      ok: false,
      reason: 'no_text',
      message: `${SERVICE} holds no open-access full text for DOI ${doi}. ${SOURCE_UNCHANGED}`,
    };
  }
  return { ok: true, pmcid };
}

async function fetchFullText(ctx: Ctx, pmcid: string): Promise<EuropePmcResult> {
  const url = `${ctx.base}/${pmcid}/fullTextXML`;
  const res = await get(ctx, url, 'application/xml');
  if (!res.ok) return res;
  if (res.status === 404) {
    return fail('no_text', `${SERVICE} holds no open-access full text for ${pmcid}. ${SOURCE_UNCHANGED}`);
  }
  if (res.status < 200 || res.status > 299) {
    return fail('bad_response', `${SERVICE} answered with HTTP ${res.status}. ${SOURCE_UNCHANGED}`);
  }
  const extracted = extractJats(res.body);
  if (!extracted.ok) {
    const reason =
      extracted.code === 'too_large' ? 'too_large' : extracted.code === 'no_text' ? 'no_text' : 'bad_response';
    return fail(reason, `${SERVICE} sent a full text the app cannot use: ${extracted.message} ${SOURCE_UNCHANGED}`);
  }
  return { ok: true, value: extracted.value, detail: { pmcid, url } };
}

/** Fetches an open-access full text by PMCID (preferred when both are given) or DOI. Never throws. */
export async function fetchEuropePmcFullText(
  id: { pmcid?: string; doi?: string },
  opts: ClientOptions = {},
): Promise<EuropePmcResult> {
  const ctx: Ctx = {
    base: (opts.baseUrl ?? EUROPE_PMC_BASE_URL).replace(/\/+$/, ''),
    timeoutMs: timeoutOf(opts),
    fetchImpl: opts.fetchImpl,
  };
  const given = id.pmcid?.trim().toUpperCase();
  if (given) {
    if (!PMCID.test(given)) return fail('not_found', `“${id.pmcid}” is not a PMCID (PMC followed by digits).`);
    return fetchFullText(ctx, given);
  }
  if (!id.doi) return fail('not_found', 'Give a DOI or a PMCID to look up the full text.');
  const doi = normalizeDoi(id.doi);
  if (!doi.ok) return fail('not_found', doi.message);
  const found = await findPmcid(ctx, doi.doi);
  return found.ok ? fetchFullText(ctx, found.pmcid) : found;
}
