import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@/db/test-utils';
import { openRouteKit } from '../../route-test-kit';
import { GET } from './route';

const MOUSE = 'NCBITaxon:10090';
const HUMAN = 'NCBITaxon:9606';

describe.each(testEngines())('GET /api/terms/mirna on %s', (engine) => {
  let token: string;

  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ token, dispose } = await openRouteKit(engine, 'mirna test'));
  });
  afterAll(() => dispose?.());

  const get = async (qs: string) => {
    const res = await GET(
      new Request(`http://localhost/api/terms/mirna?${qs}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({}) },
    );
    return { status: res.status, body: (await res.json()) as { data?: unknown; fields?: Record<string, string> } };
  };

  it('a mouse study’s "miR-206" names no arm: both mouse arms are offered, none is chosen, and the note says so', async () => {
    const { status, body } = await get(`name=miR-206&species=${MOUSE}`);
    expect(status).toBe(200);
    const data = body.data as { status: string; candidates: { label: string; curie: string }[]; note: string };
    expect(data.status).toBe('no_arm');
    expect(data.candidates.map((c) => c.curie).sort()).toEqual(
      ['mirbase.mature:MIMAT0000239', 'mirbase.mature:MIMAT0017004'].sort(),
    );
    expect(data.note).toMatch(/no arm/i);
  });

  it('an arm given resolves to that species’ mature miRNA only', async () => {
    const mouse = (await get(`name=miR-206-3p&species=${MOUSE}`)).body.data as {
      status: string;
      term: { curie: string };
    };
    expect(mouse).toMatchObject({ status: 'mature', term: { curie: 'mirbase.mature:MIMAT0000239' } });
    const human = (await get(`name=miR-206&species=${HUMAN}`)).body.data as { status: string; term: { label: string } };
    expect(human).toMatchObject({ status: 'mature', term: { label: 'hsa-miR-206' } });
  });

  it.each([
    ['species=NCBITaxon:10090', 'name'],
    ['name=miR-1&species=mouse', 'species'],
    [`name=${'x'.repeat(201)}&species=${MOUSE}`, 'name'],
  ])('refuses %s with a field error on %s', async (qs, field) => {
    const { status, body } = await get(qs);
    expect(status).toBe(400);
    expect(Object.keys(body.fields ?? {})).toEqual([field]);
  });
});
