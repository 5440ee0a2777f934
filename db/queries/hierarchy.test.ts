import { and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBrowseQuery } from '../../lib/browse/filters';
import { makeBrowseQuery, makeContent, testEngines } from '../test-utils';
import { findings } from '../schema';
import { browseFindings, countFindings } from './browse';
import { createFinding } from './curation';
import { exportConditions } from './export';
import { organFacetCounts } from './facets';
import {
  ADIPOSE_TISSUE,
  BONE_MARROW,
  BRAIN,
  BROWN_ADIPOSE,
  EPIDIDYMAL_FAT_PAD,
  givenApproved,
  type HierarchyKit,
  LIVER,
  NERVOUS_SYSTEM,
  openHierarchyKit,
  RAT,
  recursiveIds,
  recursiveTermIds,
  SCIATIC_NERVE,
  SPINAL_CORD,
  STOMACH,
  WHITE_ADIPOSE,
} from './hierarchy-test-kit';

describe.each(testEngines())('hierarchy filters and counts on %s', (engine) => {
  let k: HierarchyKit;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    k = await openHierarchyKit(engine);
    ids.brain = await givenApproved(k, { targetOrgan: BRAIN });
    ids.spinal = await givenApproved(k, { targetOrgan: SPINAL_CORD, species: RAT });
    ids.nerve = await givenApproved(k, { targetOrgan: SCIATIC_NERVE });
    ids.white = await givenApproved(k, { targetOrgan: WHITE_ADIPOSE });
    ids.brown = await givenApproved(k, { targetOrgan: BROWN_ADIPOSE, species: RAT });
    ids.marrow = await givenApproved(k, { targetOrgan: BONE_MARROW, origin: BRAIN });
    ids.stomach = await givenApproved(k, { targetOrgan: STOMACH });
    ids.fatSource = await givenApproved(k, {
      targetOrgan: LIVER,
      evSource: 'Epididymal fat pad explants',
      evSourceTerms: [{ curie: EPIDIDYMAL_FAT_PAD, label: 'epididymal fat pad' }],
    });
    // A draft under the nervous system: not public, so in no filter or count below.
    ids.draft = (
      await createFinding(k.t.db, k.curator, { sourceId: k.sourceId, content: makeContent({ targetOrgan: BRAIN }) })
    ).findingId;
  });
  afterAll(() => k.t.dispose());

  /** Every approved finding a query finds, walking its pages. */
  async function allIds(params: Record<string, string>): Promise<number[]> {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await browseFindings(
        k.t.db,
        makeBrowseQuery({ ...params, limit: '200', ...(cursor ? { cursor } : {}) }),
        null,
      );
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    return seen.sort((a, b) => a - b);
  }

  it('"Nervous system" finds brain, spinal cord and nerves — exactly the findings under it', async () => {
    const expected = await recursiveIds(k.t, 'target_organ', NERVOUS_SYSTEM);
    const got = await allIds({ organ: NERVOUS_SYSTEM });
    expect(got).toEqual(expected);
    expect(got).toEqual(expect.arrayContaining([ids.brain, ids.spinal, ids.nerve]));
    for (const other of [ids.white, ids.brown, ids.marrow, ids.stomach, ids.fatSource, ids.draft])
      expect(got).not.toContain(other);
    const page = await browseFindings(k.t.db, makeBrowseQuery({ organ: NERVOUS_SYSTEM }), null);
    expect(page.count).toEqual({ n: expected.length, exact: true });
    // A narrower term finds itself and what is under it, not its siblings.
    expect(await allIds({ organ: BRAIN })).toEqual([ids.brain]);
    expect(await allIds({ organ: ADIPOSE_TISSUE })).toEqual(await recursiveIds(k.t, 'target_organ', ADIPOSE_TISSUE));
    expect(await allIds({ organ: ADIPOSE_TISSUE })).toEqual(expect.arrayContaining([ids.white, ids.brown]));
    // Donor organ and species filters are hierarchical too, and combine with the others.
    expect(await allIds({ origin: NERVOUS_SYSTEM })).toEqual(await recursiveIds(k.t, 'origin', NERVOUS_SYSTEM));
    expect(await allIds({ origin: NERVOUS_SYSTEM })).toContain(ids.marrow);
    const ratNervous = await allIds({ organ: NERVOUS_SYSTEM, species: RAT });
    expect(ratNervous).toEqual(await recursiveIds(k.t, 'target_organ', NERVOUS_SYSTEM, 'and species = $2', [RAT]));
    expect(ratNervous).toContain(ids.spinal);
    expect(ratNervous).not.toContain(ids.brain);
  });

  it('the export (the same conditions, its terms read in a subquery) selects the same findings', async () => {
    const rows = await k.t.db
      .select({ id: findings.id })
      .from(findings)
      .where(and(...exportConditions(makeBrowseQuery({ organ: NERVOUS_SYSTEM }), null)));
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      await recursiveIds(k.t, 'target_organ', NERVOUS_SYSTEM),
    );
  });

  it('the organ filter counts of every term shown equal a recursive check over terms.parents', async () => {
    for (const column of ['organ', 'origin'] as const) {
      const options = await organFacetCounts(k.t.db, makeBrowseQuery({}), null, column);
      expect(options.length).toBeGreaterThanOrEqual(16);
      for (const o of options)
        expect(o.count, `${column} ${o.curie}`).toBe(
          (await recursiveIds(k.t, column === 'organ' ? 'target_organ' : 'origin', o.curie)).length,
        );
    }
    const options = await organFacetCounts(k.t.db, makeBrowseQuery({}), null);
    const at = (curie: string) => options.findIndex((o) => o.curie === curie);
    // Brain, spinal cord and the sciatic nerve are listed under Nervous system, indented, before the next group.
    const next = options.findIndex((o, i) => i > at(NERVOUS_SYSTEM) && o.level === 0);
    for (const term of [BRAIN, SPINAL_CORD, SCIATIC_NERVE]) {
      expect(at(term)).toBeGreaterThan(at(NERVOUS_SYSTEM));
      expect(at(term)).toBeLessThan(next);
      expect(options[at(term)]!.level).toBeGreaterThan(0);
    }
    expect(options[at(NERVOUS_SYSTEM)]).toMatchObject({ label: 'Nervous system', section: 'group', level: 0 });
    expect(options[at(STOMACH)]).toMatchObject({ label: 'stomach', section: 'other', count: 1 });
    // Bone marrow sits under Bone (the first of its two nearest groups, Bone and Immune system).
    expect(options.findLast((o, i) => i < at(BONE_MARROW) && o.level === 0)!.curie).toBe('UBERON:0001474');
  });

  it('counts follow the other filters, and the selected term is offered even when no finding uses it', async () => {
    const rat = await organFacetCounts(k.t.db, makeBrowseQuery({ species: RAT }), null);
    for (const o of rat)
      expect(o.count, o.curie).toBe(
        (await recursiveIds(k.t, 'target_organ', o.curie, 'and species = $2', [RAT])).length,
      );
    expect(rat.find((o) => o.curie === NERVOUS_SYSTEM)!.count).toBeGreaterThanOrEqual(1);
    const limbicLobe = 'UBERON:0002600';
    const picked = await organFacetCounts(k.t.db, makeBrowseQuery({ organ: limbicLobe }), null);
    expect(picked.find((o) => o.curie === limbicLobe)).toMatchObject({ label: 'limbic lobe', count: 0 });
  });

  it('the term filter finds a finding by an ancestor of its EV source term', async () => {
    const got = await allIds({ term: ADIPOSE_TISSUE });
    expect(got).toEqual(await recursiveTermIds(k.t, ADIPOSE_TISSUE));
    expect(got).toEqual(expect.arrayContaining([ids.fatSource, ids.white, ids.brown]));
    expect(got).not.toContain(ids.brain);
    expect(await allIds({ term: EPIDIDYMAL_FAT_PAD })).toEqual(await recursiveTermIds(k.t, EPIDIDYMAL_FAT_PAD));
    expect(await allIds({ term: EPIDIDYMAL_FAT_PAD })).toContain(ids.fatSource);
  });

  it('a malformed, unknown or wrong-kind term id is a field error, never an empty page', async () => {
    for (const [params, field] of [
      [{ organ: 'Liver' }, 'organ'],
      [{ organ: 'CL:0000594' }, 'organ'],
      [{ origin: 'UBERON:nope' }, 'origin'],
      [{ species: 'UBERON:0001016' }, 'species'],
      [{ term: 'adipose tissue' }, 'term'],
      [{ term: `UBERON:${'0'.repeat(100)}` }, 'term'],
    ] as const) {
      const r = parseBrowseQuery(params);
      expect(r.ok, JSON.stringify(params)).toBe(false);
      if (!r.ok) expect(Object.keys(r.errors)).toEqual([field]);
    }
    await k.t.query(
      `insert into terms (curie, vocab, kind, label, source_version, search_text) values ('EVXT:0000999', 'EVXT', 'cell', 'test cell', 'local', 'test cell')`,
    );
    for (const [params, field, message] of [
      [{ organ: 'UBERON:9999999' }, 'organ', /No term UBERON:9999999/],
      [{ term: 'HGNC:999999999' }, 'term', /No term HGNC:999999999/],
      [{ organ: 'EVXT:0000999' }, 'organ', /test cell.*cell type/],
    ] as const) {
      for (const call of [
        () => browseFindings(k.t.db, makeBrowseQuery(params), null),
        () => countFindings(k.t.db, makeBrowseQuery(params), null),
      ])
        await expect(call(), JSON.stringify(params)).rejects.toMatchObject({
          kind: 'invalid',
          fields: { [field]: expect.stringMatching(message) },
        });
    }
  });
});
