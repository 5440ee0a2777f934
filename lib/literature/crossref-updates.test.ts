import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hang, refusedBaseUrl, send, startServer, type Seen } from '../sourcetext/http-test-kit';
import { fetchCrossrefUpdates, mapUpdateType } from './crossref-updates';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const work = (doi: string) => `/works/${encodeURIComponent(doi)}`;

let server: Awaited<ReturnType<typeof startServer>>;
let seen: Seen[];
const opts = (extra: { timeoutMs?: number; mailto?: string } = {}) => ({
  baseUrl: server.baseUrl,
  timeoutMs: 10_000,
  ...extra,
});

beforeAll(async () => {
  server = await startServer({
    [work('10.5555/retracted.2019.12')]: (res) => send(res, 200, fixture('crossref-retracted.json')),
    [work('10.5555/corrected.2021.3')]: (res) => send(res, 200, fixture('crossref-corrected.json')),
    [work('10.5555/plain.2022.8')]: (res) => send(res, 200, fixture('crossref-plain.json')),
    [work('10.5555/inplace.2018.5')]: (res) => send(res, 200, fixture('crossref-notice.json')),
    [work('10.5555/html')]: (res) => send(res, 200, '<!doctype html><title>Bad gateway</title>', 'text/html'),
    [work('10.5555/unavailable')]: (res) => send(res, 503, 'Service Unavailable', 'text/plain'),
    [work('10.5555/list')]: (res) =>
      send(res, 200, JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { items: [] } })),
    [work('10.5555/hang')]: hang,
  });
  seen = server.seen;
});
afterAll(() => server.close());

describe('fetchCrossrefUpdates', () => {
  it('finds a retraction (listed by the publisher and Retraction Watch, kept once) and an erratum', async () => {
    seen.length = 0;
    const r = await fetchCrossrefUpdates('https://doi.org/10.5555/RETRACTED.2019.12', opts({ mailto: 'a@b.org' }));
    expect(seen.map((s) => s.url)).toEqual([work('10.5555/retracted.2019.12')]);
    expect(seen[0]?.headers['user-agent']).toBe('EV-Crosstalk-Curator/0.1 (mailto:a@b.org)');
    expect(r).toEqual({
      ok: true,
      doi: '10.5555/retracted.2019.12',
      updates: [
        {
          type: 'retraction',
          crossrefType: 'retraction',
          noticeDoi: '10.5555/retraction.2023.1',
          date: '2023-05-02',
          label: 'Retraction',
          source: 'publisher',
          via: 'updated-by',
        },
        {
          type: 'correction',
          crossrefType: 'erratum',
          noticeDoi: '10.5555/erratum.2020.7',
          date: '2020-01',
          label: 'Erratum',
          source: 'publisher',
          via: 'updated-by',
        },
      ],
      isNoticeFor: [],
    });
  });

  it('maps a corrigendum, an expression of concern and a new version', async () => {
    const r = await fetchCrossrefUpdates('10.5555/corrected.2021.3', opts());
    if (!r.ok) throw new Error(r.message);
    expect(r.updates.map((u) => [u.type, u.crossrefType, u.noticeDoi, u.date, u.label])).toEqual([
      ['correction', 'corrigendum', '10.5555/corrigendum.2022.9', '2022-02-10', 'Corrigendum'],
      ['expression_of_concern', 'expression-of-concern', '10.5555/eoc.2023.4', '2023', null],
      ['other', 'new_version', '10.5555/corrected.2021.3.v2', '2021-10-01', 'New version'],
    ]);
  });

  it('returns no updates for a work with none (its relations are not updates)', async () => {
    const r = await fetchCrossrefUpdates('doi:10.5555/plain.2022.8', opts());
    expect(r).toEqual({ ok: true, doi: '10.5555/plain.2022.8', updates: [], isNoticeFor: [] });
  });

  it("reads an in-place notice from update-to and lists the notice's other targets apart", async () => {
    const r = await fetchCrossrefUpdates('10.5555/inplace.2018.5', opts());
    expect(r).toMatchObject({
      ok: true,
      updates: [
        { type: 'retraction', crossrefType: 'withdrawal', noticeDoi: '10.5555/inplace.2018.5', via: 'update-to' },
      ],
      isNoticeFor: [{ doi: '10.5555/companion.2018.6', type: 'retraction', date: '2021-11-30', label: 'Retraction' }],
    });
  });

  it('says not_found for an unknown DOI, and for a non-DOI without asking', async () => {
    expect(await fetchCrossrefUpdates('10.5555/unknown', opts())).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'Crossref has no record of DOI 10.5555/unknown.',
    });
    seen.length = 0;
    expect(await fetchCrossrefUpdates('not a doi', opts())).toMatchObject({ ok: false, reason: 'not_found' });
    expect(seen).toHaveLength(0);
  });

  it('calls HTML, an HTTP error or another message type a bad response', async () => {
    for (const doi of ['10.5555/html', '10.5555/unavailable', '10.5555/list']) {
      const r = await fetchCrossrefUpdates(doi, opts());
      expect(r).toEqual({ ok: false, reason: 'bad_response', message: expect.stringMatching(/run again later/) });
    }
  });

  it('times out on a server that never answers, and reports a refused connection', async () => {
    const slow = await fetchCrossrefUpdates('10.5555/hang', opts({ timeoutMs: 150 }));
    expect(slow).toEqual({ ok: false, reason: 'timeout', message: expect.stringMatching(/within 150 ms/) });
    const refused = await fetchCrossrefUpdates('10.5555/plain.2022.8', { baseUrl: await refusedBaseUrl() });
    expect(refused).toMatchObject({ ok: false, reason: 'network', message: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe('mapUpdateType', () => {
  it('groups Crossref update types', () => {
    const types = ['Retraction', 'removal', 'withdrawal', 'correction', 'erratum', 'CORRIGENDUM'];
    expect(types.map(mapUpdateType)).toEqual([
      'retraction',
      'retraction',
      'retraction',
      'correction',
      'correction',
      'correction',
    ]);
    expect(
      ['expression_of_concern', 'expression-of-concern', 'addendum', 'partial_retraction'].map(mapUpdateType),
    ).toEqual(['expression_of_concern', 'expression_of_concern', 'other', 'other']);
  });
});
