import '../validation/zod-config';
/** Inputs of the exclusion-reason operations (server/use-cases/exclusion-reasons.ts): what the admin forms send. */
import { z } from 'zod';

const reasonId = z.coerce
  .number({ error: 'Expected a reason.' })
  .int({ error: 'Expected a reason.' })
  .positive({ error: 'Expected a reason.' });

const label = z
  .string({ error: 'Give the reason a label.' })
  .trim()
  .min(3, { error: 'At least 3 characters.' })
  .max(200, { error: 'At most 200 characters.' });

export const addExclusionReasonSchema = z.object({ label });
export const renameExclusionReasonSchema = z.object({ id: reasonId, label });
export const setExclusionReasonActiveSchema = z.object({
  id: reasonId,
  active: z.preprocess((v) => v === true || v === 'true', z.boolean()),
});

/** An `?after=` id cursor: undefined when absent, null when not understood. */
export function idCursorOf(raw: string | string[] | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  return typeof raw === 'string' && /^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
