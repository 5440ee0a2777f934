/**
 * Links the reader hands to the finding form (issue 12, items 3 and 5): a span as evidence for a new finding
 * or a draft, and a highlighted term added to a field of a draft. The edit page reads `add=<field>:<value>`.
 */
import type { MentionType, MisevSlot } from '@/lib/annotate/types';
import { newFindingPath } from '@/lib/sources/paths';

/** Finding fields a highlighted term can be added to, as `add=<field>:<curie or name>`. */
export const READER_ADD_FIELDS = [
  'cargo',
  'recipientCell',
  'markersPositive',
  'evSource',
  'disease',
  'separationMethods',
  'particleAnalysis',
  'emMethods',
  'targetOrgan',
] as const;
export type ReaderAddField = (typeof READER_ADD_FIELDS)[number];

export const READER_ADD_FIELD_LABELS: Record<ReaderAddField, string> = {
  cargo: 'cargo',
  recipientCell: 'recipient cell',
  markersPositive: 'markers (positive)',
  evSource: 'EV source',
  disease: 'disease',
  separationMethods: 'separation methods',
  particleAnalysis: 'particle analysis',
  emMethods: 'EM methods',
  targetOrgan: 'target organ',
};

/** Which fields a term of each type fits; EV methods go where their MISEV slot says. */
const FIELDS_BY_TYPE: Record<MentionType, readonly ReaderAddField[]> = {
  mirna: ['cargo'],
  gene: ['cargo'],
  cell: ['recipientCell', 'evSource'],
  cell_line: ['recipientCell', 'evSource'],
  anatomy: ['targetOrgan', 'evSource'],
  species: [],
  disease: ['disease'],
  ev_method: [],
  marker: ['markersPositive', 'cargo'],
};

export type AddableTerm = {
  type: MentionType;
  curie: string | null;
  name?: string | null;
  text: string;
  misev?: MisevSlot | null;
};

export type AddTarget = { field: ReaderAddField; value: string; label: string };

/** The fields a term can be added to, each with the value sent: the CURIE, else its name, else its text. */
export function addTargetsFor(term: AddableTerm): AddTarget[] {
  if (term.type === 'ev_method') {
    return term.misev ? [{ ...term.misev, label: READER_ADD_FIELD_LABELS[term.misev.field] }] : [];
  }
  const value = term.curie ?? (term.name?.trim() || term.text.trim());
  if (!value) return [];
  return FIELDS_BY_TYPE[term.type].map((field) => ({ field, value, label: READER_ADD_FIELD_LABELS[field] }));
}

export function draftEditPath(publicId: string): string {
  return `/findings/${encodeURIComponent(publicId)}/edit`;
}

/** The draft's edit page with a term to add. */
export function addTermPath(publicId: string, target: Pick<AddTarget, 'field' | 'value'>): string {
  return `${draftEditPath(publicId)}?add=${encodeURIComponent(`${target.field}:${target.value}`)}`;
}

export type EvidenceSpan = { snapshotId: number; start: number; end: number };

/** A new finding from this source with the span as its evidence. */
export function newEvidencePath(doi: string, span: EvidenceSpan): string {
  return `${newFindingPath(doi)}&snapshot=${span.snapshotId}&start=${span.start}&end=${span.end}`;
}

/** One of my drafts with the span as its evidence. */
export function draftEvidencePath(publicId: string, span: EvidenceSpan): string {
  return `${draftEditPath(publicId)}?snapshot=${span.snapshotId}&start=${span.start}&end=${span.end}`;
}
