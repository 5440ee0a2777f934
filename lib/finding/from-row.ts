import type { CargoItem, FindingContent } from './schema';

/** The columns of a stored revision that make up its content (labels are derived). */
export type RevisionColumns = {
  targetOrgan: string;
  origin: string;
  direction: string;
  species: string;
  evSource: string;
  cargo: CargoItem[];
  recipientCell: string;
  modelDisease: string;
  result: string;
  studyType: string | null;
  effectDirection: string | null;
  mechanism: string[];
  evType: string | null;
  separationMethods: string[];
  particleAnalysis: string[];
  emMethods: string[];
  markersPositive: string[];
  markersNegative: string[];
  evidenceQuote: string;
  evidenceLocation: string;
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
    cargo: r.cargo,
    recipientCell: r.recipientCell,
    modelDisease: r.modelDisease,
    result: r.result,
    studyType: r.studyType,
    effectDirection: r.effectDirection,
    mechanism: r.mechanism,
    evType: r.evType,
    separationMethods: r.separationMethods,
    particleAnalysis: r.particleAnalysis,
    emMethods: r.emMethods,
    markersPositive: r.markersPositive,
    markersNegative: r.markersNegative,
    evidenceQuote: r.evidenceQuote,
    evidenceLocation: r.evidenceLocation,
    curatorNote: r.curatorNote,
  } as FindingContent;
}
