import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMirnaName, MIRBASE_SPECIES_PREFIXES, normalizeMirnaName } from './mirna';

const RUNS = { numRuns: 400 };
const CANONICAL = /^(?:[a-z]{3,4}-)?(?:miR|let)-\d+[a-z]*(?:-\d+)?(?:\/(?:\d+[a-z]*|[a-z]+)(?:-\d+)?)*(?:-[35]p)?\*?$/;

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
);

const dash = fc.constantFrom('-', '\u2010', '\u2011', '\u2012', '\u2013');
const randomCase = (s: string, flips: boolean[]) =>
  [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');

/** miRNA names as papers print them: any case, dash variants, an optional known species prefix, arm and star. */
const printedMirna = fc
  .record({
    prefix: fc.option(fc.constantFrom(...MIRBASE_SPECIES_PREFIXES), { nil: undefined }),
    stem: fc.constantFrom('miR', 'mir', 'MIR', 'miRNA', 'microRNA', 'let'),
    sep: fc.oneof(dash, fc.constantFrom('', ' ')),
    id: fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.stringMatching(/^[a-z]{0,2}$/)).map(([n, l]) => `${n}${l}`),
    copy: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    alt: fc.option(fc.stringMatching(/^[a-z]$/), { nil: undefined }),
    arm: fc.option(fc.constantFrom('5p', '3p'), { nil: undefined }),
    star: fc.boolean(),
    d1: dash,
    d2: dash,
    flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    pad: fc.constantFrom('', ' ', '  '),
  })
  .map((r) => {
    const id = r.stem === 'let' ? `7${r.id.replace(/^\d+/, '')}` : r.id;
    const name = `${r.prefix ? `${r.prefix}${r.d1}` : ''}${r.stem}${r.sep}${id}${r.copy ? `${r.d2}${r.copy}` : ''}${r.alt ? `/${r.alt}` : ''}${r.arm ? `${r.d1}${r.arm}` : ''}${r.star ? '*' : ''}`;
    return `${r.pad}${randomCase(name, r.flips)}${r.pad}`;
  });

describe('normalizeMirnaName (fuzzed)', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(typeof normalizeMirnaName(s)).toBe('string');
        expect(typeof isMirnaName(s)).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, printedMirna), (s) => {
        const once = normalizeMirnaName(s);
        expect(normalizeMirnaName(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('gives back anything that is not a miRNA name trimmed and otherwise unchanged', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        if (isMirnaName(s)) return;
        expect(normalizeMirnaName(s)).toBe(s.trim());
      }),
      RUNS,
    );
  });

  it('spells every printed miRNA name the miRBase way, whatever its case or dashes', () => {
    fc.assert(
      fc.property(printedMirna, (s) => {
        expect(isMirnaName(s)).toBe(true);
        const out = normalizeMirnaName(s);
        expect(out).toMatch(CANONICAL);
        expect(isMirnaName(out)).toBe(true);
        // Known species codes are recognised in any case, so case never changes the result.
        expect(normalizeMirnaName(s.toUpperCase())).toBe(out);
        expect(normalizeMirnaName(s.toLowerCase())).toBe(out);
      }),
      RUNS,
    );
  });
});
