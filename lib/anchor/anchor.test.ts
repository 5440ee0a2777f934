import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { ANCHOR_LIMITS, anchorQuote, reanchor, verifyQuote } from './anchor';
import { normalizeForMatching } from './normalize';
import { describe, type QuoteTarget, type TextQuoteSelector } from './selectors';
import { PAPER, REPEATED, REPEATED_WITH_CONTEXT } from './test-paper';

const quote = (exact: string, prefix?: string, suffix?: string): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});
const spanOfText = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not in the text: ${needle}`);
  return { start, end: start + needle.length };
};
const describeAt = (text: string, needle: string, from = 0): QuoteTarget => {
  const { start, end } = spanOfText(text, needle, from);
  return describe(text, start, end)!;
};

group('anchorQuote in the snapshot it was made on', () => {
  it('finds a unique quote exactly, through ligatures, hyphenation, NBSP and typographic quotes', () => {
    const typed =
      'cardiac fibroblasts reduced collagen I expression by 42 % (p < 0.01) and slowed myofibroblast differentiation';
    const r = anchorQuote(PAPER, { quote: quote(typed) });
    expect(r.status).toBe('exact');
    if (r.status !== 'exact') return;
    expect(PAPER.slice(r.start, r.end)).toBe(
      'cardiac ﬁbroblasts reduced collagen I expression by 42\u00A0% (p\u202F<\u202F0.01) and slowed myoﬁbroblast differen-\ntiation',
    );
    expect(anchorQuote(PAPER, { quote: quote('"Exosomes" in the strict') }).status).toBe('exact');
  });

  it('singles out one of several occurrences by its context', () => {
    let from = 0;
    for (let k = 0; k < 2; k++) {
      const where = spanOfText(PAPER, REPEATED, from);
      const target = describe(PAPER, where.start, where.end)!;
      expect(anchorQuote(PAPER, { quote: target.quote })).toEqual({ status: 'exact', ...where });
      from = where.end;
    }
    const third = spanOfText(PAPER, 'EVs were isolated by ultracentrifugation\nfrom');
    const target = describe(PAPER, third.start, third.start + REPEATED_WITH_CONTEXT.length)!;
    expect(anchorQuote(PAPER, { quote: target.quote })).toMatchObject({ status: 'exact', start: third.start });
  });

  it('reports several occurrences it cannot tell apart as ambiguous, listing them', () => {
    const r = anchorQuote(PAPER, { quote: quote(REPEATED_WITH_CONTEXT) });
    expect(r.status).toBe('ambiguous');
    if (r.status !== 'ambiguous') return;
    expect(r.total).toBe(3);
    expect(r.candidates.map((c) => normalizeForMatching(PAPER.slice(c.start, c.end)).text)).toEqual([
      REPEATED_WITH_CONTEXT,
      REPEATED_WITH_CONTEXT,
      REPEATED_WITH_CONTEXT,
    ]);
    expect(r.candidates.every((c) => c.score === 1 && c.distance === 0)).toBe(true);
  });

  it('uses the recorded position only to settle a tie it sits exactly on', () => {
    const text = 'Wash twice. Wash twice. Wash twice. Wash twice.';
    const second = describe(text, 12, 23, { context: 12 })!;
    expect(second.quote).toMatchObject({ exact: 'Wash twice.', prefix: 'Wash twice. ', suffix: ' Wash twice.' });
    // the second and third occurrences have the same context on both sides
    expect(anchorQuote(text, { quote: second.quote })).toMatchObject({ status: 'ambiguous', total: 2 });
    expect(anchorQuote(text, second)).toEqual({ status: 'exact', start: 12, end: 23 });
    const elsewhere = { ...second, position: { type: 'TextPositionSelector' as const, start: 13, end: 24 } };
    expect(anchorQuote(text, elsewhere)).toMatchObject({ status: 'ambiguous', total: 2 });
  });

  it('lists at most maxCandidates places and tells how many there were', () => {
    const text = 'cell '.repeat(ANCHOR_LIMITS.maxCandidates + 20);
    const r = anchorQuote(text, { quote: quote('cell') });
    expect(r).toMatchObject({ status: 'ambiguous', total: ANCHOR_LIMITS.maxCandidates + 20 });
    if (r.status === 'ambiguous') expect(r.candidates).toHaveLength(ANCHOR_LIMITS.maxCandidates);
  });

  it('proposes a close match when the quote is not there as written, with its similarity', () => {
    const r = anchorQuote(PAPER, { quote: quote('Cardiac fibroblasts were used at passage three.') });
    expect(r.status).toBe('approximate');
    if (r.status !== 'approximate') return;
    expect(PAPER.slice(r.start, r.end)).toMatch(/^Cardiac ﬁbroblasts were used at pas-\r\nsage two/);
    expect(r.distance).toBeGreaterThan(0);
    expect(r.score).toBeCloseTo(1 - r.distance / 'Cardiac fibroblasts were used at passage three.'.length);
    expect(r.score).toBeGreaterThanOrEqual(ANCHOR_LIMITS.threshold);
    expect(r.score).toBeLessThan(1);
  });

  it('ranks equally close proposals by context, and calls them ambiguous when context does not help', () => {
    const text = 'First, EVs were washed in PBS twice. Later, EVs were washed in PBS twice. End.';
    const typed = 'EVs were washed in PBS again.';
    expect(anchorQuote(text, { quote: quote(typed) })).toMatchObject({ status: 'ambiguous', total: 2 });
    const r = anchorQuote(text, { quote: quote(typed, 'Later, ') });
    expect(r.status).toBe('approximate');
    if (r.status === 'approximate') expect(r.start).toBe(text.indexOf('EVs', text.indexOf('Later')));
  });

  it('gives up (orphan) below the similarity threshold, and on short or empty quotes', () => {
    expect(anchorQuote(PAPER, { quote: quote('Platelet-derived vesicles carried no detectable RNA at all.') })).toEqual(
      {
        status: 'orphan',
      },
    );
    expect(anchorQuote(PAPER, { quote: quote('miR-999z') })).toEqual({ status: 'orphan' });
    expect(anchorQuote(PAPER, { quote: quote(' \u200B\n') })).toEqual({ status: 'orphan' });
  });

  it('accepts a text normalized once for many quotes', () => {
    const prepared = normalizeForMatching(PAPER);
    const target = describeAt(PAPER, 'CD63, CD81 and TSG101 were detected by immunoblot');
    expect(anchorQuote(prepared, target)).toEqual(anchorQuote(PAPER, target));
  });
});

group('describe → anchor round trip', () => {
  it('property: a described selection anchors exactly to the span it describes', () => {
    const prepared = normalizeForMatching(PAPER);
    fc.assert(
      fc.property(fc.nat(PAPER.length - 1), fc.integer({ min: 1, max: 400 }), (s, len) => {
        const d = describe(prepared, s, Math.min(PAPER.length, s + len));
        if (!d) return;
        expect(anchorQuote(prepared, d)).toEqual({ status: 'exact', ...d.span });
        const withoutPosition = anchorQuote(prepared, { quote: d.quote });
        if (withoutPosition.status === 'exact') expect(withoutPosition).toEqual({ status: 'exact', ...d.span });
        else
          expect(withoutPosition.status === 'ambiguous' && withoutPosition.candidates).toContainEqual({
            ...d.span,
            score: 1,
            distance: 0,
          });
      }),
      { numRuns: 500 },
    );
  });

  it('property: a selection of whole words is kept as it is and anchored back to exactly it', () => {
    // word boundaries as a reader selects them; a word split at a line end, or ending in an invisible
    // character, is widened or trimmed by describe and left out here
    const words = [...PAPER.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const joined = (w: { start: number; end: number }) => /[-\u00AD\u2010\u200B]$/.test(PAPER.slice(w.start, w.end));
    const usable = words.filter((w, k) => !joined(w) && !(k > 0 && joined(words[k - 1]!)));
    fc.assert(
      fc.property(fc.nat(usable.length - 1), fc.nat(30), (k, more) => {
        const first = usable[k]!;
        const last = usable[Math.min(usable.length - 1, k + more)]!;
        const d = describe(PAPER, first.start, last.end)!;
        expect(d.span).toEqual({ start: first.start, end: last.end });
        expect(anchorQuote(PAPER, d)).toEqual({ status: 'exact', start: first.start, end: last.end });
      }),
      { numRuns: 500 },
    );
  });
});

// A second snapshot: a paragraph added before the Results, one sentence edited, one deleted.
const ADDED =
  'Results\nWe first confirmed that hypoxia did not kill the cardiomyocytes (viability above 90\u00A0%).\n\n';
const PAPER_V2 = PAPER.replace('Results\n', ADDED)
  .replace(
    'Fibroblasts took up labelled vesicles within 4\u00A0h.',
    'Fibroblasts took up labeled vesicles within 6\u00A0h.',
  )
  .replace(' Two limitations apply.', '');

group('reanchor on a newer snapshot', () => {
  it('moves exact quotes by their offset, proposes the edited one, orphans the deleted one', () => {
    const shift = ADDED.length - 'Results\n'.length;
    const before = describeAt(PAPER, 'CD63, CD81 and TSG101 were detected by immunoblot');
    const moved = describeAt(PAPER, 'Hypoxic EVs contained 3.1-fold more\nmiR-133a than normoxic EVs');
    const edited = describeAt(PAPER, 'Fibroblasts took up labelled vesicles within 4\u00A0h.');
    const deleted = describeAt(PAPER, 'Two limitations apply.');

    const spanOf = (t: QuoteTarget) => spanOfText(PAPER, t.quote.exact);
    expect(reanchor(PAPER, PAPER_V2, before)).toEqual({ status: 'exact', ...spanOf(before) });
    const m = reanchor(PAPER, PAPER_V2, moved);
    expect(m).toEqual({ status: 'exact', start: spanOf(moved).start + shift, end: spanOf(moved).end + shift });

    const e = reanchor(PAPER, PAPER_V2, edited);
    expect(e.status).toBe('approximate');
    if (e.status === 'approximate') {
      expect(PAPER_V2.slice(e.start, e.end)).toMatch(/^Fibroblasts took up labeled vesicles within 6\u00A0h\.?$/);
      expect(e.score).toBeGreaterThanOrEqual(0.8);
      expect(e.score).toBeLessThan(1);
    }
    expect(reanchor(PAPER, PAPER_V2, deleted)).toEqual({ status: 'orphan' });
  });

  it('follows repeated sentences by their context, and the same snapshot gives the same answer', () => {
    const second = spanOfText(PAPER, REPEATED, spanOfText(PAPER, REPEATED).end);
    const target = describe(PAPER, second.start, second.end)!;
    const secondInV2 = spanOfText(PAPER_V2, REPEATED, spanOfText(PAPER_V2, REPEATED).end);
    expect(reanchor(PAPER, PAPER_V2, target)).toEqual({ status: 'exact', ...secondInV2 });
    expect(reanchor(PAPER, PAPER, target)).toEqual({ status: 'exact', ...second });
  });

  it('never picks one of several equally fitting places, and does not trust the old position', () => {
    const old = 'Wash twice. '.repeat(10);
    const third = 'Wash twice. '.length * 2;
    const target = describe(old, third, third + 'Wash twice.'.length)!;
    expect(anchorQuote(old, target)).toEqual({ status: 'exact', start: third, end: third + 11 });
    // the context taken afresh from the old text fits the 3rd to the 7th occurrence alike
    const r = reanchor(old, `Then: ${old}`, target);
    expect(r).toMatchObject({ status: 'ambiguous', total: 5 });
  });
});

group('verifyQuote', () => {
  it('verifies typed quotes in their plain form and gives the place in the stored text', () => {
    const r = verifyQuote(PAPER, 'enriched in miR-133a and miR-1. Uptake');
    expect(r).toMatchObject({ verified: true, occurrences: 1 });
    if (r.verified) expect(PAPER.slice(r.start, r.end)).toBe('enriched in miR-\n133a and miR-1. Uptake');
    expect(verifyQuote(PAPER, 'Earlier X-ray diffraction work')).toMatchObject({ verified: true });
    expect(verifyQuote(PAPER, "preserves the ventricle's shape")).toMatchObject({ verified: true });
    expect(verifyQuote(PAPER, '  small membrane-bound particles of 30-150 nm  ')).toMatchObject({ verified: true });
    expect(verifyQuote(PAPER, 'The cárdiac and cárdiac spellings')).toMatchObject({ verified: true });
    expect(verifyQuote(PAPER, REPEATED)).toMatchObject({ verified: true, occurrences: 2 });
  });

  it('accepts either spelling where the line-end rule guessed wrong', () => {
    const text = 'EVs mediate cross-\ntalk and have anti-\ninflammatory and non-\nsense effects.';
    expect(verifyQuote(text, 'mediate cross-talk and')).toMatchObject({ verified: true });
    expect(verifyQuote(text, 'mediate crosstalk and')).toMatchObject({ verified: true });
    expect(verifyQuote(text, 'have anti-inflammatory')).toMatchObject({ verified: true });
    expect(verifyQuote(text, 'and nonsense effects')).toMatchObject({ verified: true });
  });

  it('refuses words that are not in the text, another letter case, and empty quotes', () => {
    expect(verifyQuote(PAPER, 'collagen I mRNA fell by 24 %')).toEqual({ verified: false });
    expect(verifyQuote(PAPER, 'MIR-133A')).toEqual({ verified: false });
    expect(verifyQuote(PAPER, 'miR-133a restored both and more')).toEqual({ verified: false });
    expect(verifyQuote(PAPER, ' \n ')).toEqual({ verified: false });
  });
});
