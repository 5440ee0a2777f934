import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, openSeededDb, type TestDb, testEngines } from './test-utils';

describe.each(testEngines())('database integrity on %s', (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    ({ t } = await openSeededDb(engine));
  });
  afterAll(() => t?.dispose());

  describe('search', () => {
    it('has the pg_trgm extension', async () => {
      const rows = await t.query<{ extname: string }>(`select extname from pg_extension order by extname`);
      expect(rows.map((r) => r.extname)).toContain('pg_trgm');
    });

    it('finds findings by full text on the projection', async () => {
      const hits = await t.query<{ public_id: string; result: string }>(`
        select f.public_id, r.result
        from findings f join finding_revisions r on r.id = f.approved_revision_id
        where f.search @@ websearch_to_tsquery('english', 'osteogenic')
        order by f.id
      `);
      expect(hits.map((h) => h.public_id)).toEqual(['EVX-000008', 'EVX-000009', 'EVX-000010']);
      for (const h of hits) expect(h.result.toLowerCase()).toContain('osteogen');
      // Every finding whose statement says "osteogenic" is found.
      expect(hits.length).toBe(
        await countOf(
          t,
          `select count(*)::int as n from findings f join finding_revisions r on r.id = f.approved_revision_id where r.result ilike '%osteogenic%'`,
        ),
      );
      expect(
        await countOf(
          t,
          `select count(*)::int as n from findings where search @@ websearch_to_tsquery('english', 'xylophone')`,
        ),
      ).toBe(0);
      // Words that stem alike match ("differentiation" / "differentiate").
      expect(
        await countOf(
          t,
          `select count(*)::int as n from findings where search @@ websearch_to_tsquery('english', 'differentiate')`,
        ),
      ).toBeGreaterThan(0);
    });

    it('finds partial cargo names with ILIKE and trigram word similarity', async () => {
      const expected = ['10.1038/s41598-017-13105-9', '10.1073/pnas.2016112117', '10.1371/journal.pone.0084153'];
      const ilike = await t.query<{ doi: string }>(
        `select doi from findings where cargo_text ilike '%miR-133%' order by doi`,
      );
      expect(ilike.map((r) => r.doi)).toEqual(expected);
      // Trigram word similarity ranks the miR-133a/b findings first (miR-130 comes next).
      const ranked = await t.query<{ doi: string; ws: number }>(
        `select doi, word_similarity('miR-133', cargo_text) as ws from findings
         where 'miR-133' <% cargo_text order by 'miR-133' <<-> cargo_text, doi`,
      );
      expect(ranked.length).toBeGreaterThan(expected.length);
      expect(ranked.slice(0, 3).map((r) => r.doi)).toEqual(expected);
      for (const r of ranked.slice(0, 3)) expect(Number(r.ws)).toBeCloseTo(0.875, 5);
      expect(Number(ranked[3]!.ws)).toBeLessThan(0.875);
      expect(ranked.slice(3).map((r) => r.doi)).not.toContain('10.4252/wjsc.v13.i11.1762');
      // Plain similarity (%): a finding whose only cargo is miR-133a is similar enough.
      const similar = await t.query<{ doi: string }>(
        `select doi from findings where cargo_text % 'miR-133' order by doi`,
      );
      expect(similar.map((r) => r.doi)).toEqual(
        expect.arrayContaining(['10.1038/s41598-017-13105-9', '10.1371/journal.pone.0084153']),
      );
      expect(await countOf(t, `select similarity('miR-133a', 'miR-133a') as n`)).toBe(1);
    });
  });
});
