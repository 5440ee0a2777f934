/**
 * The envelopes of the curation operations (which finding, which lock version, which editing
 * sitting), shared by the server actions and the write API. The finding's content itself is
 * validated inside the transaction with findingDraftSchema / findingContentSchema (lib/finding/schema),
 * because which of the two applies (draft or submission) is decided there.
 */
import '../validation/zod-config';
import { z } from 'zod';
import { doiSchema } from '../doi';

const id = (what: string) =>
  z.coerce
    .number({ error: `Unknown ${what}.` })
    .int({ error: `Unknown ${what}.` })
    .positive({ error: `Unknown ${what}.` });
const lockVersion = z.coerce
  .number({ error: 'Send the lockVersion the edit started from.' })
  .int()
  .nonnegative({ error: 'Send the lockVersion the edit started from.' });
const editSession = z
  .string()
  .regex(/^[\w-]{8,64}$/, { error: 'A malformed editing session; reload the page.' })
  .nullish()
  .transform((s) => s ?? null);

/** A new finding on a source given by id (the form) or by DOI (the API). */
export const createFindingRequest = z
  .object({
    sourceId: id('source').optional(),
    doi: doiSchema.optional(),
    content: z.unknown(),
    changeSummary: z.unknown().optional(),
    editSession,
  })
  .refine((r) => (r.sourceId === undefined) !== (r.doi === undefined), {
    error: 'Give the source as "doi".',
    path: ['doi'],
  });

export const saveDraftRequest = z.object({
  findingId: id('finding'),
  lockVersion,
  content: z.unknown(),
  changeSummary: z.unknown().optional(),
  editSession,
});

export const submitFindingRequest = saveDraftRequest.extend({ content: z.unknown().optional() });

export const revertRequest = z.object({
  findingId: id('finding'),
  lockVersion,
  revisionNo: z.coerce.number({ error: 'Choose a revision.' }).int().positive({ error: 'Choose a revision.' }),
});
