import '../validation/zod-config';
import { z } from 'zod';

/** Admin-editable settings: each key's schema and default. Unknown keys are never stored. */
export const SETTINGS = {
  approvalsRequired: {
    schema: z.coerce
      .number()
      .int()
      .min(1, { error: 'One or two approvals.' })
      .max(2, { error: 'One or two approvals.' }),
    default: 1,
    label: 'Approvals required',
    help: 'How many different reviewers must approve a revision (2 = dual review).',
  },
  publicRead: {
    schema: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
    default: true,
    label: 'Public read',
    help: 'Anyone, signed in or not, may browse and download approved findings.',
  },
  screeningMode: {
    schema: z.enum(['single', 'dual'], { error: 'Single or dual screening.' }),
    default: 'single' as 'single' | 'dual',
    label: 'Screening',
    help: 'Single: one screener decides. Dual: two screeners decide blind to each other; a disagreement goes to a third.',
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]['schema']> };

export const settingsUpdateSchema = z
  .object({
    approvalsRequired: SETTINGS.approvalsRequired.schema.optional(),
    publicRead: SETTINGS.publicRead.schema.optional(),
    screeningMode: SETTINGS.screeningMode.schema.optional(),
  })
  .strict();

/** Stored values over defaults; a stored value that no longer parses falls back to the default. */
export function resolveSettings(stored: Record<string, unknown>): Settings {
  const out = {} as Record<string, unknown>;
  for (const [key, def] of Object.entries(SETTINGS)) {
    const r = def.schema.safeParse(stored[key]);
    out[key] = key in stored && r.success ? r.data : def.default;
  }
  return out as Settings;
}
