import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASWAD, ASWAD_DOI, fixture, fixtureText } from './crossref-test-kit';
import { fetchCrossrefWork } from './index';

// ---------------------------------------------------------------------------
// Local Crossref stand-in: a real HTTP server on 127.0.0.1, no fetch mocking.
// ---------------------------------------------------------------------------

type Seen = { method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders };

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];

function send(res: ServerResponse, status: number, body: string, type = 'application/json;charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function withMessage(patch: Record<string, unknown>): string {
  return JSON.stringify({ ...fixture, message: { ...fixture.message, ...patch } });
}

/** Routes on the raw (still percent-encoded) request path, like Crossref's own router. */
const routes: Record<string, (res: ServerResponse) => void> = {
  [`/works/${encodeURIComponent(ASWAD_DOI)}`]: (res) => send(res, 200, fixtureText),
  '/works/10.5555%2Fnot-found': (res) => send(res, 404, 'Resource not found.', 'text/plain'),
  '/works/10.5555%2Fhang': () => {
    /* never answer */
  },
  '/works/10.5555%2Fhang-body': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"status":"ok",'); // …and never finish
  },
  '/works/10.5555%2Fmalformed': (res) => send(res, 200, '{"status":"ok","message-type":"work","message":{"DOI":'),
  '/works/10.5555%2Fhtml': (res) => send(res, 200, '<!doctype html><title>Gateway</title>', 'text/html'),
  '/works/10.5555%2Fwrong-shape': (res) =>
    send(res, 200, JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { items: [] } })),
  '/works/10.5555%2Fwrong-types': (res) => send(res, 200, withMessage({ title: 'not an array', author: 'Aswad' })),
  '/works/10.5555%2Ferror-json': (res) =>
    send(res, 200, JSON.stringify({ status: 'error', 'message-type': 'validation-failure', message: [] })),
  '/works/10.5555%2Funavailable': (res) => send(res, 503, 'Service Unavailable', 'text/plain'),
  '/works/10.5555%2Fminimal': (res) =>
    send(res, 200, JSON.stringify({ status: 'ok', 'message-type': 'work', message: { DOI: '10.5555/MINIMAL' } })),
  '/works/10.5555%2Fjats': (res) =>
    send(
      res,
      200,
      withMessage({
        DOI: '10.5555/JATS',
        title: [
          'Muscle-derived <jats:italic>exosomes</jats:italic> in <i>vivo</i>: H<sub>2</sub>O<sub>2</sub> &amp; p &lt; 0.05 <jats:sc>Axis</jats:sc>',
        ],
        author: [
          { given: 'Wataru', family: 'Aoi', sequence: 'first', affiliation: [] },
          { given: 'Yuko', family: 'Tanimura', sequence: 'additional', affiliation: [] },
        ],
        'container-title': [],
        'short-container-title': ['Front. Endocrinol.'],
        issued: { 'date-parts': [[null]] },
        'published-print': undefined,
        'published-online': { 'date-parts': [[2021, 7, 1]] },
        volume: '12',
        page: undefined,
        'article-number': '697204',
      }),
    ),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else send(res, 404, 'Resource not found.', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
});

