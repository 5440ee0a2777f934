import { describe, expect, it } from 'vitest';
import { MISEV_MAX_SCORE, MISEV_RULE_TEXT, misevCompleteness, misevScoreOf } from './misev';
import { findingContentSchema, type FindingContentInput, findingDraftSchema } from './schema';
import { EMPTY_FINDING } from '@/components/findings/form/initial';
import { toFormValues } from '@/components/findings/form/types';

const makeFinding = (extra: Partial<FindingContentInput> = {}) =>
  findingContentSchema.parse({
    targetOrgan: 'UBERON:0001474',
    direction: 'muscle_to_organ',
    species: 'NCBITaxon:10090',
    evSource: 'C2C12 myotubes',
    recipientCell: 'BMSCs',
    result: 'Promote osteogenic differentiation',
    ...extra,
  });

const complete = {
  evType: 'small_ev',
  separationMethods: ['differential_ultracentrifugation'],
  particleAnalysis: ['nta'],
  emMethods: ['tem'],
  markersPositive: ['CD63', 'TSG101'],
  markersNegative: ['calnexin'],
} satisfies Partial<FindingContentInput>;

describe('misevCompleteness', () => {
  it('weights add up to 100', () => {
    expect(MISEV_MAX_SCORE).toBe(100);
    expect(misevCompleteness(makeFinding()).items.map((i) => [i.key, i.weight])).toEqual([
      ['evType', 15],
      ['separationMethods', 25],
      ['particleAnalysis', 20],
      ['emMethods', 15],
      ['markersPositive', 15],
      ['markersNegative', 10],
    ]);
  });

  it('scores 0 when nothing about the EVs is recorded', () => {
    const r = misevCompleteness(makeFinding());
    expect(r.score).toBe(0);
    expect(r.items.every((i) => !i.met)).toBe(true);
  });

  it('scores 100 when everything is recorded', () => {
    const r = misevCompleteness(makeFinding(complete));
    expect(r.score).toBe(100);
    expect(r.items.every((i) => i.met)).toBe(true);
  });

  it.each([
    ['evType', { evType: 'ev' }, 15],
    ['separationMethods', { separationMethods: ['precipitation', 'ultrafiltration'] }, 25],
    ['particleAnalysis', { particleAnalysis: ['dls'] }, 20],
    ['emMethods', { emMethods: ['cryo_em'] }, 15],
    ['markersPositive', { markersPositive: ['CD81'] }, 15],
    ['markersNegative', { markersNegative: ['GM130'] }, 10],
  ] as const)('%s alone earns its weight', (key, extra, score) => {
    const r = misevCompleteness(makeFinding(extra as Partial<FindingContentInput>));
    expect(r.score).toBe(score);
    expect(r.items.filter((i) => i.met).map((i) => i.key)).toEqual([key]);
  });

  it('does not count "none reported" as particle analysis or EM', () => {
    const r = misevCompleteness(makeFinding({ ...complete, particleAnalysis: ['none'], emMethods: ['none'] }));
    expect(r.score).toBe(65);
    expect(r.items.find((i) => i.key === 'particleAnalysis')?.met).toBe(false);
    expect(r.items.find((i) => i.key === 'emMethods')?.met).toBe(false);
  });

  it('counts a real method listed next to "none"', () => {
    expect(misevCompleteness(makeFinding({ particleAnalysis: ['none', 'nta'] })).score).toBe(20);
  });

  it('gives an integer score with labels for every item', () => {
    const r = misevCompleteness(makeFinding({ evType: 'exosome', markersNegative: ['calnexin'] }));
    expect(r.score).toBe(25);
    expect(Number.isInteger(r.score)).toBe(true);
    for (const i of r.items) expect(i.label.length).toBeGreaterThan(0);
  });

  it('documents the rule', () => {
    expect(MISEV_RULE_TEXT).toContain('MISEV2023');
    for (const i of misevCompleteness(makeFinding()).items)
      expect(MISEV_RULE_TEXT).toContain(`${i.label}: ${i.weight}`);
  });
});

/** A new finding form's values exactly as the form starts (unset selects are '' there, null once parsed). */
const emptyFormValues = () => toFormValues(EMPTY_FINDING, '');

/** The saved record's score: the draft as the server parses and stores it, then scored. */
const savedScore = (values: Record<string, unknown>) => {
  const { changeSummary: _summary, ...content } = values;
  return misevCompleteness(findingDraftSchema.parse(content));
};

describe('misevScoreOf (the finding form’s live score)', () => {
  it('scores an empty new form 0 %, as the saved draft is scored', () => {
    expect(savedScore(emptyFormValues()).score).toBe(0);
    const live = misevScoreOf(emptyFormValues());
    expect(live.score).toBe(0);
    expect(live.items.find((i) => i.key === 'evType')?.met).toBe(false);
  });

  it.each([
    ['an EV type chosen', { evType: 'exosome' }],
    [
      'methods and markers, some repeated',
      { separationMethods: ['precipitation', 'precipitation'], markersPositive: ['CD63', 'CD63'] },
    ],
    ['"none" as the only particle analysis', { particleAnalysis: ['none'], emMethods: ['tem'] }],
    ['everything', complete],
    ['a study type but no EV methods', { studyType: 'in_vivo', evType: '' }],
  ] as const)('gives the saved score for %s', (_name, extra) => {
    const values = { ...emptyFormValues(), ...extra };
    expect(misevScoreOf(values)).toEqual(savedScore(values));
  });

  it('counts a value the server would refuse as not reported, without throwing', () => {
    const values = { ...emptyFormValues(), evType: 'not-an-ev-type', markersNegative: ['calnexin'] };
    expect(() => findingDraftSchema.parse(values)).toThrow();
    const r = misevScoreOf(values);
    expect(r.items.find((i) => i.key === 'evType')?.met).toBe(false);
    expect(r.score).toBe(10);
  });

  it('reads missing or non-object input as nothing reported', () => {
    expect(misevScoreOf(undefined).score).toBe(0);
    expect(misevScoreOf({}).score).toBe(0);
  });
});
