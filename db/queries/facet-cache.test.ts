import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeBrowseQuery, testEngines } from '../test-utils';
import { clearFacetCache, FACET_TTL_MS, organChoices, pendingCount } from './facet-cache';
import { givenApproved, type HierarchyKit, NERVOUS_SYSTEM, openHierarchyKit, SPINAL_CORD } from './hierarchy-test-kit';

const nervous = (o: { options: { curie: string; count: number }[] }) =>
  o.options.find((x) => x.curie === NERVOUS_SYSTEM)!.count;

describe.each(testEngines())('organ filter choices for the page on %s', (engine) => {
  let k: HierarchyKit;
  const all = makeBrowseQuery({});

  beforeAll(async () => {
    k = await openHierarchyKit(engine);
  });
  beforeEach(() => clearFacetCache());
  afterAll(() => k.t.dispose());

  it('counts at once when few findings match, and keeps the counts for a while', async () => {
    const first = await organChoices(k.t.db, all, null, 'organ', { now: 0 });
    expect(first.counted).toBe(true);
    await givenApproved(k, { targetOrgan: SPINAL_CORD });
    // Within the TTL the kept counts are shown; after it, still shown once while they are recounted…
    expect(nervous(await organChoices(k.t.db, all, null, 'organ', { now: 1 }))).toBe(nervous(first));
    expect(nervous(await organChoices(k.t.db, all, null, 'organ', { now: FACET_TTL_MS }))).toBe(nervous(first));
    await pendingCount(all, 'organ');
    // …and the next visit has the new finding.
    expect(nervous(await organChoices(k.t.db, all, null, 'organ', { now: FACET_TTL_MS + 1 }))).toBe(nervous(first) + 1);
  });

  it('when many findings match, shows the terms without counts and counts in the background', async () => {
    const q = makeBrowseQuery({ organ: SPINAL_CORD });
    const first = await organChoices(k.t.db, q, null, 'organ', { now: 0, inlineLimit: 0 });
    expect(first.counted).toBe(false);
    // The groups, and the selected term, are offered all the same.
    expect(first.options.filter((o) => o.level === 0 && o.section === 'group')).toHaveLength(16);
    expect(first.options.some((o) => o.curie === SPINAL_CORD)).toBe(true);
    // The background count may already be done (organChoices awaits a label read after starting it).
    await pendingCount(q, 'organ');
    // Without an inline count (limit 0), counts now can only come from the background count's result.
    const next = await organChoices(k.t.db, q, null, 'organ', { now: 1, inlineLimit: 0 });
    expect(next.counted).toBe(true);
    expect(next.options.find((o) => o.curie === SPINAL_CORD)!.count).toBeGreaterThanOrEqual(1);
  });

  it('never keeps what a status filter shows: that depends on who asks', async () => {
    const submitted = makeBrowseQuery({ status: 'submitted' });
    const r = await organChoices(k.t.db, submitted, k.curator, 'organ', { now: 0, inlineLimit: 0 });
    expect(r.counted).toBe(false);
    expect(pendingCount(submitted, 'organ')).toBeNull();
  });
});