describe('fetchCrossrefWork against a local server', () => {
  it('maps the Aswad 2014 work exactly', async () => {
    const result = await fetchCrossrefWork(ASWAD_DOI, { baseUrl, mailto: 'curators@example.org' });
    expect(result).toEqual({ ok: true, metadata: ASWAD });
  });

  it('encodes the DOI in the path and sends a polite User-Agent', async () => {
    await fetchCrossrefWork(ASWAD_DOI, { baseUrl, mailto: 'curators@example.org' });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe('/works/10.1007%2Fs00125-014-3337-2');
    expect(seen[0]?.headers['user-agent']).toBe('EV-Crosstalk-Curator/0.1 (mailto:curators@example.org)');
    expect(seen[0]?.headers.accept).toBe('application/json');
  });

  it('sends a plain User-Agent without mailto', async () => {
    await fetchCrossrefWork(ASWAD_DOI, { baseUrl });
    expect(seen[0]?.headers['user-agent']).toBe('EV-Crosstalk-Curator/0.1');
  });

  it('normalizes the requested DOI first (any accepted form) and tolerates a trailing slash on baseUrl', async () => {
    const result = await fetchCrossrefWork('https://doi.org/10.1007/S00125-014-3337-2', { baseUrl: `${baseUrl}/` });
    expect(result).toEqual({ ok: true, metadata: ASWAD });
    expect(seen[0]?.url).toBe('/works/10.1007%2Fs00125-014-3337-2');
  });

  it('404 "Resource not found." → not_found', async () => {
    const result = await fetchCrossrefWork('10.5555/not-found', { baseUrl });
    expect(result).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'Crossref has no record of DOI 10.5555/not-found. Check the DOI, or enter the details by hand.',
    });
  });

  it('server that never answers → timeout after timeoutMs', async () => {
    const started = performance.now();
    const result = await fetchCrossrefWork('10.5555/hang', { baseUrl, timeoutMs: 200 });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(result.ok ? '' : result.message).toContain('200 ms');
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(3000);
  });

  it('headers sent but body never finished → timeout', async () => {
    const result = await fetchCrossrefWork('10.5555/hang-body', { baseUrl, timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it.each([
    ['malformed JSON', '10.5555/malformed'],
    ['an HTML error page', '10.5555/html'],
    ['a work-list instead of a work', '10.5555/wrong-shape'],
    ['wrongly typed fields', '10.5555/wrong-types'],
    ['a Crossref error object', '10.5555/error-json'],
    ['HTTP 503', '10.5555/unavailable'],
  ])('%s → bad_response', async (_label, doi) => {
    const result = await fetchCrossrefWork(doi, { baseUrl });
    expect(result).toMatchObject({ ok: false, reason: 'bad_response' });
  });

  it('connection refused → network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const result = await fetchCrossrefWork(ASWAD_DOI, { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2000 });
    expect(result).toEqual({
      ok: false,
      reason: 'network',
      message: 'Could not reach Crossref (ECONNREFUSED). Try again later, or enter the details by hand.',
    });
  });

  it('a work with only a DOI maps to nulls', async () => {
    const result = await fetchCrossrefWork('10.5555/minimal', { baseUrl });
    expect(result).toEqual({
      ok: true,
      metadata: {
        doi: '10.5555/minimal',
        title: null,
        authors: null,
        journal: null,
        year: null,
        volumePages: null,
        pmid: null,
      },
    });
  });

  it('strips JATS/HTML tags, falls back to short title, online year and article number', async () => {
    const result = await fetchCrossrefWork('10.5555/jats', { baseUrl });
    expect(result).toEqual({
      ok: true,
      metadata: {
        doi: '10.5555/jats',
        title: 'Muscle-derived exosomes in vivo: H2O2 & p < 0.05 Axis',
        authors: 'Aoi, W., and Tanimura, Y.',
        journal: 'Front. Endocrinol.',
        year: 2021,
        volumePages: '12, 697204',
        pmid: null,
      },
    });
  });
});

describe('fetchCrossrefWork never throws', () => {
  it('not a DOI → not_found without a request', async () => {
    const result = await fetchCrossrefWork('10.12/x', { baseUrl });
    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
    expect(seen).toHaveLength(0);
  });

  it('a fetchImpl that throws synchronously → network', async () => {
    const fetchImpl = (() => {
      throw new TypeError('boom');
    }) as unknown as typeof fetch;
    await expect(fetchCrossrefWork(ASWAD_DOI, { baseUrl, fetchImpl })).resolves.toMatchObject({
      ok: false,
      reason: 'network',
    });
  });

  it('an invalid baseUrl → network', async () => {
    await expect(fetchCrossrefWork(ASWAD_DOI, { baseUrl: 'not a url' })).resolves.toMatchObject({
      ok: false,
      reason: 'network',
    });
  });

  it('uses the injected fetchImpl', async () => {
    const calls: string[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    const result = await fetchCrossrefWork(ASWAD_DOI, { baseUrl, fetchImpl });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([`${baseUrl}/works/10.1007%2Fs00125-014-3337-2`]);
  });
});
