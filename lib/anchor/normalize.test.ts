import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchForm, normalizeForMatching, type NormalizedText, toNormalizedSpan, toOriginalSpan } from './normalize';

const form = (s: string) => normalizeForMatching(s).text;

describe('normalizeForMatching: the rules', () => {
  it('folds ligatures and other compatibility characters (NFKC)', () => {
    expect(form('signiﬁcant ﬂuorescence, ﬀ ﬃ ﬄ')).toBe('significant fluorescence, ff ffi ffl');
    expect(form('Ca²⁺ 10\u202Fµg ＣＤ６３ …')).toBe('Ca2+ 10 μg CD63 ...');
    expect(form('𝛼-tubulin')).toBe('α-tubulin');
  });

  it('composes accents: a combining acute and a precomposed é match', () => {
    expect(form('cafe\u0301')).toBe(form('caf\u00e9'));
    expect(form('cafe\u0301')).toBe('caf\u00e9');
    // NFKC on its own would make the spacing diaeresis a space plus a combining mark; it stays as written
    expect(form('¨')).toBe('¨');
  });

  it('makes every whitespace run one space: NBSP, thin spaces, tabs, CRLF, LF, CR, separators', () => {
    expect(form('a\u00A0b\u2009c\td\r\ne\rf\ng\u2028h\u2029i\u3000j')).toBe('a b c d e f g h i j');
    expect(form('one \r\n\r\n  two')).toBe('one two');
    expect(form('  edges  ')).toBe(' edges ');
  });

  it('removes soft hyphens and zero-width characters', () => {
    expect(form('hyp\u00ADhen\u00ADation')).toBe('hyphenation');
    expect(form('zero\u200Bwidth\u200C non\u200Djoiner\u2060 \uFEFFbom')).toBe('zerowidth nonjoiner bom');
    expect(form('Taken to-\u00AD\ngether')).toBe('Taken to-gether');
    expect(form('to\u00AD\ngether and to\u00AD \n  gether')).toBe('together and together');
  });

  it('maps typographic quotes, primes and dashes to ASCII', () => {
    expect(form('“EVs” ‘cargo’ „x‟ «y» 5′-UTR 3″ ´a` ʼb')).toBe('"EVs" \'cargo\' "x" "y" 5\'-UTR 3" \'a\' \'b');
    expect(form('30–150 nm — a − b ‐ c ‑ d ‒ e ―')).toBe('30-150 nm - a - b - c - d - e -');
  });

  it('joins words split at a line end', () => {
    expect(form('myoﬁbroblast differen-\ntiation')).toBe('myofibroblast differentiation');
    expect(form('cardiomyo-\r\n   cytes')).toBe('cardiomyocytes');
    expect(form('Parkin-\nson')).toBe('Parkinson');
    expect(form('pas‐\nsage')).toBe('passage');
  });

  it('keeps the hyphen of names and compounds split at a line end, and drops the break', () => {
    expect(form('enriched in miR-\n133a and')).toBe('enriched in miR-133a and');
    expect(form('Earlier X-\nray diffraction')).toBe('Earlier X-ray diffraction');
    expect(form('hsa-\nmiR-21-5p, let-\n7d')).toBe('hsa-miR-21-5p, let-7d');
    expect(form('α-\nsynuclein, β-\ncatenin, Aβ-\noligomer')).toBe('α-synuclein, β-catenin, Aβ-oligomer');
    expect(form('exosome-\nderived, dose-\nresponse, non-\ncoding, self-\nrenewal')).toBe(
      'exosome-derived, dose-response, non-coding, self-renewal',
    );
    expect(form('CD63-\npositive, (EVs)-\nmediated, membrane-\nbound')).toBe(
      'CD63-positive, (EVs)-mediated, membrane-bound',
    );
    expect(form('non‑\nbreaking')).toBe('non-breaking');
  });

  it('leaves hyphens alone that do not end a line before text', () => {
    expect(form('a -\nlist')).toBe('a - list');
    expect(form('end-\n\nNew paragraph')).toBe('end- New paragraph');
    expect(form('trailing-\n')).toBe('trailing- ');
    expect(form('X-ray and miR-133a')).toBe('X-ray and miR-133a');
    expect(form('10–\n20')).toBe('10- 20');
  });

  it('documents its known failures: unlisted compounds lose the hyphen, listed first parts keep it', () => {
    expect(form('anti-\ninflammatory')).toBe('antiinflammatory');
    expect(form('cross-\ntalk')).toBe('crosstalk');
    expect(form('non-\nsense')).toBe('non-sense');
    expect(form('Ex-\nosomes')).toBe('Ex-osomes');
  });

  it('offers every line-end hyphen joined or kept, for checking typed quotes', () => {
    const text = 'miR-\n133a and anti-\ninflammatory';
    expect(normalizeForMatching(text, { lineEndHyphens: 'join' }).text).toBe('miR133a and antiinflammatory');
    expect(normalizeForMatching(text, { lineEndHyphens: 'keep' }).text).toBe('miR-133a and anti-inflammatory');
  });

  it('compares case, digits and Greek letters as written', () => {
    expect(form('MIR-133A')).not.toBe(form('miR-133a'));
    expect(form('α')).not.toBe(form('a'));
  });

  it('matchForm trims the space a quote starts or ends with', () => {
    expect(matchForm('\n  “miR-133a”\u00A0 ')).toBe('"miR-133a"');
    expect(matchForm(' \u200B ')).toBe('');
  });
});

