/** The grounding queue's inputs, shared by the page's form and the use case (server/use-cases/grounding.ts). */
import '../validation/zod-config';
import { z } from 'zod';
import { curieSchema } from './fields';

/** A curator's choice on a proposal: one of its candidate terms, or null ("none of these": dismiss it). */
export const resolveProposalRequest = z.object({
  proposalId: z.coerce
    .number({ error: 'Unknown proposal.' })
    .int({ error: 'Unknown proposal.' })
    .positive({ error: 'Unknown proposal.' })
    .max(2_147_483_647, { error: 'Unknown proposal.' }),
  // The form's "none of these" sends ""; the API sends null. A missing choice is an error, not a dismissal.
  curie: z.preprocess(
    (v) => (v === '' ? null : v),
    z.union([z.null(), curieSchema], { error: 'Choose one of the proposed terms, or “none of these”.' }),
  ),
});

export type ResolveProposalRequest = z.output<typeof resolveProposalRequest>;

/** The queue page's `after` cursor (a proposal id); undefined for the first page, null when malformed. */
export function proposalCursorOf(raw: string | string[] | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  return typeof raw === 'string' && /^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
