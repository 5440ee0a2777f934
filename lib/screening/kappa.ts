/**
 * Cohen's kappa for two screeners over the same records:
 * κ = (pₒ − pₑ) / (1 − pₑ), where pₒ is the share of records both screeners put
 * in the same category and pₑ = Σ_c (share of A in c) × (share of B in c), the
 * agreement expected by chance. Undefined (null) when there are no pairs or
 * when pₑ = 1 (both screeners used one and the same category for everything).
 */
export const SCREENING_DECISIONS = ['include', 'exclude', 'maybe'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

export interface KappaResult {
  kappa: number | null;
  observed: number | null;
  expected: number | null;
  n: number;
}

export function cohensKappa(pairs: readonly (readonly [ScreeningDecision, ScreeningDecision])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: null, expected: null, n };
  const a = new Map<ScreeningDecision, number>();
  const b = new Map<ScreeningDecision, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const c of SCREENING_DECISIONS) expected += ((a.get(c) ?? 0) / n) * ((b.get(c) ?? 0) / n);
  // Rounding can leave pₑ a hair below 1 when it is 1 in exact arithmetic: compare with a tolerance.
  if (Math.abs(1 - expected) < 1e-12) return { kappa: null, observed, expected: 1, n };
  return { kappa: (observed - expected) / (1 - expected), observed, expected, n };
}
