import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hang,
  hangInBody,
  refusedBaseUrl,
  send,
  sendStream,
  startServer,
  type Seen,
} from '../sourcetext/http-test-kit';
import { EUROPE_PMC_MAX_PAGE_BYTES, searchEuropePmc } from './europepmc-search';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const page1 = fixture('epmc-search-page1.json');
const page2 = fixture('epmc-search-page2.json');
const empty = fixture('epmc-search-empty.json');
const MARK2 = 'AoIIQJ2ZmSg0MDAwMDAwMg==';

const Q = '"extracellular vesicles" AND "skeletal muscle"';
const WINDOWED = `(${Q}) AND (FIRST_PDATE:[2020-01-01 TO 2024-12-31])`;
/** The raw request path Europe PMC's search is asked for (routes match it exactly). */
const path = (query: string, cursor = '*', size = 1000) =>
  `/search?query=${encodeURIComponent(query)}&resultType=core&format=json&pageSize=${size}` +
  `&cursorMark=${encodeURIComponent(cursor)}`;
const html = '<!doctype html><html><title>503 Service Temporarily Unavailable</title></html>';

const streamed = { written: 0 };
let server: Awaited<ReturnType<typeof startServer>>;
let seen: Seen[];
const opts = (extra: { timeoutMs?: number } = {}) => ({ baseUrl: server.baseUrl, timeoutMs: 10_000, ...extra });

beforeAll(async () => {
  server = await startServer({
    [path(Q, '*', 2)]: (res) => send(res, 200, page1),
    [path(Q, MARK2, 2)]: (res) => send(res, 200, page2),
    [path(WINDOWED)]: (res) => send(res, 200, page2),
    [path('nothing matches')]: (res) => send(res, 200, empty),
    [path('html')]: (res) => send(res, 200, html, 'text/html'),
    [path('second-html', '*', 2)]: (res) => send(res, 200, page1),
    [path('second-html', MARK2, 2)]: (res) => send(res, 200, html, 'text/html'),
    [path('second-hangs', '*', 2)]: (res) => send(res, 200, page1),
    [path('second-hangs', MARK2, 2)]: hangInBody,
    [path('hang')]: hang,
    [path('huge')]: (res) => sendStream(res, 64 * 1024 * 1024, streamed),
    [path('http-500')]: (res) => send(res, 500, JSON.stringify({ errCode: 500, errMsg: 'Internal error' })),
    [path('wrong-shape')]: (res) => send(res, 200, JSON.stringify({ hitCount: 'many', resultList: { result: [] } })),
    [path('no-list')]: (res) => send(res, 200, JSON.stringify({ hitCount: 4 })),
  });
  seen = server.seen;
});
afterAll(() => server.close());

