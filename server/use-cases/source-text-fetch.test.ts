/**
 * fetchTextUseCase end to end against a local HTTP server answering as Europe PMC and Crossref do, on both engines:
 * what a fetch stores, how each failure is reported, and that a failed fetch leaves the source as it was.
 *
 * The use case reads EUROPEPMC_API_URL / CROSSREF_API_URL through server/env.ts, which validates process.env once
 * per process (per test file under vitest's isolation). So the server starts and the variables are stubbed at the
 * top of this file, before anything reads env(); the first test checks that env() did see them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { countOf, domainFailure, openSeededDb, type TestDb, testEngines } from '@/db/test-utils';
import { hang, send, startServer } from '@/lib/sourcetext/http-test-kit';
import { env } from '../env';
import type { Actor } from '../session';
import { execute, type UseCase } from '../use-case';
import { fetchTextUseCase, pasteTextUseCase } from './source-text';

const jats = readFileSync(new URL('../../lib/sourcetext/fixtures/muscle-ev-article.xml', import.meta.url), 'utf8');
const OA_DOI = '10.5555/jim.2024.0042';
const searchPath = (doi: string) => `/search?query=${encodeURIComponent(`DOI:"${doi}"`)}&resultType=lite&format=json`;
const workPath = (doi: string) => `/works/${encodeURIComponent(doi)}`;

/** Europe PMC's search answer (resultType=lite, format=json). */
const searchAnswer = (doi: string, hit: Record<string, unknown>) =>
  JSON.stringify({
    version: '6.9',
    hitCount: 1,
    request: { queryString: `DOI:"${doi}"`, resultType: 'lite', cursorMark: '*', pageSize: 25, sort: '' },
    resultList: { result: [{ id: '39000001', source: 'MED', pmid: '39000001', doi, inEPMC: 'Y', ...hit }] },
  });
/** Crossref's `/works/{doi}` answer. */
const workAnswer = (doi: string, message: Record<string, unknown>) =>
  JSON.stringify({
    status: 'ok',
    'message-type': 'work',
    'message-version': '1.0.0',
    message: { DOI: doi, type: 'journal-article', publisher: 'Invented Press', ...message },
  });

const server = await startServer({
  [searchPath(OA_DOI)]: (res) => send(res, 200, searchAnswer(OA_DOI, { pmcid: 'PMC9900001', isOpenAccess: 'Y' })),
  '/PMC9900001/fullTextXML': (res) => send(res, 200, jats, 'application/xml'),
  [searchPath('10.5555/closed')]: (res) =>
    send(res, 200, searchAnswer('10.5555/closed', { pmcid: 'PMC1', isOpenAccess: 'N' })),
  [searchPath('10.5555/hang')]: hang,
  [searchPath('10.5555/html')]: (res) => send(res, 200, '<!doctype html><title>Maintenance</title>', 'text/html'),
  [searchPath('10.5555/xxe')]: (res) =>
    send(res, 200, searchAnswer('10.5555/xxe', { pmcid: 'PMC4', isOpenAccess: 'Y' })),
  '/PMC4/fullTextXML': (res) =>
    send(res, 200, '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><article>&e;</article>', 'application/xml'),
  [workPath('10.5555/cr.abstract')]: (res) =>
    send(
      res,
      200,
      workAnswer('10.5555/cr.abstract', {
        title: ['Muscle <i>miR-206</i> in vesicles'],
        abstract: '<jats:title>Abstract</jats:title><jats:p>Muscle EVs carry miR-206 to fat.</jats:p>',
      }),
    ),
  [workPath('10.5555/cr.none')]: (res) => send(res, 200, workAnswer('10.5555/cr.none', { title: ['No abstract'] })),
});
vi.stubEnv('EUROPEPMC_API_URL', server.baseUrl);
vi.stubEnv('CROSSREF_API_URL', server.baseUrl);
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const DOIS = [
  OA_DOI,
  '10.5555/closed',
  '10.5555/hang',
  '10.5555/html',
  '10.5555/xxe',
  '10.5555/cr.abstract',
  '10.5555/cr.none',
];

