/**
 * Field-level diff of two finding revisions, for history and review pages.
 * Choice fields show vocabulary labels, lists (cargo included) show what was
 * added and removed regardless of order, free text shows a word diff.
 */
import { diffWords } from 'diff';
import {
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  organLabel,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  speciesLabel,
  STUDY_TYPES,
} from '../vocab';
import type { TermRef } from '../vocab/term-ref';
import { FIELD_LABELS, FINDING_FIELDS, type CargoItem, type FindingContent } from './schema';

/** The compared fields; the evidence anchor and its verification flag are shown beside the quote, not diffed. */
type Field = (typeof FINDING_FIELDS)[number];

const SCALAR_LABELS = {
  targetOrgan: organLabel,
  origin: organLabel,
  species: speciesLabel,
  direction: DIRECTIONS.label,
  studyType: STUDY_TYPES.label,
  effectDirection: EFFECT_DIRECTIONS.label,
  evType: EV_TYPES.label,
} satisfies Partial<Record<Field, (value: string) => string>>;

/** A grounded value as shown in diffs: "C2C12 [cellosaurus:CVCL_0188]", or "BM-MSC [ungrounded]". */
export function termRefText(t: TermRef): string {
  return `${t.label} [${t.curie ?? 'ungrounded'}]`;
}

const LIST_ITEMS = {
  cargo: (f: FindingContent) => f.cargo.map(cargoItemText),
  evSourceTerms: (f: FindingContent) => f.evSourceTerms.map(termRefText),
  recipientCellTerms: (f: FindingContent) => f.recipientCellTerms.map(termRefText),
  diseaseTerms: (f: FindingContent) => f.diseaseTerms.map(termRefText),
  targetGeneTerms: (f: FindingContent) => f.targetGeneTerms.map(termRefText),
  methodTerms: (f: FindingContent) => f.methodTerms.map(termRefText),
  mechanism: (f: FindingContent) => f.mechanism,
  separationMethods: (f: FindingContent) => f.separationMethods.map(SEPARATION_METHODS.label),
  particleAnalysis: (f: FindingContent) => f.particleAnalysis.map(PARTICLE_ANALYSIS.label),
  emMethods: (f: FindingContent) => f.emMethods.map(EM_METHODS.label),
  markersPositive: (f: FindingContent) => f.markersPositive,
  markersNegative: (f: FindingContent) => f.markersNegative,
} satisfies Partial<Record<Field, (f: FindingContent) => readonly string[]>>;

export type ScalarField = keyof typeof SCALAR_LABELS;
export type ListField = keyof typeof LIST_ITEMS;
export type TextField = Exclude<Field, ScalarField | ListField>;
export type FieldKind = 'scalar' | 'list' | 'text';

/** How each field is compared and shown. */
export const FIELD_KINDS: Record<Field, FieldKind> = {
  targetOrgan: 'scalar',
  origin: 'scalar',
  direction: 'scalar',
  species: 'scalar',
  evSource: 'text',
  evSourceTerms: 'list',
  cargo: 'list',
  recipientCell: 'text',
  recipientCellTerms: 'list',
  modelDisease: 'text',
  diseaseTerms: 'list',
  condition: 'text',
  result: 'text',
  studyType: 'scalar',
  effectDirection: 'scalar',
  mechanism: 'list',
  targetGeneTerms: 'list',
  evType: 'scalar',
  separationMethods: 'list',
  particleAnalysis: 'list',
  emMethods: 'list',
  methodTerms: 'list',
  markersPositive: 'list',
  markersNegative: 'list',
  evidenceQuote: 'text',
  evidenceLocation: 'text',
  curatorNote: 'text',
};

export type TextPart = { value: string; added?: boolean; removed?: boolean };

export type FieldDiff =
  | { field: ScalarField; label: string; kind: 'scalar'; before: string | null; after: string | null }
  | { field: ListField; label: string; kind: 'list'; added: string[]; removed: string[] }
  | { field: TextField; label: string; kind: 'text'; parts: TextPart[] };

/** A cargo item as shown in diffs: "miR-1 (miRNA)", with its term when grounded. A changed type is a removal plus an addition. */
export function cargoItemText(item: CargoItem): string {
  return `${item.name} (${item.type})${item.curie ? ` [${item.curie}]` : ''}`;
}

function isScalar(field: Field): field is ScalarField {
  return FIELD_KINDS[field] === 'scalar';
}
function isList(field: Field): field is ListField {
  return FIELD_KINDS[field] === 'list';
}

function scalarDiff(field: ScalarField, a: FindingContent | null, b: FindingContent): FieldDiff | null {
  const before = a ? a[field] : null;
  const after = b[field];
  if (before === after) return null;
  const show = (v: string | null) => (v === null ? null : SCALAR_LABELS[field](v));
  return { field, label: FIELD_LABELS[field], kind: 'scalar', before: show(before), after: show(after) };
}

function listDiff(field: ListField, a: FindingContent | null, b: FindingContent): FieldDiff | null {
  const before = new Set(a ? LIST_ITEMS[field](a) : []);
  const after = new Set(LIST_ITEMS[field](b));
  const added = [...after].filter((x) => !before.has(x));
  const removed = [...before].filter((x) => !after.has(x));
  if (added.length === 0 && removed.length === 0) return null;
  return { field, label: FIELD_LABELS[field], kind: 'list', added, removed };
}

function textDiff(field: TextField, a: FindingContent | null, b: FindingContent): FieldDiff | null {
  const before = a ? a[field] : '';
  const after = b[field];
  if (before === after) return null;
  const parts = diffWords(before, after).map(({ value, added, removed }) => ({
    value,
    ...(added ? { added: true } : {}),
    ...(removed ? { removed: true } : {}),
  }));
  return { field, label: FIELD_LABELS[field], kind: 'text', parts };
}

/**
 * The fields of `b` that differ from `a`, in FINDING_FIELDS order. With no
 * previous revision (`a` null) every non-empty field of `b` is listed.
 */
export function diffFindings(a: FindingContent | null, b: FindingContent): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of FINDING_FIELDS) {
    const d = isScalar(field) ? scalarDiff(field, a, b) : isList(field) ? listDiff(field, a, b) : textDiff(field, a, b);
    if (d) diffs.push(d);
  }
  return diffs;
}

export function changedFields(a: FindingContent | null, b: FindingContent): Field[] {
  return diffFindings(a, b).map((d) => d.field);
}
