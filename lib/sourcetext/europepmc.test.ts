import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchEuropePmcFullText } from './europepmc';
import { hang, hangInBody, refusedBaseUrl, send, sendStream, startServer, type Seen } from './http-test-kit';
import { okValue } from './sections-test-kit';
import { SOURCE_TEXT_LIMITS } from './types';

const jats = readFileSync(new URL('./fixtures/muscle-ev-article.xml', import.meta.url), 'utf8');
const DOI = '10.5555/jim.2024.0042';

/** Europe PMC's search answer (resultType=lite, format=json), trimmed to the fields the client reads and a few more. */
function searchAnswer(result: Record<string, unknown>[]) {
  return JSON.stringify({
    version: '6.9',
    hitCount: result.length,
    request: { queryString: `DOI:"${DOI}"`, resultType: 'lite', cursorMark: '*', pageSize: 25, sort: '' },
    resultList: { result: result.map((r) => ({ id: '39000001', source: 'MED', pmid: '39000001', ...r })) },
  });
}
const searchPath = (doi: string) => `/search?query=${encodeURIComponent(`DOI:"${doi}"`)}&resultType=lite&format=json`;
const OA = { pmcid: 'PMC9900001', doi: DOI, isOpenAccess: 'Y', inEPMC: 'Y', title: 'Exercised skeletal muscle' };

const streamed = { written: 0 };
let server: Awaited<ReturnType<typeof startServer>>;
let seen: Seen[];
const fetchOpts = () => ({ baseUrl: server.baseUrl, timeoutMs: 10_000 });

beforeAll(async () => {
  server = await startServer({
    [searchPath(DOI)]: (res) => send(res, 200, searchAnswer([OA])),
    '/PMC9900001/fullTextXML': (res) => send(res, 200, jats, 'application/xml'),
    [searchPath('10.5555/closed')]: (res) =>
      send(res, 200, searchAnswer([{ ...OA, doi: '10.5555/closed', pmcid: 'PMC1', isOpenAccess: 'N' }])),
    [searchPath('10.5555/no-pmcid')]: (res) =>
      send(res, 200, searchAnswer([{ doi: '10.5555/no-pmcid', isOpenAccess: 'N', inEPMC: 'N' }])),
    [searchPath('10.5555/none')]: (res) => send(res, 200, searchAnswer([])),
    [searchPath('10.5555/html')]: (res) => send(res, 200, '<!doctype html><title>Maintenance</title>', 'text/html'),
    [searchPath('10.5555/hang')]: hang,
    [searchPath('10.5555/unavailable')]: (res) => send(res, 503, 'Service Unavailable', 'text/plain'),
    '/PMC2/fullTextXML': hangInBody,
    '/PMC3/fullTextXML': (res) => sendStream(res, 200 * 1024 * 1024, streamed),
    '/PMC4/fullTextXML': (res) =>
      send(res, 200, '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><article>&e;</article>', 'application/xml'),
    '/PMC5/fullTextXML': (res) => send(res, 200, '<html><body>Rate limited</body></html>', 'text/html'),
  });
  seen = server.seen;
});
afterAll(() => server.close());

describe('fetchEuropePmcFullText', () => {
  it('finds the PMCID by DOI, then reads the full text', async () => {
    seen.length = 0;
    const r = await fetchEuropePmcFullText({ doi: `https://doi.org/${DOI.toUpperCase()}` }, fetchOpts());
    if (!r.ok) throw new Error(r.message);
    expect(r.detail).toEqual({ pmcid: 'PMC9900001', url: `${server.baseUrl}/PMC9900001/fullTextXML` });
    expect(okValue({ ok: true, value: r.value }).sections[0]?.kind).toBe('title');
    expect(r.value.text).toContain('Exercise-induced muscle EVs reach fat and deliver miR-133a');
    expect(seen.map((s) => s.url)).toEqual([searchPath(DOI), '/PMC9900001/fullTextXML']);
    expect(seen[0]?.headers.accept).toBe('application/json');
    expect(seen[0]?.headers['user-agent']).toMatch(/^EV-Crosstalk-Curator/);
  });

  it('goes straight to the full text with a PMCID', async () => {
    seen.length = 0;
    const r = await fetchEuropePmcFullText({ pmcid: ' pmc9900001 ', doi: '10.5555/ignored' }, fetchOpts());
    expect(r.ok).toBe(true);
    expect(seen.map((s) => s.url)).toEqual(['/PMC9900001/fullTextXML']);
  });

  it('says no_text when the article is not open access or has no PMCID', async () => {
    for (const doi of ['10.5555/closed', '10.5555/no-pmcid']) {
      const r = await fetchEuropePmcFullText({ doi }, fetchOpts());
      expect(r).toEqual({ ok: false, reason: 'no_text', message: expect.stringMatching(/no open-access full text/) });
    }
    const missing = await fetchEuropePmcFullText({ pmcid: 'PMC404' }, fetchOpts());
    expect(missing.ok || missing.reason).toBe('no_text');
  });

  it('says not_found for an unknown DOI, a bad PMCID or no identifier, without asking for the last two', async () => {
    expect(await fetchEuropePmcFullText({ doi: '10.5555/none' }, fetchOpts())).toMatchObject({ reason: 'not_found' });
    seen.length = 0;
    expect(await fetchEuropePmcFullText({ pmcid: '12345' }, fetchOpts())).toMatchObject({ reason: 'not_found' });
    expect(await fetchEuropePmcFullText({}, fetchOpts())).toMatchObject({ reason: 'not_found' });
    expect(seen).toHaveLength(0);
  });

  it('calls HTML, HTTP errors and unusable XML bad responses, saying the source is unchanged', async () => {
    for (const id of [{ doi: '10.5555/html' }, { doi: '10.5555/unavailable' }, { pmcid: 'PMC4' }, { pmcid: 'PMC5' }]) {
      const r = await fetchEuropePmcFullText(id, fetchOpts());
      expect(r).toEqual({ ok: false, reason: 'bad_response', message: expect.stringMatching(/source is unchanged/) });
    }
    const xxe = await fetchEuropePmcFullText({ pmcid: 'PMC4' }, fetchOpts());
    expect(xxe.ok || xxe.message).toMatch(/declares its own entities/);
  });

  it('times out on a server that never answers, or stops in the middle of the body', async () => {
    for (const id of [{ doi: '10.5555/hang' }, { pmcid: 'PMC2' }]) {
      const t0 = performance.now();
      const r = await fetchEuropePmcFullText(id, { baseUrl: server.baseUrl, timeoutMs: 150 });
      expect(r).toEqual({ ok: false, reason: 'timeout', message: expect.stringMatching(/within 150 ms/) });
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });

  it('stops reading past the size cap: a 200 MB answer is cut off near 10 MB', async () => {
    const r = await fetchEuropePmcFullText({ pmcid: 'PMC3' }, { baseUrl: server.baseUrl, timeoutMs: 20_000 });
    expect(r).toEqual({ ok: false, reason: 'too_large', message: expect.stringMatching(/more than 10 MB/) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(streamed.written).toBeGreaterThan(SOURCE_TEXT_LIMITS.maxXmlBytes);
    expect(streamed.written).toBeLessThan(100 * 1024 * 1024);
  });

  it('reports a refused connection as a network failure', async () => {
    const r = await fetchEuropePmcFullText({ pmcid: 'PMC9900001' }, { baseUrl: await refusedBaseUrl() });
    expect(r).toEqual({ ok: false, reason: 'network', message: expect.stringMatching(/ECONNREFUSED/) });
  });
});