describe.each(testEngines())('fetchTextUseCase against a local server on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    const seeded = await openSeededDb(engine);
    t = seeded.t;
    curator = { ...seeded.curator, email: 'curator@example.org', name: 'Curator', via: 'session', scope: 'write' };
    for (const doi of DOIS) {
      const [row] = await t.query<{ id: number }>(
        `insert into sources (doi, title, metadata_origin) values ($1, 'Fetch test', 'manual') returning id`,
        [doi],
      );
      ids.set(doi, row!.id);
    }
  });
  afterAll(() => t?.dispose());

  const run = <S extends z.ZodType, O>(uc: UseCase<S, O>, raw: unknown) => execute(uc, curator, raw, t.db);
  const fetchText = (doi: string, service: 'europepmc' | 'crossref') =>
    run(fetchTextUseCase, { sourceId: ids.get(doi), service });
  const stored = async (doi: string) => ({
    rows: await countOf(t, `select count(*)::int as n from source_texts where source_id = $1`, [ids.get(doi)]),
    events: await countOf(
      t,
      `select count(*)::int as n from audit_events where action = 'source.snapshot' and entity_id = $1`,
      [ids.get(doi)],
    ),
  });
  const snapshotsOf = (doi: string) =>
    t.query<{ origin: string; open_access: boolean; detail: Record<string, unknown>; sections: { kind: string }[] }>(
      `select origin, open_access, detail, sections from source_texts where source_id = $1 order by id`,
      [ids.get(doi)],
    );
  /** After a failure: nothing stored, and the source still takes pasted text. */
  const expectUsable = async (doi: string) => {
    expect(await stored(doi)).toEqual({ rows: 0, events: 0 });
    const pasted = await run(pasteTextUseCase, {
      sourceId: ids.get(doi),
      text: `Pasted after a failed fetch of ${doi}.`,
    });
    expect(pasted.output).toMatchObject({ created: true, doi });
    expect((await snapshotsOf(doi)).map((s) => s.origin)).toEqual(['paste']);
  };

  it('reads the services from the environment stubbed before env() was first read', () => {
    expect(env()).toMatchObject({ EUROPEPMC_API_URL: server.baseUrl, CROSSREF_API_URL: server.baseUrl });
  });

  it('stores Europe PMC’s open-access full text as an open-access snapshot naming its PMCID', async () => {
    const { output } = await fetchText(OA_DOI, 'europepmc');
    expect(output).toMatchObject({ doi: OA_DOI, created: true });
    const [snap] = await snapshotsOf(OA_DOI);
    expect(snap).toMatchObject({
      origin: 'europepmc',
      open_access: true,
      detail: { pmcid: 'PMC9900001', url: `${server.baseUrl}/PMC9900001/fullTextXML` },
    });
    expect(snap!.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['title', 'abstract', 'methods']));
    expect((await fetchText(OA_DOI, 'europepmc')).output).toMatchObject({ created: false });
    expect(await stored(OA_DOI)).toEqual({ rows: 1, events: 1 });
  });

  it('answers an article that is not open access as not found, and the source stays usable', async () => {
    const e = await domainFailure(fetchText('10.5555/closed', 'europepmc'));
    expect(e.code).toBe('not_found:source_text');
    expect(e.message).toBe(
      'Europe PMC holds no open-access full text for DOI 10.5555/closed. ' +
        'The source is unchanged; you can try again later or paste the text.',
    );
    await expectUsable('10.5555/closed');
  });

  it('gives up on a service that never answers after the default 5 s, and the source stays usable', async () => {
    const started = performance.now();
    const e = await domainFailure(fetchText('10.5555/hang', 'europepmc'));
    const seconds = (performance.now() - started) / 1000;
    expect(e.code).toBe('unavailable:source_text');
    expect(e.message).toMatch(/^Europe PMC did not answer within 5 s\. The source is unchanged/);
    expect(seconds).toBeGreaterThanOrEqual(4.9);
    expect(seconds).toBeLessThan(8);
    await expectUsable('10.5555/hang');
  });

  it.each([
    ['an HTML page instead of JSON', '10.5555/html', /^Europe PMC sent an unexpected search answer\./],
    [
      'a full text declaring an external entity',
      '10.5555/xxe',
      /^Europe PMC sent a full text the app cannot use: .*entities/,
    ],
  ])('answers %s as unavailable, and the source stays usable', async (_what, doi, message) => {
    const e = await domainFailure(fetchText(doi, 'europepmc'));
    expect(e.code).toBe('unavailable:source_text');
    expect(e.message).toMatch(message);
    await expectUsable(doi);
  });

  it('stores a Crossref abstract as an open-access snapshot with title and abstract sections', async () => {
    const { output } = await fetchText('10.5555/cr.abstract', 'crossref');
    expect(output).toMatchObject({ doi: '10.5555/cr.abstract', created: true });
    const [snap] = await snapshotsOf('10.5555/cr.abstract');
    expect(snap).toMatchObject({
      origin: 'crossref_abstract',
      open_access: true,
      detail: { url: `${server.baseUrl}${workPath('10.5555/cr.abstract')}` },
    });
    expect(snap!.sections.map((s) => s.kind)).toEqual(['title', 'abstract']);
  });

  it('answers a Crossref work without an abstract as not found, and the source stays usable', async () => {
    const e = await domainFailure(fetchText('10.5555/cr.none', 'crossref'));
    expect(e.code).toBe('not_found:source_text');
    expect(e.message).toMatch(/^Crossref holds no abstract for DOI 10\.5555\/cr\.none\. The source is unchanged/);
    await expectUsable('10.5555/cr.none');
  });

  it('refuses signed-out callers and unknown services before fetching anything', async () => {
    const anon = await domainFailure(
      execute(fetchTextUseCase, null, { sourceId: ids.get(OA_DOI), service: 'crossref' }, t.db),
    );
    expect(anon.kind).toBe('unauthorized');
    const bad = await domainFailure(run(fetchTextUseCase, { sourceId: ids.get(OA_DOI), service: 'pubmed' }));
    expect(bad.fields).toEqual({ service: 'Choose Europe PMC or Crossref.' });
    const none = await domainFailure(run(fetchTextUseCase, { sourceId: 987654, service: 'crossref' }));
    expect(none.code).toBe('not_found:source');
  });
});
