import '../validation/zod-config';
import { z } from 'zod';
import {
  CARGO_TYPES,
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  SKELETAL_MUSCLE,
  STUDY_TYPES,
} from '../vocab';
import { anchoredQuoteSchema } from '../anchor/schema';
import { curieSchema, termListSchema } from '../vocab/fields';
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
    /** The miRBase mature miRNA or HGNC gene the name is grounded to; null = ungrounded (or a miRNA named without its arm). */
    curie: curieSchema.nullish(),
  })
  // One spelling per miRNA (miRBase style), whatever the paper or curator typed.
  .transform((c) => (c.type === 'miRNA' ? { ...c, name: normalizeMirnaName(c.name) } : c));

/** In a draft, required fields may still be empty; everything present is checked as in a submission. */
const requiredChoice = <T extends [string, ...string[]]>(values: T, what: string, draft: boolean) =>
  draft
    ? z.preprocess((v) => (v === undefined || v === null ? '' : v), z.union([z.literal(''), choice(values, what)]))
    : choice(values, what);

/** A term id for a single-valued grounded field; a draft may leave it empty. */
const requiredTerm = (field: string, draft: boolean) =>
  draft
    ? z.preprocess((v) => (v === undefined || v === null ? '' : v), z.union([z.literal(''), curieSchema]))
    : z
        .string({ error: `Choose a ${field}.` })
        .min(1, { error: `Choose a ${field}.` })
        .pipe(curieSchema);

function contentSchema(draft: boolean) {
  return z.object({
    targetOrgan: requiredTerm('target organ', draft),
    origin: curieSchema.default(SKELETAL_MUSCLE),
    direction: requiredChoice(DIRECTIONS.values, 'direction', draft),
    species: requiredTerm('species', draft),
    evSource: draft ? optionalShortText() : shortText(),
    evSourceTerms: termListSchema('EV sources'),
    cargo: z
      .array(cargoItemSchema, { error: 'Expected a list of cargo items.' })
      .max(LIMITS.cargoItems, { error: `At most ${LIMITS.cargoItems} cargo items.` })
      .default([]),
    recipientCell: draft ? optionalShortText() : shortText(),
    recipientCellTerms: termListSchema('recipient cells'),
    modelDisease: optionalShortText(),
    diseaseTerms: termListSchema('diseases'),
    condition: optionalShortText(),
    result: draft ? optionalLongText(2_000) : longText(2_000),
    studyType: optionalChoice(STUDY_TYPES.values, 'study type'),
    effectDirection: optionalChoice(EFFECT_DIRECTIONS.values, 'effect direction'),
    mechanism: uniqueList(listItem(200), LIMITS.listItems, 'mechanism entries').default([]),
    targetGeneTerms: termListSchema('target genes'),
    evType: optionalChoice(EV_TYPES.values, 'EV type'),
    separationMethods: uniqueList(choice(SEPARATION_METHODS.values, 'separation method'), 20, 'methods').default([]),
    particleAnalysis: uniqueList(choice(PARTICLE_ANALYSIS.values, 'particle analysis method'), 10, 'methods').default(
      [],
    ),
    emMethods: uniqueList(choice(EM_METHODS.values, 'EM method'), 10, 'methods').default([]),
    methodTerms: termListSchema('detection methods'),
    markersPositive: uniqueList(listItem(100), LIMITS.listItems, 'markers').default([]),
    markersNegative: uniqueList(listItem(100), LIMITS.listItems, 'markers').default([]),
    evidenceQuote: optionalLongText(),
    evidenceLocation: optionalShortText(200),
    /** Where the quote was selected in the source's stored text; checked at submission (db/queries/evidence.ts). */
    evidenceAnchor: anchoredQuoteSchema.nullable().default(null),
    /** The curator marks the quote as typed by hand: it is then not checked against stored text. */
    evidenceUnverified: z.boolean({ error: 'Expected yes or no.' }).default(false),
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
  'evSourceTerms',
  'cargo',
  'recipientCell',
  'recipientCellTerms',
  'modelDisease',
  'diseaseTerms',
  'condition',
  'result',
  'direction',
  'origin',
  'studyType',
  'effectDirection',
  'mechanism',
  'targetGeneTerms',
  'evType',
  'separationMethods',
  'particleAnalysis',
  'emMethods',
  'methodTerms',
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
  evSourceTerms: 'EV source terms',
  cargo: 'EV cargo',
  recipientCell: 'Recipient cell',
  recipientCellTerms: 'Recipient cell terms',
  modelDisease: 'Model / disease',
  diseaseTerms: 'Disease terms',
  condition: 'Condition (non-disease model)',
  result: 'Result',
  studyType: 'Study type',
  effectDirection: 'Effect direction',
  mechanism: 'Mechanism (targets / pathways)',
  targetGeneTerms: 'Target genes',
  evType: 'EV type (MISEV)',
  separationMethods: 'Separation methods',
  particleAnalysis: 'Particle analysis',
  emMethods: 'Electron microscopy',
  methodTerms: 'Detection methods (ECO)',
  markersPositive: 'Positive markers',
  markersNegative: 'Negative markers',
  evidenceQuote: 'Evidence quote',
  evidenceLocation: 'Evidence location',
  evidenceAnchor: 'Evidence position in the stored text',
  evidenceUnverified: 'Quote not verified against stored text',
  curatorNote: 'Curator note',
};
