/**
 * A value of a grounded field: a term of a controlled vocabulary (`curie` set)
 * or free text a curator kept because no term fits yet (`curie` null — shown
 * and exported as *ungrounded*, and offered to the grounding queue).
 */
export type TermRef = { curie: string | null; label: string };

/** The grounded fields of a finding with nothing grounded yet (content written before grounding, test fixtures). */
export const NO_TERMS = {
  evSourceTerms: [] as TermRef[],
  recipientCellTerms: [] as TermRef[],
  diseaseTerms: [] as TermRef[],
  condition: '',
  targetGeneTerms: [] as TermRef[],
  methodTerms: [] as TermRef[],
};
