import type { FindingRevision } from '@/db/schema';
import type { FindingDraft } from '@/lib/finding/schema';
import { organLabel, SKELETAL_MUSCLE } from '@/lib/vocab';

export const EMPTY_FINDING: FindingDraft = {
  targetOrgan: '',
  origin: SKELETAL_MUSCLE,
  direction: '',
  species: '',
  evSource: '',
  evSourceTerms: [],
  cargo: [],
  recipientCell: '',
  recipientCellTerms: [],
  modelDisease: '',
  diseaseTerms: [],
  condition: '',
  result: '',
  studyType: null,
  effectDirection: null,
  mechanism: [],
  targetGeneTerms: [],
  evType: null,
  separationMethods: [],
  particleAnalysis: [],
  emMethods: [],
  methodTerms: [],
  markersPositive: [],
  markersNegative: [],
  evidenceQuote: '',
  evidenceLocation: '',
  evidenceAnchor: null,
  evidenceUnverified: false,
  curatorNote: '',
};

/** Labels of the single-valued term ids a form starts with: the revision's own, or the new form's donor organ. */
export function termLabelsOf(r?: Pick<FindingRevision, 'origin' | 'originLabel' | 'targetOrgan' | 'targetOrganLabel'>) {
  if (!r) return { [SKELETAL_MUSCLE]: organLabel(SKELETAL_MUSCLE) };
  return { [r.origin]: r.originLabel, ...(r.targetOrgan ? { [r.targetOrgan]: r.targetOrganLabel } : {}) };
}
