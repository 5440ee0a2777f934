import { describe, expect, it } from 'vitest';
import { MISEV_MAX_SCORE, MISEV_RULE_TEXT, misevCompleteness } from './misev';
import { findingContentSchema, type FindingContentInput } from './schema';

const finding = (extra: Partial<FindingContentInput> = {}) =>
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
    expect(misevCompleteness(finding()).items.map((i) => [i.key, i.weight])).toEqual([
      ['evType', 15],
      ['separationMethods', 25],
      ['particleAnalysis', 20],
      ['emMethods', 15],
      ['markersPositive', 15],
      ['markersNegative', 10],
    ]);
  });

  it('scores 0 when nothing about the EVs is recorded', () => {
    const r = misevCompleteness(finding());
    expect(r.score).toBe(0);
    expect(r.items.every((i) => !i.met)).toBe(true);
  });

  it('scores 100 when everything is recorded', () => {
    const r = misevCompleteness(finding(complete));
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
    const r = misevCompleteness(finding(extra as Partial<FindingContentInput>));
    expect(r.score).toBe(score);
    expect(r.items.filter((i) => i.met).map((i) => i.key)).toEqual([key]);
  });

  it('does not count "none reported" as particle analysis or EM', () => {
    const r = misevCompleteness(finding({ ...complete, particleAnalysis: ['none'], emMethods: ['none'] }));
    expect(r.score).toBe(65);
    expect(r.items.find((i) => i.key === 'particleAnalysis')?.met).toBe(false);
    expect(r.items.find((i) => i.key === 'emMethods')?.met).toBe(false);
  });

  it('counts a real method listed next to "none"', () => {
    expect(misevCompleteness(finding({ particleAnalysis: ['none', 'nta'] })).score).toBe(20);
  });

  it('gives an integer score with labels for every item', () => {
    const r = misevCompleteness(finding({ evType: 'exosome', markersNegative: ['calnexin'] }));
    expect(r.score).toBe(25);
    expect(Number.isInteger(r.score)).toBe(true);
    for (const i of r.items) expect(i.label.length).toBeGreaterThan(0);
  });

  it('documents the rule', () => {
    expect(MISEV_RULE_TEXT).toContain('MISEV2023');
    for (const i of misevCompleteness(finding()).items) expect(MISEV_RULE_TEXT).toContain(`${i.label}: ${i.weight}`);
  });
});
