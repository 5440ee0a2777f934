import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeHref, OTHER_ORGAN } from '../../lib/map/labels';
import { SKELETAL_MUSCLE } from '../../lib/vocab/organs';
import { testEngines } from '../test-utils';
import {
  BONE_GROUP,
  BONE_MARROW,
  BRAIN,
  givenApproved,
  type HierarchyKit,
  NERVOUS_SYSTEM,
  openHierarchyKit,
  SCIATIC_NERVE,
  STOMACH,
} from './hierarchy-test-kit';
import { crosstalkEdges } from './map';

const edgeTo = (data: Awaited<ReturnType<typeof crosstalkEdges>>, to: string) =>
  data.edges.filter((e) => e.from === SKELETAL_MUSCLE && e.to === to && e.direction === 'muscle_to_organ');

describe.each(testEngines())('crosstalk map grouping on %s', (engine) => {
  let k: HierarchyKit;
  let before: { group: Awaited<ReturnType<typeof crosstalkEdges>>; term: Awaited<ReturnType<typeof crosstalkEdges>> };

  beforeAll(async () => {
    k = await openHierarchyKit(engine);
    before = { group: await crosstalkEdges(k.t.db, 'group'), term: await crosstalkEdges(k.t.db, 'term') };
    await givenApproved(k, { targetOrgan: BRAIN });
    await givenApproved(k, { targetOrgan: SCIATIC_NERVE });
    await givenApproved(k, { targetOrgan: BONE_MARROW });
    await givenApproved(k, { targetOrgan: STOMACH });
  });
  afterAll(() => k.t.dispose());

  it('by organ group, a term rolls up to its nearest organ group, and a term under none to "Other"', async () => {
    const data = await crosstalkEdges(k.t.db, 'group');
    const count = (d: typeof data, to: string) => edgeTo(d, to).reduce((s, e) => s + e.count, 0);
    expect(count(data, NERVOUS_SYSTEM)).toBe(count(before.group, NERVOUS_SYSTEM) + 2);
    // Bone marrow is one step under both Bone and Immune system: it goes to Bone, listed first of the two.
    expect(count(data, BONE_GROUP)).toBe(count(before.group, BONE_GROUP) + 1);
    expect(edgeTo(data, OTHER_ORGAN)).toEqual([
      { from: SKELETAL_MUSCLE, to: OTHER_ORGAN, direction: 'muscle_to_organ', count: 1 },
    ]);
    for (const term of [BRAIN, SCIATIC_NERVE, BONE_MARROW, STOMACH]) expect(edgeTo(data, term)).toEqual([]);
    expect(data.total).toBe(before.group.total + 4);
    expect(data.labels).toMatchObject({ [NERVOUS_SYSTEM]: 'Nervous system', [OTHER_ORGAN]: 'Other' });
    // "Other" is no filter: its links open the map by exact term instead.
    expect(edgeHref(edgeTo(data, OTHER_ORGAN)[0]!)).toBe('/map?group=term');
  });

  it('by exact term, each term is its own organ, named by its label', async () => {
    const data = await crosstalkEdges(k.t.db, 'term');
    for (const term of [BRAIN, SCIATIC_NERVE, BONE_MARROW, STOMACH])
      expect(edgeTo(data, term)).toEqual([{ from: SKELETAL_MUSCLE, to: term, direction: 'muscle_to_organ', count: 1 }]);
    expect(edgeTo(data, OTHER_ORGAN)).toEqual([]);
    expect(data.labels).toMatchObject({ [BRAIN]: 'brain', [BONE_MARROW]: 'bone marrow', [STOMACH]: 'stomach' });
    expect(data.total).toBe(before.term.total + 4);
  });
});
