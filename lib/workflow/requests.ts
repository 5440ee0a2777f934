/** The review operations' inputs, shared by the review page's actions and the write API. */
import '../validation/zod-config';
import { z } from 'zod';
import { LIMITS } from '../validation/text';
import { DECISIONS } from './index';

const findingId = z.coerce.number({ error: 'Unknown finding.' }).int().positive({ error: 'Unknown finding.' });
const lockVersion = z.coerce
  .number({ error: 'Send the lockVersion the decision was made on.' })
  .int()
  .nonnegative({ error: 'Send the lockVersion the decision was made on.' });

export const decisionRequest = z.object({
  findingId,
  revisionNo: z.coerce.number({ error: 'Send the revisionNo decided on.' }).int().positive(),
  lockVersion,
  decision: z.enum(DECISIONS, { error: 'Choose approve, request changes or reject.' }),
  comment: z
    .string()
    .max(LIMITS.longText, { error: `At most ${LIMITS.longText.toLocaleString('en')} characters.` })
    .refine((s) => !s.includes('\u0000'), { error: 'Contains a control character (such as NUL).' })
    .default(''),
});

export const findingTransitionRequest = z.object({
  findingId,
  lockVersion,
  comment: z.string().max(2_000, { error: 'At most 2,000 characters.' }).default(''),
});
