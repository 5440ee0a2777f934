import { describe, expect, it } from 'vitest';
import { type FacetLink, nearestGroups, organOptions } from './organ-tree';

const GROUPS = [
  { id: 'G:bone', label: 'Bone' },
  { id: 'G:nerv', label: 'Nervous system' },
  { id: 'G:imm', label: 'Immune system' },
];
// nervous system > CNS > brain > hippocampus; nervous system > nerve; bone marrow one step under Bone and Immune.
const LINKS: FacetLink[] = [
  { curie: 'T:cns', ancestor: 'G:nerv', depth: 1 },
  { curie: 'T:brain', ancestor: 'T:cns', depth: 1 },
  { curie: 'T:brain', ancestor: 'G:nerv', depth: 2 },
  { curie: 'T:hippo', ancestor: 'T:brain', depth: 1 },
  { curie: 'T:hippo', ancestor: 'T:cns', depth: 2 },
  { curie: 'T:hippo', ancestor: 'G:nerv', depth: 3 },
  { curie: 'T:nerve', ancestor: 'G:nerv', depth: 2 },
  { curie: 'T:marrow', ancestor: 'G:imm', depth: 1 },
  { curie: 'T:marrow', ancestor: 'G:bone', depth: 1 },
  { curie: 'T:cortex', ancestor: 'T:lobe', depth: 2 },
];
const term = (curie: string, label: string, count: number) => ({ curie, label, count });

describe('organ filter tree', () => {
  it('rolls a term up to its nearest group, a tie to the group listed first', () => {
    const near = nearestGroups(
      GROUPS.map((g) => g.id),
      LINKS,
    );
    expect(near.get('T:hippo')).toEqual({ group: 'G:nerv', depth: 3 });
    expect(near.get('T:marrow')).toEqual({ group: 'G:bone', depth: 1 });
    expect(near.has('T:cortex')).toBe(false);
  });

  it('lists every group, each followed by its used terms under their nearest shown ancestor, then the rest', () => {
    const shown = [
      term('G:nerv', 'nervous system', 9),
      term('T:hippo', 'hippocampus', 2),
      term('T:brain', 'brain', 5),
      term('T:nerve', 'nerve', 1),
      term('T:marrow', 'bone marrow', 3),
      term('T:cortex', 'cortex', 1),
      term('T:lobe', 'lobe', 1),
    ];
    const out = organOptions(GROUPS, shown, LINKS).map((o) => [o.curie, o.level, o.section, o.count]);
    expect(out).toEqual([
      ['G:bone', 0, 'group', 0],
      ['T:marrow', 1, 'group', 3],
      // The group keeps the review's label; CNS is not shown (no finding uses it), so brain hangs from the group.
      ['G:nerv', 0, 'group', 9],
      ['T:brain', 1, 'group', 5],
      ['T:hippo', 2, 'group', 2],
      ['T:nerve', 1, 'group', 1],
      ['G:imm', 0, 'group', 0],
      ['T:lobe', 0, 'other', 1],
      ['T:cortex', 1, 'other', 1],
    ]);
    expect(organOptions(GROUPS, shown, LINKS).find((o) => o.curie === 'G:nerv')!.label).toBe('Nervous system');
  });
});
