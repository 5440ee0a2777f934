import { DomainError } from '../lib/errors';

export const BONE = 'UBERON:0001474';
export const MOUSE = 'NCBITaxon:10090';

/** A valid finding's content (as a form would send it), with overrides. */
export const validContent = (over: Record<string, unknown> = {}) => ({
  targetOrgan: BONE,
  direction: 'muscle_to_organ',
  species: MOUSE,
  evSource: 'C2C12 cells',
  cargo: [
    { name: 'MIR-133A', type: 'miRNA' },
    { name: 'CD63', type: 'protein' },
  ],
  recipientCell: 'BMSCs',
  result: 'Muscle EVs promote osteogenic differentiation.',
  ...over,
});

/** The DomainError a call fails with; fails the test when it succeeds or throws anything else. */
export async function domainFailure(p: PromiseLike<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}
