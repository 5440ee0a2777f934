import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import type { z } from 'zod';
import { zodFields } from '../errors';
import {
  anchoredQuoteSchema,
  quoteTargetSchema,
  sha256Schema,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
} from './schema';
import { describe } from './selectors';
import { PAPER } from './test-paper';

const SHA = createHash('sha256').update(PAPER, 'utf8').digest('hex');
const QUOTE = { type: 'TextQuoteSelector', exact: 'miR-133a', prefix: 'enriched in ', suffix: ' and' } as const;
const POSITION = { type: 'TextPositionSelector', start: 10, end: 18 } as const;

function fields(schema: z.ZodType, v: unknown) {
  const r = schema.safeParse(v);
  if (r.success) throw new Error('expected a validation error');
  return zodFields(r.error.issues);
}

group('textQuoteSelectorSchema', () => {
  it('accepts a selector and keeps the quote verbatim (no trimming)', () => {
    const q = { ...QUOTE, exact: ' miR-133a\n' };
    expect(textQuoteSelectorSchema.parse(q)).toEqual(q);
    expect(textQuoteSelectorSchema.parse({ type: 'TextQuoteSelector', exact: 'x' })).toEqual({
      type: 'TextQuoteSelector',
      exact: 'x',
    });
  });

  it('limits the quote to 2,000 characters and the context to 64', () => {
    expect(textQuoteSelectorSchema.safeParse({ ...QUOTE, exact: 'a'.repeat(2000) }).success).toBe(true);
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, exact: 'a'.repeat(2001) })).toEqual({
      exact: 'The quote: at most 2,000 characters.',
    });
    expect(
      textQuoteSelectorSchema.safeParse({ ...QUOTE, prefix: 'p'.repeat(64), suffix: 's'.repeat(64) }).success,
    ).toBe(true);
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, prefix: 'p'.repeat(65), suffix: 's'.repeat(65) })).toEqual({
      prefix: 'The text before the quote: at most 64 characters.',
      suffix: 'The text after the quote: at most 64 characters.',
    });
  });

  it('refuses an empty or invisible quote, control characters, and another selector type', () => {
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, exact: '' })).toEqual({ exact: 'The quote is empty.' });
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, exact: ' \u200B\n' })).toEqual({ exact: 'The quote is empty.' });
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, exact: 'a\u0000b' })).toEqual({
      exact: 'Contains a control character (such as NUL).',
    });
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, suffix: '\u0007' })).toEqual({
      suffix: 'Contains a control character (such as NUL).',
    });
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, type: 'TextPositionSelector' })).toEqual({
      type: 'Expected a TextQuoteSelector.',
    });
    expect(fields(textQuoteSelectorSchema, { ...QUOTE, exact: 42 })).toEqual({ exact: 'The quote must be text.' });
  });
});

group('textPositionSelectorSchema', () => {
  it('accepts whole, non-negative offsets with the end after the start', () => {
    expect(textPositionSelectorSchema.parse(POSITION)).toEqual(POSITION);
    expect(textPositionSelectorSchema.parse({ ...POSITION, start: 0, end: 1 })).toMatchObject({ start: 0 });
  });

  it('refuses negative, fractional and reversed positions, on the field at fault', () => {
    expect(fields(textPositionSelectorSchema, { ...POSITION, start: -1 })).toEqual({
      start: 'The start cannot be negative.',
    });
    expect(fields(textPositionSelectorSchema, { ...POSITION, end: 2.5 })).toEqual({
      end: 'The end must be a whole number.',
    });
    expect(fields(textPositionSelectorSchema, { ...POSITION, end: 10 })).toEqual({
      end: 'The end must come after the start.',
    });
    expect(fields(textPositionSelectorSchema, { ...POSITION, start: '3' })).toEqual({
      start: 'The start must be a number.',
    });
  });
});

group('anchored quotes', () => {
  it('needs a SHA-256 of 64 lowercase hex digits', () => {
    expect(sha256Schema.parse(SHA)).toBe(SHA);
    expect(sha256Schema.safeParse(SHA.toUpperCase()).success).toBe(false);
    expect(sha256Schema.safeParse(SHA.slice(1)).success).toBe(false);
    expect(fields(anchoredQuoteSchema, { snapshot: { sha256: 'x' }, quote: QUOTE, position: POSITION })).toEqual({
      'snapshot.sha256': 'A SHA-256 is 64 lowercase hexadecimal digits.',
    });
  });

  it('takes an optional position in a target, a required one in a stored anchor', () => {
    expect(quoteTargetSchema.parse({ quote: QUOTE })).toEqual({ quote: QUOTE });
    expect(anchoredQuoteSchema.safeParse({ snapshot: { sha256: SHA }, quote: QUOTE }).success).toBe(false);
  });

  it('property: whatever describe() gives for a selection parses, and survives JSON (jsonb) unchanged', () => {
    fc.assert(
      fc.property(fc.nat(PAPER.length - 1), fc.integer({ min: 1, max: 2000 }), (s, len) => {
        const d = describe(PAPER, s, Math.min(PAPER.length, s + len));
        if (!d) return;
        const stored = { snapshot: { sha256: SHA }, quote: d.quote, position: d.position };
        expect(anchoredQuoteSchema.parse(stored)).toEqual(stored);
        expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
      }),
      { numRuns: 300 },
    );
  });
});
