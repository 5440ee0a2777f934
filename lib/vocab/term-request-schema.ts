/**
 * A curator's request for a term the vocabularies lack, and an admin's decision on it: accept it
 * as a local term (EVXT:…), map its text to an existing term, or decline it. The shapes are
 * checked here; whether the parent or the target exists and fits is checked against the terms
 * table in the deciding transaction (db/queries/term-requests.ts).
 */
import '../validation/zod-config';
import { z } from 'zod';
import { longText, optionalLongText } from '../validation/text';
import { curieSchema, KIND_LABELS } from './fields';
import { LOCAL_VOCABULARY, type TermKind } from './sources';

export const TERM_KINDS = Object.keys(KIND_LABELS) as [TermKind, ...TermKind[]];

export const TERM_REQUEST_STATUSES = ['open', 'accepted', 'mapped', 'declined'] as const;
export type TermRequestStatus = (typeof TERM_REQUEST_STATUSES)[number];

/**
 * The kinds a requested term's parent may be: its own, and for a cell line the cell type it
 * derives from (so filtering by that cell type finds the line).
 */
export const PARENT_KINDS: Record<TermKind, readonly TermKind[]> = {
  anatomy: ['anatomy'],
  cell: ['cell'],
  cell_line: ['cell_line', 'cell'],
  taxon: ['taxon'],
  mirna: ['mirna'],
  disease: ['disease'],
  phenotype: ['phenotype'],
  method: ['method'],
  gene: ['gene'],
};

/** The stable CURIE of the local term an accepted request becomes: its id, never reused. */
export function localCurieOf(requestId: number): string {
  return `${LOCAL_VOCABULARY.prefix}:${String(requestId).padStart(7, '0')}`;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const CONTROL = /[\u0000-\u001F\u007F]/;

/** A term's label: what a finding's value will read, so it obeys the rules of a list value. */
export const termLabelSchema = z
  .string({ error: 'Give the term a label.' })
  .trim()
  .min(1, { error: 'Give the term a label.' })
  .max(200, { error: 'At most 200 characters.' })
  .refine((s) => !CONTROL.test(s), { error: 'Must be a single line without control characters.' })
  .refine((s) => !s.includes(';'), { error: 'Cannot contain ";" (it separates list items).' });

export const termRequestSchema = z.object({
  kind: z.enum(TERM_KINDS, { error: 'Choose what the term names.' }),
  label: termLabelSchema,
  definition: longText(2000).pipe(
    z.string().min(10, { error: 'Define the term in at least a sentence (10 characters or more).' }),
  ),
  parentCurie: z.preprocess(blankToUndefined, curieSchema.optional()),
  reason: longText(1000),
});

export type TermRequestInput = z.input<typeof termRequestSchema>;
export type TermRequest = z.output<typeof termRequestSchema>;

const requestId = z.coerce
  .number({ error: 'Expected a request number.' })
  .int({ error: 'Expected a request number.' })
  .positive({ error: 'Expected a request number.' });

const note = optionalLongText(1000);

export const acceptTermRequestSchema = z.object({ id: requestId, note });
export const mapTermRequestSchema = z.object({ id: requestId, curie: curieSchema, note });
export const declineTermRequestSchema = z.object({
  id: requestId,
  note: z
    .string({ error: 'Say why the request is declined.' })
    .trim()
    .min(1, { error: 'Say why the request is declined.' })
    .pipe(longText(1000)),
});
/** Preview or run the grounding of findings that use an accepted or mapped request's text. */
export const groundByTextSchema = z.object({ id: requestId });

export type AcceptTermRequest = z.output<typeof acceptTermRequestSchema>;
export type MapTermRequest = z.output<typeof mapTermRequestSchema>;
export type DeclineTermRequest = z.output<typeof declineTermRequestSchema>;

/** The status filter of the requests page, from the URL; anything else shows all. */
export function parseStatusFilter(v: unknown): TermRequestStatus | 'all' {
  return typeof v === 'string' && (TERM_REQUEST_STATUSES as readonly string[]).includes(v)
    ? (v as TermRequestStatus)
    : v === undefined
      ? 'open'
      : 'all';
}

export const TERM_DECISIONS = ['accept', 'map', 'decline'] as const;
export type TermDecision = (typeof TERM_DECISIONS)[number];

const DECISION_SCHEMAS = {
  accept: acceptTermRequestSchema,
  map: mapTermRequestSchema,
  decline: declineTermRequestSchema,
} as const;

/** The admin's decision form: one choice, checked with the very schema of the action it will call. */
export const termDecisionFormSchema = z
  .object({
    decision: z.enum(TERM_DECISIONS, { error: 'Choose a decision.' }),
    curie: z.string().default(''),
    note: z.string().default(''),
  })
  .superRefine((v, ctx) => {
    const r = DECISION_SCHEMAS[v.decision].safeParse({ id: 1, curie: v.curie, note: v.note });
    if (!r.success)
      for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
