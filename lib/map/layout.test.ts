import { describe, expect, it } from 'vitest';
import { ORGANS, SKELETAL_MUSCLE } from '../vocab/organs';
import { arrowSize, edgeBetween, selfLoop } from './geometry';
import type { CrosstalkEdge } from './labels';
import { DEFAULT_LAYOUT, layoutCrosstalkMap, organOrder, radiusForText, strokeWidth, wrapLabel } from './layout';

const SKM = SKELETAL_MUSCLE;
const BONE = 'UBERON:0001474';
const HEART = 'UBERON:0004535';
const NERVOUS = 'UBERON:0001016';
const KIDNEY = 'UBERON:0002113';
const LIVER = 'UBERON:0002107';

const out = (to: string, count: number): CrosstalkEdge => ({ from: SKM, to, direction: 'muscle_to_organ', count });
const into = (from: string, count: number): CrosstalkEdge => ({ from, to: SKM, direction: 'organ_to_muscle', count });
const loop = (count: number): CrosstalkEdge => ({ from: SKM, to: SKM, direction: 'within_muscle', count });

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
const angleDeg = (p: { x: number; y: number }) => (Math.atan2(p.y, p.x) * 180) / Math.PI;
/** The last point of an SVG path's data. */
const pathEnd = (d: string) => {
  const n = d
    .trim()
    .split(/[\s,A-Z]+/)
    .filter(Boolean)
    .map(Number);
  return { x: n[n.length - 2]!, y: n[n.length - 1]! };
};
/** Which side of the line a→b the point p is on (sign of the cross product). */
const side = (a: { x: number; y: number }, b: { x: number; y: number }, p: { x: number; y: number }) =>
  Math.sign((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x));

describe('strokeWidth', () => {
  it('runs from 2 to 12 with the square root of the share of the largest count', () => {
    expect(strokeWidth(9, 9)).toBe(12);
    expect(strokeWidth(1, 4)).toBe(7);
    expect(strokeWidth(0, 9)).toBe(2);
    expect(strokeWidth(3, 0)).toBe(2);
    expect(strokeWidth(1, 1)).toBe(12);
  });
});

describe('organOrder and wrapLabel', () => {
  it('orders organs as the vocabulary does, unknown ids last by id, without duplicates', () => {
    expect(organOrder([LIVER, 'X:2', BONE, SKM, 'X:1', BONE])).toEqual([SKM, BONE, LIVER, 'X:1', 'X:2']);
  });

  it('breaks labels after "/" and between words', () => {
    expect(wrapLabel('Heart/Cardiovascular system', 22)).toEqual(['Heart/', 'Cardiovascular system']);
    expect(wrapLabel('Skeletal muscle', 9)).toEqual(['Skeletal', 'muscle']);
    expect(wrapLabel('Bone')).toEqual(['Bone']);
  });
});

describe('geometry', () => {
  const a = { x: 0, y: 0, r: 50 };
  const b = { x: 200, y: 0, r: 20 };

  it('a straight edge runs border to border and its arrow points at the target', () => {
    const e = edgeBetween(a, b, 0, 4);
    expect(e.d.startsWith('M53 0 L')).toBe(true);
    expect(e.tip).toEqual({ x: 177, y: 0 });
    expect(e.angle).toBe(0);
    // The stroke stops at the arrowhead's base, so a thick line never shows past the tip.
    expect(pathEnd(e.d).x).toBeCloseTo(177 - arrowSize(4).length, 1);
    expect(e.mid.y).toBe(0);
    expect(e.mid.x).toBeGreaterThan(53);
    expect(e.mid.x).toBeLessThan(177);
  });

  it('a bent edge bows to the right of its direction; the reverse edge bows the other way', () => {
    const ab = edgeBetween(a, b, 20, 4);
    const ba = edgeBetween(b, a, 20, 4);
    expect(ab.d).toContain('Q');
    expect(side(a, b, ab.mid)).toBe(-side(a, b, ba.mid));
    expect(Math.abs(ab.mid.y)).toBeGreaterThan(15);
    expect(dist(ab.tip, b)).toBeCloseTo(b.r + 3, 0);
  });

  it('a loop leaves and re-enters the circle inside its wedge', () => {
    const l = selfLoop(a, -Math.PI / 2, 0.4, 80, 6);
    expect(dist(l.tip, a)).toBeCloseTo(a.r + 3, 0);
    expect(angleDeg(l.mid)).toBeCloseTo(-90, 0);
    expect(dist(l.mid, a)).toBeGreaterThan(a.r + 40);
  });
});

