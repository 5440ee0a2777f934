/**
 * MISEV completeness: how much of the MISEV2023 minimal reporting a finding
 * records about its EVs. A curation aid, not a quality verdict on the paper.
 * The rule, also exported as MISEV_RULE_TEXT for the README and the UI:
 *
 *   EV type named (not left empty)                      15
 *   at least one separation method                      25
 *   particle analysis (any method other than "none")    20
 *   electron microscopy (any method other than "none")  15
 *   at least one positive (EV) marker                   15
 *   at least one negative (non-EV) marker               10
 *                                                      ---
 *                                                      100
 *
 * Separation weighs most because MISEV2023 makes the separation method the
 * first thing to report; negative markers least because many EV papers still
 * omit them. "None reported" recorded explicitly does not count as a method.
 */
import { type FindingContent, findingDraftSchema } from './schema';

export type MisevItem = { key: string; label: string; met: boolean; weight: number };
export type MisevCompleteness = { score: number; items: MisevItem[] };

/** The fields the score reads, as the draft schema outputs them. */
type MisevFields = Pick<
  FindingContent,
  'evType' | 'separationMethods' | 'particleAnalysis' | 'emMethods' | 'markersPositive' | 'markersNegative'
>;

type Criterion = { key: keyof MisevFields; label: string; weight: number; met: (f: MisevFields) => boolean };

const anyMethod = (methods: readonly string[]) => methods.some((m) => m !== 'none');

const CRITERIA: readonly Criterion[] = [
  { key: 'evType', label: 'EV type named', weight: 15, met: (f) => f.evType !== null },
  {
    key: 'separationMethods',
    label: 'At least one separation method',
    weight: 25,
    met: (f) => f.separationMethods.length > 0,
  },
  {
    key: 'particleAnalysis',
    label: 'Particle analysis (not “none”)',
    weight: 20,
    met: (f) => anyMethod(f.particleAnalysis),
  },
  { key: 'emMethods', label: 'Electron microscopy (not “none”)', weight: 15, met: (f) => anyMethod(f.emMethods) },
  {
    key: 'markersPositive',
    label: 'At least one positive marker',
    weight: 15,
    met: (f) => f.markersPositive.length > 0,
  },
  {
    key: 'markersNegative',
    label: 'At least one negative marker',
    weight: 10,
    met: (f) => f.markersNegative.length > 0,
  },
];

export const MISEV_MAX_SCORE = CRITERIA.reduce((sum, c) => sum + c.weight, 0);

export const MISEV_RULE_TEXT = [
  'MISEV completeness (0–100) scores the MISEV2023 minimal reporting recorded for a finding’s EVs:',
  ...CRITERIA.map((c) => `- ${c.label}: ${c.weight}`),
].join('\n');

/** The score of content already parsed by the finding schemas (a stored revision, an import row). */
export function misevCompleteness(f: MisevFields): MisevCompleteness {
  const items = CRITERIA.map((c) => ({ key: c.key, label: c.label, met: c.met(f), weight: c.weight }));
  const earned = items.reduce((sum, i) => sum + (i.met ? i.weight : 0), 0);
  return { score: Math.round((earned / MISEV_MAX_SCORE) * 100), items };
}

const NOT_REPORTED: MisevFields = {
  evType: null,
  separationMethods: [],
  particleAnalysis: [],
  emMethods: [],
  markersPositive: [],
  markersNegative: [],
};

/**
 * The score of values as a form holds them (an unset select is ''), read the way the server reads a
 * draft before storing it: each scored field through the draft schema, so the live score is the one
 * the saved record shows. A value the server would refuse counts as not reported.
 */
export function misevScoreOf(values: unknown): MisevCompleteness {
  const raw = (typeof values === 'object' && values !== null ? values : {}) as Record<string, unknown>;
  const shape = findingDraftSchema.shape;
  const parsed = { ...NOT_REPORTED };
  for (const key of Object.keys(NOT_REPORTED) as (keyof MisevFields)[]) {
    const r = shape[key].safeParse(raw[key]);
    if (r.success) Object.assign(parsed, { [key]: r.data });
  }
  return misevCompleteness(parsed);
}
