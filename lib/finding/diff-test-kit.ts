/** What the diff tests share: a valid finding's content (Bone, mouse, C2C12 EVs with miR-92a-3p), with overrides. */
import { findingContentSchema, type FindingContent, type FindingContentInput } from './schema';

const BASE = {
  targetOrgan: 'UBERON:0001474', // Bone
  direction: 'muscle_to_organ',
  species: 'NCBITaxon:10090', // Mouse
  evSource: 'C2C12 cells',
  cargo: [{ name: 'miR-92a-3p', type: 'miRNA' }],
  recipientCell: 'BMSCs',
  result: 'Promote osteogenic differentiation of BMSCs',
};

export const makeFinding = (extra: Partial<FindingContentInput> = {}): FindingContent =>
  findingContentSchema.parse({ ...BASE, ...extra });
