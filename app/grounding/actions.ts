'use server';

import { runAction } from '@/server/adapters/action';
import { resolveGroundingProposalUseCase } from '@/server/use-cases/grounding';

/** A curator's choice on a grounding proposal: a candidate term (a revision, to review) or none of these. */
export async function resolveGroundingProposalAction(input: unknown) {
  return runAction(resolveGroundingProposalUseCase, input);
}