describe('layoutCrosstalkMap', () => {
  const seeded = [out(BONE, 5), out(HEART, 4), out(NERVOUS, 6), out(KIDNEY, 5), loop(6)];

  it('puts skeletal muscle in the centre and only organs with edges evenly on a circle, in vocabulary order', () => {
    const m = layoutCrosstalkMap(seeded);
    expect(m.nodes.map((n) => n.id)).toEqual([SKM, BONE, HEART, NERVOUS, KIDNEY]);
    const [centre, ...outer] = m.nodes;
    expect(centre).toMatchObject({ x: 0, y: 0, centre: true });
    const radii = outer.map((n) => dist(n, centre!));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, -1);
    // Five slots (four organs + the top one kept for muscle's own loop), clockwise from the top.
    expect(outer.map((n) => Math.round(angleDeg(n)))).toEqual([-18, 54, 126, -162]);
  });

  it('without a loop on muscle the first organ sits at the top', () => {
    const m = layoutCrosstalkMap([out(KIDNEY, 1), out(BONE, 2)]);
    expect(m.nodes.find((n) => n.id === BONE)).toMatchObject({ x: 0 });
    expect(m.nodes.find((n) => n.id === BONE)!.y).toBeLessThan(0);
  });

  it('sizes strokes by count and gives every edge its name, link and test id', () => {
    const m = layoutCrosstalkMap(seeded);
    const bone = m.edges.find((e) => e.to === BONE)!;
    expect(m.maxCount).toBe(6);
    expect(bone.width).toBe(strokeWidth(5, 6));
    expect(m.edges.find((e) => e.to === NERVOUS)!.width).toBe(12);
    expect(bone.name).toBe('Skeletal muscle → Bone: 5 findings');
    expect(bone.href).toBe('/findings?origin=UBERON:0001134&organ=UBERON:0001474&direction=muscle_to_organ');
    expect(bone.testId).toBe('edge-skeletal-muscle-bone');
    expect(m.edges.find((e) => e.to === HEART)!.testId).toBe('edge-skeletal-muscle-heart-cardiovascular-system');
    expect(m.edges.find((e) => e.direction === 'within_muscle')!.testId).toBe('edge-skeletal-muscle-skeletal-muscle');
  });

  it('draws each edge from the source border to an arrow on the target border', () => {
    const m = layoutCrosstalkMap(seeded);
    const centre = m.nodes[0]!;
    for (const e of m.edges.filter((x) => x.from !== x.to)) {
      const target = m.nodes.find((n) => n.id === e.to)!;
      expect(dist(e.tip, target)).toBeCloseTo(target.r + 3, 0);
      const start = e.d.match(/^M(-?[\d.]+) (-?[\d.]+)/)!;
      expect(dist({ x: Number(start[1]), y: Number(start[2]) }, centre)).toBeCloseTo(centre.r + 3, 0);
      // The count label sits on the spoke, between the two circles.
      expect(dist(e.mid, centre)).toBeGreaterThan(centre.r);
      expect(dist(e.mid, target)).toBeGreaterThan(target.r);
    }
    const selfLoopEdge = m.edges.find((e) => e.from === e.to)!;
    expect(angleDeg(selfLoopEdge.mid)).toBeCloseTo(-90, 0);
    expect(dist(selfLoopEdge.tip, centre)).toBeCloseTo(centre.r + 3, 0);
  });

  it('offsets two opposite edges between the same organs so both stay visible', () => {
    const m = layoutCrosstalkMap([out(LIVER, 3), into(LIVER, 1)]);
    const [a, b] = [m.edges.find((e) => e.from === SKM)!, m.edges.find((e) => e.to === SKM)!];
    const liver = m.nodes.find((n) => n.id === LIVER)!;
    expect(a.d).not.toBe(b.d);
    expect(side({ x: 0, y: 0 }, liver, a.mid)).toBe(-side({ x: 0, y: 0 }, liver, b.mid));
    expect(dist(a.mid, b.mid)).toBeGreaterThanOrEqual(30);
    expect(m.nodes.find((n) => n.id === LIVER)).toMatchObject({ asTarget: 3, total: 4 });
  });

  it('does not depend on the order of its input', () => {
    const shuffled = [seeded[3]!, seeded[0]!, seeded[4]!, seeded[2]!, seeded[1]!];
    const key = (l: ReturnType<typeof layoutCrosstalkMap>) =>
      JSON.stringify({ ...l, edges: [...l.edges].sort((x, y) => x.key.localeCompare(y.key)) });
    expect(key(layoutCrosstalkMap(shuffled))).toBe(key(layoutCrosstalkMap(seeded)));
  });

  it('fits every circle inside the view box, and every name inside its circle', () => {
    const m = layoutCrosstalkMap(seeded);
    const { x, y, width, height } = m.viewBox;
    for (const n of m.nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(x);
      expect(n.y - n.r).toBeGreaterThanOrEqual(y);
      expect(n.x + n.r).toBeLessThanOrEqual(x + width);
      expect(n.y + n.r).toBeLessThanOrEqual(y + height);
      expect(n.text.x).toBe(n.x);
      // The block of lines is centred on the circle (baselines sit 0.35em below the line middles).
      const middle = n.text.y - n.text.fontSize * 0.35 + ((n.text.lines.length - 1) * n.text.lineHeight) / 2;
      expect(Math.abs(middle - n.y)).toBeLessThanOrEqual(1);
      expect(radiusForText(n.text.lines, n.text.fontSize)).toBeLessThanOrEqual(n.r);
    }
  });

  it('keeps all sixteen vocabulary organs apart, with names that fit', () => {
    const m = layoutCrosstalkMap([loop(2), ...ORGANS.filter((o) => o.id !== SKM).map((o, i) => out(o.id, i + 1))]);
    expect(m.nodes).toHaveLength(ORGANS.length);
    for (const a of m.nodes) for (const b of m.nodes) if (a !== b) expect(dist(a, b)).toBeGreaterThan(a.r + b.r + 30);
    expect(m.nodes.find((n) => n.label === 'Heart/Cardiovascular system')!.text.lines).toEqual([
      'Heart/',
      'Cardiovascular',
      'system',
    ]);
    expect(Math.min(...m.nodes.map((n) => n.r))).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.nodeRadius);
  });

  it('radiusForText grows with the longest line', () => {
    expect(radiusForText(['Bone'], 14)).toBeLessThan(radiusForText(['Cardiovascular'], 14));
    expect(radiusForText(['Cardiovascular'], 14)).toBeGreaterThan((14 * 14 * 0.5) / 2);
  });

  it('skips empty edges and gives an empty map for no findings', () => {
    const m = layoutCrosstalkMap([out(BONE, 0)]);
    expect(m).toMatchObject({ nodes: [], edges: [], maxCount: 0 });
  });

  it('keeps test ids unique when one pair carries two directions', () => {
    const m = layoutCrosstalkMap([out(BONE, 2), { from: SKM, to: BONE, direction: 'organ_to_muscle', count: 1 }]);
    expect(m.edges.map((e) => e.testId).sort()).toEqual([
      'edge-skeletal-muscle-bone',
      'edge-skeletal-muscle-bone-organ-to-muscle',
    ]);
  });
});
