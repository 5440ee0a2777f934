/**
 * The intake route with bad input, on both engines: a 100 MB upload, malformed RIS and BibTeX, Latin-1 bytes —
 * a clear answer and nothing half-imported (no batch, no candidate unless the file's good records are taken).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/db/queries/api-tokens';
import { countOf, testEngines, userIdByEmail } from '@/db/test-utils';
import { createApiTokenSchema } from '@/lib/auth/api-tokens';
import { enc, risEntry } from '@/lib/intake/intake-test-kit';
import { openRouteKit } from '@/app/api/route-test-kit';
import { type ErrorJson, lazyBody, rssGrowthMb } from '@/app/api/sources/[id]/text/text-route-test-kit';
import { POST } from './route';

const MB = 1024 * 1024;

describe.each(testEngines())('POST /api/literature/intake on %s', (engine) => {
  let kit: Awaited<ReturnType<typeof openRouteKit>>;
  let token: string;
  beforeAll(async () => {
    kit = await openRouteKit(engine, 'intake read');
    const curatorId = await userIdByEmail(kit.t, 'curator@example.org');
    const input = createApiTokenSchema.parse({ name: 'intake write', scope: 'write', expiresInDays: 1 });
    token = (await createApiToken(kit.t.db, curatorId, input)).token;
  });
  afterAll(() => kit?.dispose());

  const post = (qs: string, body: BodyInit | Uint8Array, headers: Record<string, string> = {}) =>
    POST(
      new Request(`http://localhost/api/literature/intake?${qs}`, {
        method: 'POST',
        body: body as BodyInit,
        headers: { authorization: `Bearer ${token}`, ...headers },
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
  const stored = async () => ({
    batches: await countOf(kit.t, `select count(*)::int as n from intake_batches`),
    candidates: await countOf(kit.t, `select count(*)::int as n from candidates`),
  });

  it('refuses a 100 MB upload with 413, reading at most the cap, storing nothing', async () => {
    const progress = { pulled: 0 };
    const { value: res, mb } = await rssGrowthMb(() => post('name=huge.ris', lazyBody(100 * MB, progress)));
    const body = (await res.json()) as ErrorJson;
    expect(res.status, JSON.stringify(body)).toBe(413);
    expect(body.message).toMatch(/over/);
    expect(progress.pulled).toBeLessThan(22 * MB);
    expect(mb).toBeLessThan(200);
    expect(await stored()).toEqual({ batches: 0, candidates: 0 });
  });

  it('answers a file it cannot read at all (CSL-JSON that is not JSON, an empty file) with 400 and stores nothing', async () => {
    for (const [qs, body] of [
      ['name=x.json&format=csl_json', '{"not": [valid'],
      ['name=empty.ris', ''],
    ] as const) {
      const res = await post(qs, enc(body));
      const json = (await res.json()) as ErrorJson;
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(json.message.length).toBeGreaterThan(10);
    }
    expect(await stored()).toEqual({ batches: 0, candidates: 0 });
  });

  it('imports the good records of a BibTeX file with an unterminated entry and reports the broken one by number', async () => {
    const bib = [
      '@article{good1, title={Muscle vesicles and bone}, doi={10.5555/bib.1}, year={2024}, author={Ng, A.}}',
      '@article{broken1, title={Never closed, year={2023}',
      '@article{good2, title={Myokines in the liver}, doi={10.5555/bib.2}, year={2022}, author={Ode, B.}}',
    ].join('\n\n');
    const res = await post('name=refs.bib', enc(bib));
    const json = (await res.json()) as {
      counts: { added: number };
      report: { row: number; ok: boolean; message?: string }[];
    };
    expect(res.status).toBe(201);
    expect(json.counts.added).toBe(2);
    expect(json.report.filter((r) => !r.ok).map((r) => r.message)).toEqual([expect.stringMatching(/entry 2/)]);
  });

  it('reads Latin-1 RIS bytes with a notice, and a malformed RIS line does not stop the file', async () => {
    const text = [
      risEntry({ title: 'Muscle vesicles in Zürich', doi: '10.5555/latin.1', year: 2021 }),
      'garbage line without a tag',
      risEntry({ title: 'Second record', doi: '10.5555/latin.2', year: 2021 }),
    ].join('\n');
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const res = await post('name=latin.ris', latin1);
    const json = (await res.json()) as { counts: { added: number }; notices: string[] };
    expect(res.status).toBe(201);
    expect(json.counts.added).toBe(2);
    expect(json.notices.join(' ')).toMatch(/1252|Latin/i);
    const [row] = await kit.t.query<{ title: string }>(`select title from candidates where doi = '10.5555/latin.1'`);
    expect(row!.title).toBe('Muscle vesicles in Zürich');
  });
});
