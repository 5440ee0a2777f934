import '../validation/zod-config';
import { z } from 'zod';
import { IMPORT_MODES, MAX_IMPORT_BYTES } from './types';

export const IMPORT_INTENTS = ['dry_run', 'commit'] as const;
export type ImportIntent = (typeof IMPORT_INTENTS)[number];

/** The import form's fields as the server action receives them (FormData). */
export const importFormSchema = z.object({
  intent: z.enum(IMPORT_INTENTS, { error: 'Choose Dry run or Commit.' }),
  mode: z.enum(IMPORT_MODES, { error: 'Choose drafts or submit for review.' }),
  file: z
    .instanceof(File, { error: 'Choose a CSV or JSON file.' })
    .refine((f) => f.size > 0, { error: 'The file is empty.' })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, {
      error: `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`,
    }),
});

/** An import as every entry point hands it over: the form's upload or the API's request body. */
export const importRequestSchema = z.object({
  intent: z.enum(IMPORT_INTENTS, { error: 'Choose Dry run or Commit.' }),
  mode: z.enum(IMPORT_MODES, { error: 'Choose drafts or submit for review.' }),
  file: z
    .object(
      {
        name: z.string().max(255).default('upload'),
        size: z.number().int().nonnegative(),
        bytes: z.instanceof(Uint8Array),
      },
      { error: 'Choose a CSV or JSON file.' },
    )
    .refine((f) => f.size > 0, { error: 'The file is empty.' })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, {
      error: `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`,
    }),
});
export type ImportRequest = z.output<typeof importRequestSchema>;
