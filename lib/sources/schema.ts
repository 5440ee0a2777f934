import '../validation/zod-config';
/**
 * Input schemas for sources (one per input; forms, actions and queries share them).
 */
import { z } from 'zod';
import { DOI_MAX_LENGTH, DOI_MESSAGES, doiSchema } from '../doi';
import { optionalShortText, shortText } from '../validation/text';

export const METADATA_ORIGINS = ['crossref', 'bundled', 'manual'] as const;
export type MetadataOrigin = (typeof METADATA_ORIGINS)[number];
/** Where a new source's metadata can come from (bundled is the seed's). */
export const NEW_SOURCE_ORIGINS = ['crossref', 'manual'] as const;
export type NewSourceOrigin = (typeof NEW_SOURCE_ORIGINS)[number];

export const SOURCE_LIMITS = { title: 1000, authors: 2000, journal: 300, volumePages: 100, minYear: 1800 } as const;

/** Latest plausible publication year: next year (journals date issues ahead). Read per parse, not per process. */
export const maxSourceYear = () => new Date().getFullYear() + 1;

/** Optional plain text; empty (or null) is stored as null. */
const optionalText = (max: number) =>
  optionalShortText(max)
    .nullable()
    .transform((s) => s || null);

const yearMessage = () => `A year between ${SOURCE_LIMITS.minYear} and ${maxSourceYear()}, like 2014.`;

/** "2014" / 2014 → 2014; "" / null / missing → null. */
const yearSchema = z
  .union([z.string(), z.number(), z.null()], { error: yearMessage })
  .optional()
  .transform((v) => (typeof v === 'string' ? v.trim() || null : (v ?? null)))
  .pipe(
    z.coerce
      .number<string | number>({ error: yearMessage })
      .int({ error: yearMessage })
      .min(SOURCE_LIMITS.minYear, { error: yearMessage })
      .refine((y) => y <= maxSourceYear(), { error: yearMessage })
      .nullable(),
  );

/** PubMed id: 1–9 digits, a "PMID:" label is dropped; empty → null. */
const pmidSchema = z
  .string({ error: 'A PMID is 1–9 digits, like 25064300.' })
  .max(40, { error: 'A PMID is 1–9 digits, like 25064300.' })
  .nullish()
  .transform((s) => (s ?? '').trim().replace(/^pmid:\s*/i, ''))
  .pipe(z.string().regex(/^(?:\d{1,9})?$/, { error: 'A PMID is 1–9 digits, like 25064300.' }))
  .transform((s) => s || null);

export const sourceMetadataSchema = z.object({
  doi: doiSchema,
  title: shortText(SOURCE_LIMITS.title),
  authors: optionalText(SOURCE_LIMITS.authors),
  journal: optionalText(SOURCE_LIMITS.journal),
  year: yearSchema,
  volumePages: optionalText(SOURCE_LIMITS.volumePages),
  pmid: pmidSchema,
});
export type SourceMetadataInput = z.input<typeof sourceMetadataSchema>;
export type SourceMetadataData = z.output<typeof sourceMetadataSchema>;

/** Everything but the DOI, which identifies a source and never changes. */
export const sourceMetadataEditSchema = sourceMetadataSchema.omit({ doi: true });
export type SourceMetadataEditInput = z.input<typeof sourceMetadataEditSchema>;
export type SourceMetadataEditData = z.output<typeof sourceMetadataEditSchema>;

/** Step 1 of adding a source: the DOI as typed; `lookupDoi` normalizes and explains. */
export const doiLookupSchema = z.object({
  doi: z
    .string({ error: DOI_MESSAGES.empty })
    .max(DOI_MAX_LENGTH * 4, { error: DOI_MESSAGES.tooLong })
    .refine((s) => s.trim() !== '', { error: DOI_MESSAGES.empty }),
});
export type DoiLookupInput = z.input<typeof doiLookupSchema>;

export const createSourceSchema = sourceMetadataSchema.extend({
  origin: z.enum(NEW_SOURCE_ORIGINS, { error: 'Unknown metadata origin.' }),
});
export type CreateSourceInput = z.input<typeof createSourceSchema>;

export const updateSourceSchema = sourceMetadataEditSchema.extend({
  sourceId: z.coerce.number({ error: 'Unknown source.' }).int().positive({ error: 'Unknown source.' }),
});
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;
