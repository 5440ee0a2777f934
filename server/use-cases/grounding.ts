/** The grounding queue: a curator's choice on a proposal the grounding of existing findings opened. */
import 'server-only';
import { resolveGroundingProposal } from '@/db/queries/grounding-proposals';
import { resolveProposalRequest } from '@/lib/vocab/grounding-request';
import { defineUseCase } from '../use-case';

export const resolveGroundingProposalUseCase = defineUseCase({
  name: 'grounding.resolve',
  role: 'curator',
  input: resolveProposalRequest,
  entity: 'grounding_proposal',
  run: ({ db, actor }, input) => resolveGroundingProposal(db, actor, input),
  // A chosen term is a submitted revision: the lists and queues that show it change.
  revalidate: () => ['/grounding', '/findings', '/review', '/my-work'],
});