describe('normalizeForMatching: the offset map', () => {
  it('maps each character of the matching form to the original it stands for', () => {
    const n = normalizeForMatching('a\u00A0ﬁ\r\ne\u0301');
    expect(n.text).toBe('a fi é');
    expect(Array.from(n.starts)).toEqual([0, 1, 2, 2, 3, 5]);
    expect(Array.from(n.ends)).toEqual([1, 2, 3, 3, 5, 7]);
  });

  it('a hyphenation site is one unit: every character in it stands for the whole site', () => {
    const text = 'the differen-\ntiation of';
    const n = normalizeForMatching(text);
    const at = n.text.indexOf('tiation');
    expect(toOriginalSpan(n, at, at + 7)).toEqual({ start: 4, end: 21 });
    expect(text.slice(4, 21)).toBe('differen-\ntiation');
  });

  it('a gap (soft hyphen, zero-width space) belongs to no character', () => {
    const text = 'ab\u00ADcd e\u200Bf';
    const n = normalizeForMatching(text);
    expect(n.text).toBe('abcd ef');
    expect(toOriginalSpan(n, 0, 2)).toEqual({ start: 0, end: 2 });
    expect(toOriginalSpan(n, 2, 4)).toEqual({ start: 3, end: 5 });
    expect(toNormalizedSpan(n, 2, 3)).toEqual({ start: 2, end: 2 });
    expect(toNormalizedSpan(n, 1, 4)).toEqual({ start: 1, end: 3 });
  });
});

// ------------------------------------------------------------------ properties

const PIECES = [
  ...['a', 'b', 'x', 'Z', 'X', 'é', 'e\u0301', '\u0301', 'ﬁ', 'ﬂ', 'α', '𝛼', 'ray', 'miR', '133a', 'self', 'derived'],
  ...['differen', 'tiation', 'Parkin', '1', '2', 'Ca²⁺', '¨', '´', '`', '.', '(', ')', '“', '”', '’', '—', '–', '−'],
  ...[' ', '  ', '\n', '\r\n', '\r', '\t', '\u00A0', '\u202F', '\u2028', '\u2029', '-', '‐', '‑', '\u00AD', '\u200B'],
  ...['\uFEFF', '-\n', '\u00AD\n', '-\n  ', '-\r\n', '\uFDFA'],
];
const tricky = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((xs) => xs.join(''));
const anyText = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary' }));

function unitStart(n: NormalizedText, a: number) {
  while (a > 0 && a < n.text.length && n.starts[a - 1] === n.starts[a]) a--;
  return a;
}
function unitEnd(n: NormalizedText, b: number) {
  while (b > 0 && b < n.text.length && n.starts[b] === n.starts[b - 1]) b++;
  return b;
}

describe('normalizeForMatching: properties', () => {
  it('the map is monotone, inside the text, and gives every character a non-empty original range', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = normalizeForMatching(text);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]).toBeGreaterThanOrEqual(0);
          expect(n.ends[i]).toBeLessThanOrEqual(text.length);
          expect(n.starts[i]).toBeLessThan(n.ends[i]!);
          if (i > 0) {
            expect(n.starts[i]).toBeGreaterThanOrEqual(n.starts[i - 1]!);
            expect(n.ends[i]).toBeGreaterThanOrEqual(n.ends[i - 1]!);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('round trip: a slice of the original on unit boundaries normalizes to the same slice of the matching form', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, x, y) => {
        const n = normalizeForMatching(text);
        fc.pre(n.text.length > 0);
        const a = unitStart(n, x % n.text.length);
        const b = unitEnd(n, Math.max(a + 1, y % (n.text.length + 1)));
        const span = toOriginalSpan(n, a, b);
        expect(normalizeForMatching(text.slice(span.start, span.end)).text).toBe(n.text.slice(a, b));
        expect(toNormalizedSpan(n, span.start, span.end)).toEqual({ start: a, end: b });
      }),
      { numRuns: 1000 },
    );
  });

  it('round trip: any original range maps to a covering range whose original span contains it (gaps aside)', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, x, y) => {
        fc.pre(text.length > 0);
        const n = normalizeForMatching(text);
        const s = x % text.length;
        const e = s + 1 + (y % (text.length - s));
        const r = toNormalizedSpan(n, s, e);
        if (r.start === r.end) return;
        const back = toOriginalSpan(n, r.start, r.end);
        expect(back.start).toBeLessThan(e);
        expect(back.end).toBeGreaterThan(s);
        expect(toNormalizedSpan(n, back.start, back.end)).toEqual(r);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on text without line-end hyphens', () => {
    // (a combining mark that follows a removed character or a line break stays apart from the letter before)
    const markAfterGap = /[\s\u00AD\u200B-\u200D\u2060\uFEFF-]\p{M}/u;
    fc.assert(
      fc.property(anyText, (text) => {
        const once = form(text);
        fc.pre(!/-\s/.test(once) && !markAfterGap.test(text));
        expect(form(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
