import { describe, expect, it } from 'vitest';
import {
  describeMap,
  edgeHref,
  edgeName,
  edgeTestId,
  organHref,
  organTotals,
  slugify,
  type CrosstalkEdge,
} from './labels';

const SKM = 'UBERON:0001134';
const BONE = 'UBERON:0001474';
const LIVER = 'UBERON:0002107';

describe('map labels', () => {
  it('slugifies organ labels for test ids', () => {
    expect(slugify('Heart/Cardiovascular system')).toBe('heart-cardiovascular-system');
    expect(slugify('  Immune system/Macrophages ')).toBe('immune-system-macrophages');
    expect(slugify('Crème brûlée')).toBe('creme-brulee');
    expect(edgeTestId({ from: SKM, to: BONE })).toBe('edge-skeletal-muscle-bone');
  });

  it('links an edge and an organ to the filtered findings table', () => {
    expect(edgeHref({ from: SKM, to: BONE, direction: 'muscle_to_organ' })).toBe(
      '/findings?origin=UBERON:0001134&organ=UBERON:0001474&direction=muscle_to_organ',
    );
    expect(organHref(LIVER)).toBe('/findings?organ=UBERON:0002107');
    expect(organHref('a&b=c')).toBe('/findings?organ=a%26b%3Dc');
    const params = new URL(edgeHref({ from: LIVER, to: SKM, direction: 'organ_to_muscle' }), 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({ origin: LIVER, organ: SKM, direction: 'organ_to_muscle' });
  });

  it('names edges in words, singular and plural', () => {
    expect(edgeName({ from: SKM, to: BONE, direction: 'muscle_to_organ', count: 9 })).toBe(
      'Skeletal muscle → Bone: 9 findings',
    );
    expect(edgeName({ from: LIVER, to: SKM, direction: 'organ_to_muscle', count: 1 })).toBe(
      'Liver → Skeletal muscle: 1 finding',
    );
  });

  it('sums per organ, counting a loop once', () => {
    const edges: CrosstalkEdge[] = [
      { from: SKM, to: BONE, direction: 'muscle_to_organ', count: 5 },
      { from: SKM, to: SKM, direction: 'within_muscle', count: 6 },
      { from: LIVER, to: SKM, direction: 'organ_to_muscle', count: 2 },
    ];
    const by = Object.fromEntries(organTotals(edges).map((t) => [t.id, t]));
    expect(by[SKM]).toEqual({ id: SKM, asOrigin: 11, asTarget: 8, total: 13 });
    expect(by[BONE]).toEqual({ id: BONE, asOrigin: 0, asTarget: 5, total: 5 });
    expect(by[LIVER]).toEqual({ id: LIVER, asOrigin: 2, asTarget: 0, total: 2 });
    expect(describeMap(edges)).toBe(
      '13 approved findings of EV crosstalk, by donor and target organ. Skeletal muscle → Skeletal muscle: 6 findings (Within muscle); Skeletal muscle → Bone: 5 findings (Muscle → organ); Liver → Skeletal muscle: 2 findings (Organ → muscle).',
    );
  });
});
