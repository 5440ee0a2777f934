import '../validation/zod-config';
/** Inputs of the literature operations (server/use-cases/literature.ts): what forms and the API send. */
import { z } from 'zod';
import { INTAKE_FORMATS } from './types';

const id = (what: string) =>
  z.coerce
    .number({ error: `Expected ${what}.` })
    .int({ error: `Expected ${what}.` })
    .positive({ error: `Expected ${what}.` });

export const intakeUploadSchema = z.object({
  filename: z.string().max(255).default('upload'),
  format: z
    .enum(INTAKE_FORMATS, { error: 'Choose RIS, BibTeX, PubMed (.nbib), CSL-JSON or a list of ids.' })
    .optional(),
  bytes: z.instanceof(Uint8Array, { error: 'Expected a file.' }),
});

export const screeningDecisionSchema = z.object({
  candidateId: id('a candidate'),
  decision: z.enum(['include', 'exclude', 'maybe'], { error: 'Include, exclude or maybe.' }),
  reasonId: z.preprocess((v) => (v === '' || v === undefined ? null : v), id('a reason').nullable()),
  note: z.string().trim().max(1000, { error: 'At most 1,000 characters.' }).default(''),
});

export const candidateRefSchema = z.object({ candidateId: id('a candidate') });

export const suggestPaperSchema = z.object({
  identifier: z.string().trim().min(1, { error: 'Give a DOI or a PMID.' }).max(300),
  reason: z.string().trim().min(3, { error: 'Say in a few words why this paper belongs here.' }).max(1000),
});

export type ScreeningDecisionInput = z.input<typeof screeningDecisionSchema>;
