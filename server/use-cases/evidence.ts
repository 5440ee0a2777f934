/** Evidence quotes re-anchored in a newer text of their source: a curator accepts or rejects a proposed move. */
import 'server-only';
import { decideAnchoring } from '@/db/queries/reanchor';
import { decideAnchoringRequest } from '@/lib/evidence/decision';
import { defineUseCase } from '../use-case';

/** The queue page of quotes to re-anchor. */
export const ANCHORS_PAGE = '/evidence/anchors';

export const decideAnchoringUseCase = defineUseCase({
  name: 'evidence.decide',
  role: 'curator',
  input: decideAnchoringRequest,
  entity: 'anchoring',
  run: ({ db, actor }, input) => decideAnchoring(db, actor.id, input.anchoringId, input.decision),
  // The finding page shows where its quote sits now.
  revalidate: () => [ANCHORS_PAGE, ['/findings/[id]', 'page']],
});
