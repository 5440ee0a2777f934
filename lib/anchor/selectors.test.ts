import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { normalizeForMatching, toNormalizedSpan } from './normalize';
import { codePointOffset, describe, positionSelector, SELECTOR_LIMITS, spanOf, utf16Offset } from './selectors';
import { PAPER } from './test-paper';

const NORMALIZED = normalizeForMatching(PAPER);

const at = (needle: string, from = 0) => {
  const start = PAPER.indexOf(needle, from);
  if (start < 0) throw new Error(`not in the paper: ${needle}`);
  return { start, end: start + needle.length };
};

group('describe', () => {
  it('gives the quote, the context on both sides cut at word boundaries, and the position', () => {
    const { start, end } = at('The 𝛼-tubulin loading control was stable');
    const d = describe(PAPER, start, end)!;
    expect(d.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'The 𝛼-tubulin loading control was stable',
      // whitespace in the context is shortened (the no-break space too): the matching form is the same
      prefix: 'far fewer vesicles (Fig. 3).\n\n',
      suffix: ' across conditions. In vivo,',
    });
    expect(d.span).toEqual({ start, end });
    // the position counts code points: 𝛼 is one character, two UTF-16 units
    expect(d.position).toEqual({ type: 'TextPositionSelector', start, end: end - 1 });
  });

  it('trims whitespace from the selection and widens it to whole characters and split words', () => {
    const { start, end } = at('\nmiR-133a than normoxic EVs ');
    expect(describe(PAPER, start, end)!.quote.exact).toBe('miR-133a than normoxic EVs');
    const split = at('differen-\ntiation');
    const d = describe(PAPER, split.start + 10, split.end)!;
    expect(d.quote.exact).toBe('differen-\ntiation');
    expect(d.span).toEqual(split);
    const accent = at('ca\u0301rdiac');
    expect(describe(PAPER, accent.start, accent.start + 3)!.quote.exact).toBe('ca\u0301');
  });

  it('keeps context short and within the limits even across long whitespace runs', () => {
    const text = `${'word '.repeat(20)}${' '.repeat(200)}target${'\n'.repeat(200)}${' more'.repeat(20)}`;
    const start = text.indexOf('target');
    const d = describe(text, start, start + 6)!;
    expect(d.quote.prefix!.length).toBeLessThanOrEqual(SELECTOR_LIMITS.context);
    expect(d.quote.suffix!.length).toBeLessThanOrEqual(SELECTOR_LIMITS.context);
    // whitespace runs in the context are shortened, so the words still fit
    expect(d.quote.prefix).toBe('word word word word word word ');
    expect(d.quote.suffix).toBe('\n\nmore more more more more more');
    const short = 'one two three four five';
    const e = describe(short, short.indexOf('three'), short.indexOf('three') + 5, { context: 6 })!;
    expect(e.quote).toMatchObject({ prefix: 'two ', suffix: ' four' });
  });

  it('has empty context at the edges of the text and falls back to a cut inside a long word', () => {
    const d = describe('alpha beta', 0, 5)!;
    expect(d.quote).toMatchObject({ exact: 'alpha', prefix: '', suffix: ' beta' });
    const long = `${'x'.repeat(100)}ABC`;
    expect(describe(long, 100, 103, { context: 10 })!.quote.prefix).toBe('x'.repeat(10));
  });

  it('returns null for whitespace or invisible characters only, and throws for a range outside the text', () => {
    expect(describe('a \n\u200B b', 1, 5)).toBeNull();
    expect(() => describe('abc', 2, 2)).toThrow(RangeError);
    expect(() => describe('abc', -1, 2)).toThrow(RangeError);
    expect(() => describe('abc', 0, 4)).toThrow(RangeError);
    expect(() => describe('abc', 0.5, 2)).toThrow(RangeError);
  });

  it('property: the quote is the text of its span, the position is that span in code points', () => {
    fc.assert(
      fc.property(fc.nat(PAPER.length - 1), fc.integer({ min: 1, max: 300 }), (s, len) => {
        const d = describe(PAPER, s, Math.min(PAPER.length, s + len));
        if (!d) return;
        expect(d.quote.exact).toBe(PAPER.slice(d.span.start, d.span.end));
        expect(spanOf(PAPER, d.position)).toEqual(d.span);
        expect(d.quote.prefix!.length).toBeLessThanOrEqual(SELECTOR_LIMITS.context);
        expect(d.quote.suffix!.length).toBeLessThanOrEqual(SELECTOR_LIMITS.context);
        // prefix and suffix stand right beside the quote (at most invisible characters between)
        const prefix = d.quote.prefix!;
        const suffix = d.quote.suffix!;
        const r = toNormalizedSpan(NORMALIZED, d.span.start, d.span.end);
        expect(NORMALIZED.text.slice(0, r.start).endsWith(normalizeForMatching(prefix).text)).toBe(true);
        expect(NORMALIZED.text.slice(r.end).startsWith(normalizeForMatching(suffix).text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

group('code points and UTF-16 offsets', () => {
  it('converts both ways around characters outside the BMP', () => {
    const text = 'a𝛼b😀c';
    expect(codePointOffset(text, 0)).toBe(0);
    expect(codePointOffset(text, 3)).toBe(2);
    expect(codePointOffset(text, text.length)).toBe(5);
    expect(utf16Offset(text, 2)).toBe(3);
    expect(utf16Offset(text, 5)).toBe(text.length);
    expect(utf16Offset(text, 6)).toBeNull();
    expect(utf16Offset('plain', 6)).toBeNull();
    expect(positionSelector(text, { start: 3, end: 6 })).toEqual({ type: 'TextPositionSelector', start: 2, end: 4 });
    expect(spanOf(text, { type: 'TextPositionSelector', start: 2, end: 4 })).toEqual({ start: 3, end: 6 });
    expect(spanOf(text, { type: 'TextPositionSelector', start: 2, end: 9 })).toBeNull();
  });

  it('property: the two conversions invert each other on code point boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, k) => {
        const points = [...text].length;
        const p = k % (points + 1);
        const u = utf16Offset(text, p)!;
        expect(codePointOffset(text, u)).toBe(p);
        expect([...text.slice(0, u)].length).toBe(p);
      }),
    );
  });
});

group('describe() and the quote limit', () => {
  it('cuts a selection that widening to whole units would take past SELECTOR_LIMITS.exact (fast-check found [938, +1996))', () => {
    const d = describe(PAPER, 938, Math.min(PAPER.length, 938 + 1996))!;
    expect(d.quote.exact.length).toBeLessThanOrEqual(SELECTOR_LIMITS.exact);
    expect(PAPER.slice(d.span.start, d.span.end)).toBe(d.quote.exact);
    expect(d.span.start).toBeGreaterThanOrEqual(930);
  });
});
