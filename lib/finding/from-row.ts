import type { AnchoredQuote } from '../anchor/schema';
import type { TermRef } from '../vocab/term-ref';
import type { CargoItem, FindingContent } from './schema';

/** The columns of a stored revision that make up its content (labels are derived). */
export type RevisionColumns = {
  targetOrgan: string;
  origin: string;
  direction: string;
  species: string;
  evSource: string;
  evSourceTerms: TermRef[];
  cargo: CargoItem[];
  recipientCell: string;
  recipientCellTerms: TermRef[];
  modelDisease: string;
  diseaseTerms: TermRef[];
  condition: string;
  result: string;
  studyType: string | null;
  effectDirection: string | null;
  mechanism: string[];
  targetGeneTerms: TermRef[];
  evType: string | null;
  separationMethods: string[];
  particleAnalysis: string[];
  emMethods: string[];
  methodTerms: TermRef[];
  markersPositive: string[];
  markersNegative: string[];
  evidenceQuote: string;
  evidenceLocation: string;
  /** Absent in rows that carry no evidence anchoring (exports, API fixtures): no anchor, not marked. */
  evidenceAnchor?: AnchoredQuote | null;
  evidenceUnverified?: boolean;
  curatorNote: string;
};

/** The content columns with the vocabulary labels stored beside the ids. */
export type LabelledRevisionColumns = RevisionColumns & {
  targetOrganLabel: string;
  speciesLabel: string;
  originLabel: string;
};

/**
 * A stored revision as FindingContent. Rows were validated when written, so
 * the vocabulary values are trusted here rather than parsed again.
 */
export function revisionToContent(r: RevisionColumns): FindingContent {
  return {
    targetOrgan: r.targetOrgan,
    origin: r.origin,
    direction: r.direction,
    species: r.species,
    evSource: r.evSource,
    evSourceTerms: r.evSourceTerms,
    cargo: r.cargo,
    recipientCell: r.recipientCell,
    recipientCellTerms: r.recipientCellTerms,
    modelDisease: r.modelDisease,
    diseaseTerms: r.diseaseTerms,
    condition: r.condition,
    result: r.result,
    studyType: r.studyType,
    effectDirection: r.effectDirection,
    mechanism: r.mechanism,
    targetGeneTerms: r.targetGeneTerms,
    evType: r.evType,
    separationMethods: r.separationMethods,
    particleAnalysis: r.particleAnalysis,
    emMethods: r.emMethods,
    methodTerms: r.methodTerms,
    markersPositive: r.markersPositive,
    markersNegative: r.markersNegative,
    evidenceQuote: r.evidenceQuote,
    evidenceLocation: r.evidenceLocation,
    evidenceAnchor: r.evidenceAnchor ?? null,
    evidenceUnverified: r.evidenceUnverified ?? false,
    curatorNote: r.curatorNote,
  } as FindingContent;
}
