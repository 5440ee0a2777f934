/** A curator's answer to a proposed move of a quote (issue 12, item 4), shared by the queue page and its use case. */
import '../validation/zod-config';
import { z } from 'zod';

export const ANCHORING_DECISIONS = ['accepted', 'rejected'] as const;
export type AnchoringDecision = (typeof ANCHORING_DECISIONS)[number];

export const decideAnchoringRequest = z.object({
  anchoringId: z.coerce
    .number({ error: 'Unknown proposal.' })
    .int({ error: 'Unknown proposal.' })
    .positive({ error: 'Unknown proposal.' })
    .max(2_147_483_647, { error: 'Unknown proposal.' }),
  decision: z.enum(ANCHORING_DECISIONS, { error: 'Accept or reject the proposed place.' }),
});

export type DecideAnchoringRequest = z.output<typeof decideAnchoringRequest>;
