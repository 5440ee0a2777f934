/**
 * A work's abstract from Crossref (`GET {base}/works/{doi}`, the `abstract` field, a JATS fragment) as a snapshot:
 * a 'title' section (the work's first title, tags stripped) and an 'abstract' section, separated by a blank line.
 * Never throws; a work without an abstract is 'no_text'. Same time budget and size cap as the other clients.
 */
import { z } from 'zod';
import { normalizeDoi } from '../doi';
import { cleanText, CROSSREF_BASE_URL, crossrefWorkSchema, USER_AGENT } from '../crossref';
import { getCapped, parseJson, SOURCE_UNCHANGED, timeoutOf, type ClientOptions, type FetchTextResult } from './http';
import { jatsAbstractToText } from './jats';
import { SOURCE_TEXT_LIMITS, type TextSection } from './types';

export type CrossrefAbstractDetail = { url: string };
export type CrossrefAbstractResult = FetchTextResult<CrossrefAbstractDetail>;
export type FetchCrossrefAbstractOptions = ClientOptions & {
  /** Contact address for Crossref's polite pool, sent in the User-Agent. */
  mailto?: string;
};

export const crossrefAbstractResponseSchema = z.object({
  status: z.literal('ok'),
  'message-type': z.literal('work'),
  message: crossrefWorkSchema.extend({ abstract: z.string().optional() }),
});

const SERVICE = 'Crossref';

function fail(
  reason: Exclude<CrossrefAbstractResult, { ok: true }>['reason'],
  message: string,
): CrossrefAbstractResult {
  return { ok: false, reason, message };
}

/** Fetches the abstract of the work with this DOI. Never throws. */
export async function fetchCrossrefAbstract(
  doi: string,
  opts: FetchCrossrefAbstractOptions = {},
): Promise<CrossrefAbstractResult> {
  const normalized = normalizeDoi(doi);
  if (!normalized.ok) return fail('not_found', normalized.message);
  const base = (opts.baseUrl ?? CROSSREF_BASE_URL).replace(/\/+$/, '');
  const url = `${base}/works/${encodeURIComponent(normalized.doi)}`;
  const mailto = opts.mailto?.trim();
  const res = await getCapped(url, {
    service: SERVICE,
    headers: { Accept: 'application/json', 'User-Agent': mailto ? `${USER_AGENT} (mailto:${mailto})` : USER_AGENT },
    timeoutMs: timeoutOf(opts),
    maxBytes: SOURCE_TEXT_LIMITS.maxXmlBytes,
    fetchImpl: opts.fetchImpl,
  });
  if (!res.ok) return res;
  if (res.status === 404)
    return fail('not_found', `${SERVICE} has no record of DOI ${normalized.doi}. ${SOURCE_UNCHANGED}`);
  if (res.status < 200 || res.status > 299) {
    return fail('bad_response', `${SERVICE} answered with HTTP ${res.status}. ${SOURCE_UNCHANGED}`);
  }
  const parsed = crossrefAbstractResponseSchema.safeParse(parseJson(res.body));
  if (!parsed.success) return fail('bad_response', `${SERVICE} sent an unexpected answer. ${SOURCE_UNCHANGED}`);

  const { message } = parsed.data;
  const abstract = message.abstract ? jatsAbstractToText(message.abstract) : '';
  if (!abstract) {
    return fail('no_text', `${SERVICE} holds no abstract for DOI ${normalized.doi}. ${SOURCE_UNCHANGED}`);
  }
  const title = cleanText(message.title?.[0]) ?? '';
  const sections: TextSection[] = [];
  let text = '';
  if (title) {
    sections.push({ kind: 'title', title: 'Title', start: 0, end: title.length });
    text = `${title}\n\n`;
  }
  sections.push({ kind: 'abstract', title: 'Abstract', start: text.length, end: text.length + abstract.length });
  text += abstract;
  return { ok: true, value: { text, sections }, detail: { url } };
}
