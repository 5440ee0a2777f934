import '../validation/zod-config';
import { z } from 'zod';
import { longText, optionalShortText } from '../validation/text';

export const commentSchema = z.object({
  findingId: z.coerce.number().int().positive(),
  parentId: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
  body: longText(5_000),
});

export const FLAG_REASONS = [
  { value: 'wrong_doi', label: 'Wrong DOI' },
  { value: 'typo', label: 'Typo' },
  { value: 'wrong_value', label: 'Wrong value in a field' },
  { value: 'duplicate', label: 'Duplicate finding' },
  { value: 'retracted', label: 'Source retracted' },
  { value: 'other', label: 'Other' },
] as const;

export const flagSchema = z
  .object({
    findingId: z.coerce.number().int().positive(),
    reason: z.enum(FLAG_REASONS.map((r) => r.value) as [string, ...string[]], { error: 'Choose a reason.' }),
    note: optionalShortText(1_000),
  })
  .refine((f) => f.reason !== 'other' || f.note.length > 0, { error: 'Describe the problem.', path: ['note'] });

export const resolveFlagSchema = z.object({
  flagId: z.coerce.number().int().positive(),
  resolution: longText(2_000),
});

export const flagReasonLabel = (v: string) => FLAG_REASONS.find((r) => r.value === v)?.label ?? v;
