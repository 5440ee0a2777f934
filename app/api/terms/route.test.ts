import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@/db/test-utils';
import { openRouteKit } from '../route-test-kit';
import { GET } from './route';

describe.each(testEngines())('GET /api/terms on %s', (engine) => {
  let token: string;

  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ token, dispose } = await openRouteKit(engine, 'picker test'));
  });
  afterAll(() => dispose?.());

  const get = (qs: string, auth = `Bearer ${token}`) =>
    GET(new Request(`http://localhost/api/terms?${qs}`, { headers: { authorization: auth } }), {
      params: Promise.resolve({}),
    });

  it('answers suggestions of the kinds asked, for the species given', async () => {
    const res = await get('q=miR-206&kind=mirna&species=NCBITaxon:10090&limit=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = (await res.json()) as { data: { curie: string; label: string; species: string }[] };
    expect(body.data.map((s) => s.label)).toEqual(['mmu-miR-206-3p', 'mmu-miR-206-5p']);

    const organRes = await get('q=bone%20marrow&kind=anatomy,cell');
    const organ = (await organRes.json()) as { data: unknown[] };
    expect(organRes.status, JSON.stringify(organ)).toBe(200);
    expect(organ.data[0]).toMatchObject({
      curie: 'UBERON:0002371',
      label: 'bone marrow',
      kind: 'anatomy',
      vocab: 'UBERON',
      matched: null,
      parent: { curie: 'UBERON:0000479', label: 'tissue' },
      species: null,
      note: null,
    });
  });

  it.each([
    ['kind=anatomy', 'q'],
    ['q=bone&kind=organ', 'kind'],
    ['q=bone&kind=anatomy&species=mouse', 'species'],
    ['q=bone&kind=anatomy&limit=500', 'limit'],
    [`q=${'x'.repeat(101)}&kind=anatomy`, 'q'],
    ['q=%00&kind=anatomy', 'q'],
  ])('answers %s with 400 and a field error on %s, never a 500', async (qs, field) => {
    const res = await get(qs);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toBe('invalid');
    expect(Object.keys(body.fields)).toEqual([field]);
  });

  it('refuses a bad token with 401 before looking anything up', async () => {
    const res = await get('q=bone&kind=anatomy', 'Bearer evx_not-a-real-token');
    expect(res.status).toBe(401);
  });
});
