/** What the evidence.jsonld tests share: the collection's required shape, checked key by key. */
import { z } from 'zod';
import { ANNO_CONTEXT } from './evidence-jsonld';

const quoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const positionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

const annotation = z.strictObject({
  id: z.url().endsWith('#evidence'),
  type: z.literal('Annotation'),
  motivation: z.literal('describing'),
  body: z.strictObject({
    type: z.literal('SpecificResource'),
    source: z.url(),
    purpose: z.literal('describing'),
    'evx:revision': z.number().int().positive(),
  }),
  target: z.strictObject({
    source: z.url().startsWith('https://doi.org/'),
    // Both selectors for an anchored quote, the quote alone otherwise.
    selector: z.union([z.tuple([quoteSelector, positionSelector]), z.tuple([quoteSelector])]),
    'evx:snapshotSha256': z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    'evx:verified': z.boolean(),
  }),
});

/** The shape of evidence.jsonld (W3C Web Annotation model, section 5: a collection with its first page embedded). */
export const evidenceCollectionShape = z.strictObject({
  '@context': z.tuple([z.literal(ANNO_CONTEXT), z.strictObject({ evx: z.url() })]),
  id: z.url().endsWith('/evidence.jsonld'),
  type: z.literal('AnnotationCollection'),
  label: z.string().min(1),
  total: z.number().int().nonnegative(),
  first: z.strictObject({
    id: z.url(),
    type: z.literal('AnnotationPage'),
    startIndex: z.literal(0),
    items: z.array(annotation),
  }),
});
