import '../validation/zod-config';
/** Inputs of the source-text operations (server/use-cases/source-text.ts): what forms and the API send. */
import { z } from 'zod';
import { SOURCE_TEXT_LIMITS } from './types';

const sourceId = z.coerce
  .number({ error: 'Expected a source id.' })
  .int({ error: 'Expected a source id.' })
  .positive({ error: 'Expected a source id.' });

export const pasteTextSchema = z.object({
  sourceId,
  text: z.string({ error: 'Paste the text of the paper.' }).max(SOURCE_TEXT_LIMITS.maxChars, {
    error: `At most ${SOURCE_TEXT_LIMITS.maxChars.toLocaleString('en')} characters of text.`,
  }),
});

export const UPLOAD_KINDS = ['pdf', 'jats'] as const;

export const uploadTextSchema = z.object({
  sourceId,
  kind: z.enum(UPLOAD_KINDS, { error: 'Upload a PDF or a JATS XML file.' }),
  filename: z.string().max(255).default(''),
  bytes: z.instanceof(Uint8Array, { error: 'Expected a file.' }),
});

export const TEXT_SERVICES = ['europepmc', 'crossref'] as const;

export const fetchTextSchema = z.object({
  sourceId,
  service: z.enum(TEXT_SERVICES, { error: 'Choose Europe PMC or Crossref.' }),
});

export type PasteTextInput = z.input<typeof pasteTextSchema>;
