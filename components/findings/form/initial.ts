import type { FindingRevision } from '@/db/schema';
import { revisionToContent } from '@/lib/finding/from-row';
import type { FindingDraft } from '@/lib/finding/schema';
import { SKELETAL_MUSCLE } from '@/lib/vocab';
import { toFormValues, type FindingFormValues } from './types';

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
  curatorNote: '',
};

export function revisionFormValues(r: FindingRevision, changeSummary: string): FindingFormValues {
  return toFormValues(revisionToContent(r) as FindingDraft, changeSummary);
}