describe('searchEuropePmc', () => {
  it('follows nextCursorMark to the last page and maps every record', async () => {
    seen.length = 0;
    const r = await searchEuropePmc({ query: Q, pageSize: 2 }, opts());
    if (!r.ok) throw new Error(r.message);
    expect(r).toMatchObject({ hitCount: 3, pages: 2, truncated: false });
    expect(seen.map((s) => s.url)).toEqual([path(Q, '*', 2), path(Q, MARK2, 2)]);
    expect(seen[0]?.headers.accept).toBe('application/json');
    expect(seen[0]?.headers['user-agent']).toMatch(/^EV-Crosstalk-Curator/);
    expect(r.records.map((x) => x.pmid ?? x.doi)).toEqual(['38000001', '10.1101/2023.11.02.565001', '37000003']);
    const [article] = r.records;
    expect(article).toMatchObject({
      title: 'Skeletal muscle-derived extracellular vesicles carry miR-133a to adipose tissue after exercise.',
      keywords: ['Extracellular vesicles', 'miR-133a', 'Exercise'],
      authors: ['Müller-Öztürk, Anna', 'Smith, John B', 'EV-TRACK Consortium'],
      firstAuthor: 'muller ozturk',
      year: 2024,
      journal: 'Journal of extracellular vesicles',
      doi: '10.5555/jev.2024.0001',
      pmcid: 'PMC10900001',
      isPreprint: false,
    });
    expect(article?.raw).toMatchObject({ id: '38000001', source: 'MED', citedByCount: 4 });
    expect(r.records[2]).toMatchObject({ authors: ['Aoi, W'], firstAuthor: 'aoi', journal: 'Endocrinology' });
  });

  it('strips the markup of abstracts and titles without losing words, symbols or a bare "<"', async () => {
    const r = await searchEuropePmc({ query: Q, pageSize: 2 }, opts());
    if (!r.ok) throw new Error(r.message);
    expect(r.records[0]?.abstract).toBe(
      'Background Exercise releases muscle EVs. Results EV miR-133a rose 2.4-fold (p < 0.05) in mice with ' +
        'H2O2 exposure; TGF-β fell & adiponectin rose.',
    );
    expect(r.records[1]?.abstract).toBe('Resistance training changes EV cargo. We profiled 12 myokines.');
  });

  it('marks a Europe PMC preprint (source PPR) and reads its server and its author string', async () => {
    const r = await searchEuropePmc({ query: Q, pageSize: 2 }, opts());
    if (!r.ok) throw new Error(r.message);
    expect(r.records[1]).toMatchObject({
      title: 'Myokine cargo of small EVs after resistance training',
      authors: ['Tanaka, K', 'de la Cruz, M'],
      firstAuthor: 'tanaka',
      year: 2023,
      journal: 'bioRxiv',
      pmid: null,
      pmcid: null,
      isPreprint: true,
    });
  });

  it('adds the date window to the query the server receives, with pageSize 1000 and cursorMark *', async () => {
    seen.length = 0;
    const r = await searchEuropePmc({ query: ` ${Q} `, fromDate: '2020-01-01', toDate: '2024-12-31' }, opts());
    expect(r).toMatchObject({ ok: true, hitCount: 3, pages: 1 });
    const url = new URL(seen[0]?.url ?? '', server.baseUrl);
    expect(url.searchParams.get('query')).toBe(`(${Q}) AND (FIRST_PDATE:[2020-01-01 TO 2024-12-31])`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      resultType: 'core',
      format: 'json',
      pageSize: '1000',
      cursorMark: '*',
    });
  });

  it('fills an open end of the window, and refuses bad dates or an empty query without asking', async () => {
    seen.length = 0;
    await searchEuropePmc({ query: 'x', fromDate: '2022-02-01' }, opts());
    await searchEuropePmc({ query: 'x', toDate: '2022-02-01' }, opts());
    const queries = seen.map((s) => new URL(s.url, server.baseUrl).searchParams.get('query'));
    expect(queries).toEqual([
      '(x) AND (FIRST_PDATE:[2022-02-01 TO 2999-12-31])',
      '(x) AND (FIRST_PDATE:[1000-01-01 TO 2022-02-01])',
    ]);
    seen.length = 0;
    for (const input of [
      { query: '  ' },
      { query: 'x', fromDate: '2023-02-30' },
      { query: 'x', toDate: '01/02/2023' },
      { query: 'x', fromDate: '2024-01-01', toDate: '2023-01-01' },
      { query: 'x) OR (y'.repeat(600) },
    ]) {
      expect(await searchEuropePmc(input, opts())).toMatchObject({ ok: false, reason: 'invalid_query' });
    }
    expect(seen).toHaveLength(0);
  });

  it('stops at maxRecords and says the search was cut short', async () => {
    seen.length = 0;
    const r = await searchEuropePmc({ query: Q, maxRecords: 2 }, opts());
    expect(r).toMatchObject({ ok: true, hitCount: 3, pages: 1, truncated: true });
    expect(r.ok && r.records).toHaveLength(2);
    expect(seen.map((s) => s.url)).toEqual([path(Q, '*', 2)]);
  });

  it('returns no records and one page for a search that matches nothing', async () => {
    const r = await searchEuropePmc({ query: 'nothing matches' }, opts());
    expect(r).toEqual({ ok: true, records: [], hitCount: 0, pages: 1, truncated: false });
  });

  it('calls HTML, an HTTP error or an unexpected shape a bad response, and adds nothing', async () => {
    for (const query of ['html', 'http-500', 'wrong-shape', 'no-list']) {
      const r = await searchEuropePmc({ query }, opts());
      expect(r).toEqual({ ok: false, reason: 'bad_response', message: expect.stringMatching(/Nothing was added/) });
    }
    expect(await searchEuropePmc({ query: 'html' }, opts())).toMatchObject({ message: /not JSON/ });
  });

  it('fails the whole search, with no records, when a later page is HTML or never finishes', async () => {
    const bad = await searchEuropePmc({ query: 'second-html', pageSize: 2 }, opts());
    expect(bad).toEqual({ ok: false, reason: 'bad_response', message: expect.stringMatching(/\(page 2\)/) });
    expect('records' in bad).toBe(false);
    const slow = await searchEuropePmc({ query: 'second-hangs', pageSize: 2 }, opts({ timeoutMs: 150 }));
    expect(slow).toEqual({ ok: false, reason: 'timeout', message: expect.stringMatching(/150 ms \(page 2\)/) });
  });

  it('times out on a server that never answers', async () => {
    const t0 = performance.now();
    const r = await searchEuropePmc({ query: 'hang' }, opts({ timeoutMs: 150 }));
    expect(r).toEqual({ ok: false, reason: 'timeout', message: expect.stringMatching(/within 150 ms\. Nothing/) });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('stops reading a page past the size cap (32 MB) and reports too_large', async () => {
    const r = await searchEuropePmc({ query: 'huge' }, { baseUrl: server.baseUrl, timeoutMs: 20_000 });
    expect(r).toEqual({ ok: false, reason: 'too_large', message: expect.stringMatching(/more than 32 MB/) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(streamed.written).toBeGreaterThan(EUROPE_PMC_MAX_PAGE_BYTES);
    expect(streamed.written).toBeLessThan(64 * 1024 * 1024);
  });

  it('reports a refused connection as a network failure', async () => {
    const r = await searchEuropePmc({ query: Q }, { baseUrl: await refusedBaseUrl() });
    expect(r).toEqual({ ok: false, reason: 'network', message: expect.stringMatching(/ECONNREFUSED.*Nothing/) });
  });
});
