import '../validation/zod-config';
/**
 * Input schemas for W3C selectors (a quote chosen in the reader, a stored evidence anchor). Parsed values are
 * plain JSON, fit to store as jsonb. Quotes are kept verbatim (no trimming): they must match the snapshot.
 */
import { z } from 'zod';
import { matchForm } from './normalize';
import { SELECTOR_LIMITS } from './selectors';

// C0 controls except tab, newline and carriage return, plus DEL (jsonb cannot even hold NUL).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const NO_CONTROL = { error: 'Contains a control character (such as NUL).' };

const selectorText = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .max(max, { error: `${what}: at most ${max.toLocaleString('en')} characters.` })
    .refine((s) => !CONTROL_CHARS.test(s), NO_CONTROL);

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector', { error: 'Expected a TextQuoteSelector.' }),
  exact: selectorText(SELECTOR_LIMITS.exact, 'The quote').refine((s) => matchForm(s) !== '', {
    error: 'The quote is empty.',
  }),
  prefix: selectorText(SELECTOR_LIMITS.context, 'The text before the quote').optional(),
  suffix: selectorText(SELECTOR_LIMITS.context, 'The text after the quote').optional(),
});

const offset = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int({ error: `${what} must be a whole number.` })
    .nonnegative({ error: `${what} cannot be negative.` });

export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector', { error: 'Expected a TextPositionSelector.' }),
    start: offset('The start'),
    end: offset('The end'),
  })
  .refine((p) => p.end > p.start, { error: 'The end must come after the start.', path: ['end'] });

export const sha256Schema = z
  .string({ error: 'Expected a SHA-256.' })
  .regex(/^[0-9a-f]{64}$/, { error: 'A SHA-256 is 64 lowercase hexadecimal digits.' });

export const snapshotRefSchema = z.object({ sha256: sha256Schema });

/** What anchorQuote() takes: a quote, and where it stood in the snapshot it was made on. */
export const quoteTargetSchema = z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema.optional(),
});

/** A quote anchored in a snapshot: the selectors and the snapshot's hash. */
export const anchoredQuoteSchema = z.object({
  snapshot: snapshotRefSchema,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
});

export type AnchoredQuote = z.infer<typeof anchoredQuoteSchema>;
