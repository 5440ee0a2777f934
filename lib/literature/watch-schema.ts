/** Inputs of the literature watch (issue 13, items 1b and 5): saved searches and release overrides. */
import '../validation/zod-config';
import { z } from 'zod';
import { longText, shortText } from '../validation/text';
import { buildEuropePmcQuery } from './europepmc-search';

export const SEARCH_SCHEDULES = ['manual', 'daily', 'weekly'] as const;
export type SearchSchedule = (typeof SEARCH_SCHEDULES)[number];

const optionalDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A date in the form YYYY-MM-DD.' })
    .optional(),
);

export const savedSearchSchema = z
  .object({
    name: shortText(200),
    query: z
      .string({ error: 'Required.' })
      .trim()
      .min(1, { error: 'Enter a search query.' })
      .max(4000, { error: 'At most 4,000 characters.' }),
    fromDate: optionalDate,
    toDate: optionalDate,
    schedule: z.enum(SEARCH_SCHEDULES, { error: 'Choose manual, daily or weekly.' }).default('manual'),
  })
  .superRefine((s, ctx) => {
    const built = buildEuropePmcQuery(s);
    if (!built.ok) ctx.addIssue({ code: 'custom', path: ['query'], message: built.message });
  });
export type SavedSearchInput = z.input<typeof savedSearchSchema>;

export const searchRefSchema = z.object({ searchId: z.coerce.number().int().positive() });

export const releaseOverrideSchema = z.object({
  findingId: z.coerce.number().int().positive(),
  comment: longText(2_000),
});

/** How long until a saved search on this schedule is due again (null: only run by hand). */
export function scheduleInterval(schedule: string): number | null {
  if (schedule === 'daily') return 24 * 3600_000;
  if (schedule === 'weekly') return 7 * 24 * 3600_000;
  return null;
}
