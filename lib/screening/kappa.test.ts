import { describe, expect, it } from 'vitest';
import { cohensKappa, type ScreeningDecision } from './kappa';

/** n copies of the pair [a, b]. */
const rep = (n: number, a: ScreeningDecision, b: ScreeningDecision) => Array.from({ length: n }, () => [a, b] as const);

describe('cohensKappa', () => {
  it('matches the classic 2×2 textbook example worked by hand', () => {
    // 50 records. A includes 25 (B includes 20 of them), A excludes 25 (B excludes 15 of them).
    //                 B include  B exclude
    //   A include        20          5      | 25
    //   A exclude        10         15      | 25
    //                    30         20        50
    // pₒ = (20 + 15) / 50 = 0.70
    // pₑ = (25/50)(30/50) + (25/50)(20/50) = 0.30 + 0.20 = 0.50
    // κ = (0.70 − 0.50) / (1 − 0.50) = 0.40
    const pairs = [
      ...rep(20, 'include', 'include'),
      ...rep(5, 'include', 'exclude'),
      ...rep(10, 'exclude', 'include'),
      ...rep(15, 'exclude', 'exclude'),
    ];
    const r = cohensKappa(pairs);
    expect(r.n).toBe(50);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('matches a 3-category example worked by hand', () => {
    //                B include  B exclude  B maybe
    //   A include       10          2         3     | 15
    //   A exclude        1         20         4     | 25
    //   A maybe          2          1         7     | 10
    //                   13         23        14       50
    // pₒ = (10 + 20 + 7) / 50 = 37/50 = 0.74
    // pₑ = (15·13 + 25·23 + 10·14) / 2500 = (195 + 575 + 140) / 2500 = 910/2500 = 0.364
    // κ = (0.74 − 0.364) / 0.636 = 0.376 / 0.636 = 0.591194968…
    const pairs = [
      ...rep(10, 'include', 'include'),
      ...rep(2, 'include', 'exclude'),
      ...rep(3, 'include', 'maybe'),
      ...rep(1, 'exclude', 'include'),
      ...rep(20, 'exclude', 'exclude'),
      ...rep(4, 'exclude', 'maybe'),
      ...rep(2, 'maybe', 'include'),
      ...rep(1, 'maybe', 'exclude'),
      ...rep(7, 'maybe', 'maybe'),
    ];
    const r = cohensKappa(pairs);
    expect(r.observed).toBeCloseTo(0.74, 12);
    expect(r.expected).toBeCloseTo(0.364, 12);
    expect(r.kappa).toBeCloseTo(0.376 / 0.636, 12);
  });

  it('is 1 for perfect agreement over two categories and negative for systematic disagreement', () => {
    expect(cohensKappa([...rep(3, 'include', 'include'), ...rep(2, 'exclude', 'exclude')]).kappa).toBeCloseTo(1, 12);
    // pₒ = 0, pₑ = 0.5·0.5 + 0.5·0.5 = 0.5 → κ = −1
    expect(cohensKappa([...rep(2, 'include', 'exclude'), ...rep(2, 'exclude', 'include')]).kappa).toBeCloseTo(-1, 12);
  });

  it('is null when expected agreement is 1 (everyone said the same thing) or there are no pairs', () => {
    expect(cohensKappa(rep(7, 'exclude', 'exclude'))).toEqual({ kappa: null, observed: 1, expected: 1, n: 7 });
    expect(cohensKappa([])).toEqual({ kappa: null, observed: null, expected: null, n: 0 });
  });

  it('is 0 when agreement is what chance predicts', () => {
    // A: include, include, exclude, exclude; B: include, exclude, include, exclude → pₒ = 0.5, pₑ = 0.5
    const r = cohensKappa([
      ['include', 'include'],
      ['include', 'exclude'],
      ['exclude', 'include'],
      ['exclude', 'exclude'],
    ]);
    expect(r.kappa).toBe(0);
  });
});
