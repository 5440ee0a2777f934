import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCrossrefAbstract } from './crossref-abstract';
import { hang, hangInBody, refusedBaseUrl, send, startServer, type Seen } from './http-test-kit';
import { okValue } from './sections-test-kit';
import { SOURCE_TEXT_LIMITS } from './types';

const DOI = '10.5555/jim.2024.0042';
const workPath = (doi: string) => `/works/${encodeURIComponent(doi)}`;

/** Crossref's `/works/{doi}` answer, with the fields the client reads and a few it does not. */
function workAnswer(message: Record<string, unknown>) {
  return JSON.stringify({
    status: 'ok',
    'message-type': 'work',
    'message-version': '1.0.0',
    message: {
      DOI: DOI,
      type: 'journal-article',
      publisher: 'Invented Press',
      'is-referenced-by-count': 3,
      ...message,
    },
  });
}
const ABSTRACT =
  '<jats:title>Abstract</jats:title><jats:p>Running raised plasma EV numbers (<jats:italic>p</jats:italic> &lt; 0.01).</jats:p>' +
  '<jats:p>Labelled muscle EVs reached white adipose tissue.</jats:p>';

let server: Awaited<ReturnType<typeof startServer>>;
let seen: Seen[];
const opts = () => ({ baseUrl: server.baseUrl, timeoutMs: 10_000 });

beforeAll(async () => {
  const huge = workAnswer({ abstract: `<jats:p>${'x'.repeat(SOURCE_TEXT_LIMITS.maxXmlBytes)}</jats:p>` });
  server = await startServer({
    [workPath(DOI)]: (res) =>
      send(res, 200, workAnswer({ title: ['Exercised muscle releases <i>miR-133a</i>-rich EVs'], abstract: ABSTRACT })),
    [workPath('10.5555/untitled')]: (res) => send(res, 200, workAnswer({ abstract: '<jats:p>Only text.</jats:p>' })),
    [workPath('10.5555/no-abstract')]: (res) => send(res, 200, workAnswer({ title: ['No abstract here'] })),
    [workPath('10.5555/empty-abstract')]: (res) => send(res, 200, workAnswer({ abstract: '<jats:p> </jats:p>' })),
    [workPath('10.5555/html')]: (res) => send(res, 200, '<!doctype html><title>Gateway</title>', 'text/html'),
    [workPath('10.5555/wrong-shape')]: (res) =>
      send(res, 200, JSON.stringify({ status: 'ok', message: { items: [] } })),
    [workPath('10.5555/unavailable')]: (res) => send(res, 503, 'Service Unavailable', 'text/plain'),
    [workPath('10.5555/hang')]: hang,
    [workPath('10.5555/hang-body')]: hangInBody,
    [workPath('10.5555/huge')]: (res) => send(res, 200, huge),
  });
  seen = server.seen;
});
afterAll(() => server.close());

describe('fetchCrossrefAbstract', () => {
  it('returns the title and the abstract as two sections', async () => {
    seen.length = 0;
    const r = await fetchCrossrefAbstract(`doi:${DOI}`, { ...opts(), mailto: 'curator@example.org' });
    if (!r.ok) throw new Error(r.message);
    const v = okValue({ ok: true, value: r.value });
    expect(v.text).toBe(
      'Exercised muscle releases miR-133a-rich EVs\n\nAbstract\n\nRunning raised plasma EV numbers (p < 0.01).\n\n' +
        'Labelled muscle EVs reached white adipose tissue.',
    );
    expect(v.sections).toEqual([
      { kind: 'title', title: 'Title', start: 0, end: 43 },
      { kind: 'abstract', title: 'Abstract', start: 45, end: v.text.length },
    ]);
    expect(r.detail).toEqual({ url: `${server.baseUrl}${workPath(DOI)}` });
    expect(seen[0]?.headers['user-agent']).toMatch(/\(mailto:curator@example\.org\)$/);
  });

  it('makes do without a title', async () => {
    const r = await fetchCrossrefAbstract('10.5555/untitled', opts());
    expect(r.ok && r.value).toEqual({
      text: 'Only text.',
      sections: [{ kind: 'abstract', title: 'Abstract', start: 0, end: 10 }],
    });
  });

  it('says no_text when the work has no abstract, or an empty one', async () => {
    for (const doi of ['10.5555/no-abstract', '10.5555/empty-abstract']) {
      const r = await fetchCrossrefAbstract(doi, opts());
      expect(r).toEqual({ ok: false, reason: 'no_text', message: expect.stringMatching(/no abstract for DOI/) });
    }
  });

  it('says not_found for a 404 or a string that is no DOI (without asking)', async () => {
    expect(await fetchCrossrefAbstract('10.5555/missing', opts())).toMatchObject({ reason: 'not_found' });
    seen.length = 0;
    expect(await fetchCrossrefAbstract('not a doi', opts())).toMatchObject({ reason: 'not_found' });
    expect(seen).toHaveLength(0);
  });

  it('calls HTML, a wrong shape and HTTP errors bad responses, saying the source is unchanged', async () => {
    for (const doi of ['10.5555/html', '10.5555/wrong-shape', '10.5555/unavailable']) {
      const r = await fetchCrossrefAbstract(doi, opts());
      expect(r).toEqual({ ok: false, reason: 'bad_response', message: expect.stringMatching(/source is unchanged/) });
    }
  });

  it('times out on no answer and on a body that never ends', async () => {
    for (const doi of ['10.5555/hang', '10.5555/hang-body']) {
      const r = await fetchCrossrefAbstract(doi, { baseUrl: server.baseUrl, timeoutMs: 150 });
      expect(r).toEqual({ ok: false, reason: 'timeout', message: expect.stringMatching(/within 150 ms/) });
    }
  });

  it('refuses an answer whose declared length is over the cap', async () => {
    // A generous budget: the point is the cap, not the speed of a busy machine.
    const r = await fetchCrossrefAbstract('10.5555/huge', { baseUrl: server.baseUrl, timeoutMs: 20_000 });
    expect(r).toMatchObject({ ok: false, reason: 'too_large' });
  }, 30_000);

  it('reports a refused connection as a network failure', async () => {
    const r = await fetchCrossrefAbstract(DOI, { baseUrl: await refusedBaseUrl() });
    expect(r).toMatchObject({
      ok: false,
      reason: 'network',
      message: expect.stringMatching(/Could not reach Crossref/),
    });
  });
});
