import '../validation/zod-config';
import { z } from 'zod';
import {
  CARGO_TYPES,
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  ORGAN_IDS,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  SKELETAL_MUSCLE,
  SPECIES_IDS,
  STUDY_TYPES,
} from '../vocab';
import { normalizeMirnaName } from '../cargo/mirna';
import { LIMITS, longText, optionalLongText, optionalShortText, shortText } from '../validation/text';

const choice = <T extends [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `Choose a ${what} from the list.` });

const optionalChoice = <T extends [string, ...string[]]>(values: T, what: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), choice(values, what).nullable());

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number, what: string) =>
  z
    .array(item, { error: `Expected a list of ${what}.` })
    .max(max, { error: `At most ${max} ${what}.` })
    .transform((xs) => [...new Set(xs)]);

/** A list item: "; " joins list items in exports, so an item may not contain ";". */
const listItem = (max: number) =>
  shortText(max).refine((s) => !s.includes(';'), {
    error: 'Cannot contain ";" (it separates list items); use one entry per item.',
  });

export const cargoItemSchema = z
  .object({
    name: listItem(200),
    type: choice(CARGO_TYPES.values, 'cargo type'),
  })
  // One spelling per miRNA (miRBase style), whatever the paper or curator typed.
  .transform((c) => (c.type === 'miRNA' ? { ...c, name: normalizeMirnaName(c.name) } : c));

/** In a draft, required fields may still be empty; everything present is checked as in a submission. */
const requiredChoice = <T extends [string, ...string[]]>(values: T, what: string, draft: boolean) =>
  draft
    ? z.preprocess((v) => (v === undefined || v === null ? '' : v), z.union([z.literal(''), choice(values, what)]))
    : choice(values, what);

function contentSchema(draft: boolean) {
  return z.object({
    targetOrgan: requiredChoice(ORGAN_IDS, 'target organ', draft),
    origin: choice(ORGAN_IDS, 'donor organ').default(SKELETAL_MUSCLE),
    direction: requiredChoice(DIRECTIONS.values, 'direction', draft),
    species: requiredChoice(SPECIES_IDS, 'species', draft),
    evSource: draft ? optionalShortText() : shortText(),
    cargo: z
      .array(cargoItemSchema, { error: 'Expected a list of cargo items.' })
      .max(LIMITS.cargoItems, { error: `At most ${LIMITS.cargoItems} cargo items.` })
      .default([]),
    recipientCell: draft ? optionalShortText() : shortText(),
    modelDisease: optionalShortText(),
    result: draft ? optionalLongText(2_000) : longText(2_000),
    studyType: optionalChoice(STUDY_TYPES.values, 'study type'),
    effectDirection: optionalChoice(EFFECT_DIRECTIONS.values, 'effect direction'),
    mechanism: uniqueList(listItem(200), LIMITS.listItems, 'mechanism entries').default([]),
    evType: optionalChoice(EV_TYPES.values, 'EV type'),
    separationMethods: uniqueList(choice(SEPARATION_METHODS.values, 'separation method'), 20, 'methods').default([]),
    particleAnalysis: uniqueList(choice(PARTICLE_ANALYSIS.values, 'particle analysis method'), 10, 'methods').default(
      [],
    ),
    emMethods: uniqueList(choice(EM_METHODS.values, 'EM method'), 10, 'methods').default([]),
    markersPositive: uniqueList(listItem(100), LIMITS.listItems, 'markers').default([]),
    markersNegative: uniqueList(listItem(100), LIMITS.listItems, 'markers').default([]),
    evidenceQuote: optionalLongText(),
    evidenceLocation: optionalShortText(200),
    curatorNote: optionalLongText(),
  });
}

/** The content of a finding: what every submitted revision snapshots. */
export const findingContentSchema = contentSchema(false);
/** A draft's content: the same rules, but required fields may be empty until submission. */
export const findingDraftSchema = contentSchema(true);

export const changeSummarySchema = optionalShortText(300);

export type FindingContent = z.output<typeof findingContentSchema>;
export type FindingContentInput = z.input<typeof findingContentSchema>;
export type FindingDraft = z.output<typeof findingDraftSchema>;
export type CargoItem = z.output<typeof cargoItemSchema>;

/** Field names in display order: Table 1's first, as the design lists them. */
export const FINDING_FIELDS = [
  'targetOrgan',
  'species',
  'evSource',
  'cargo',
  'recipientCell',
  'modelDisease',
  'result',
  'direction',
  'origin',
  'studyType',
  'effectDirection',
  'mechanism',
  'evType',
  'separationMethods',
  'particleAnalysis',
  'emMethods',
  'markersPositive',
  'markersNegative',
  'evidenceQuote',
  'evidenceLocation',
  'curatorNote',
] as const satisfies readonly (keyof FindingContent)[];

export const FIELD_LABELS: Record<keyof FindingContent, string> = {
  targetOrgan: 'Target organ',
  origin: 'Donor organ (origin)',
  direction: 'Direction',
  species: 'Species',
  evSource: 'EV source',
  cargo: 'EV cargo',
  recipientCell: 'Recipient cell',
  modelDisease: 'Model / disease',
  result: 'Result',
  studyType: 'Study type',
  effectDirection: 'Effect direction',
  mechanism: 'Mechanism (targets / pathways)',
  evType: 'EV type (MISEV)',
  separationMethods: 'Separation methods',
  particleAnalysis: 'Particle analysis',
  emMethods: 'Electron microscopy',
  markersPositive: 'Positive markers',
  markersNegative: 'Negative markers',
  evidenceQuote: 'Evidence quote',
  evidenceLocation: 'Evidence location',
  curatorNote: 'Curator note',
};
