import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doiSchema, doiUrl, normalizeDoi } from './index';

const RUNS = { numRuns: 400 };
const CANONICAL = /^10\.\d{4,9}(\.\d+)*\/\S+$/;

/** Any string, with a bias towards DOI-looking ones so the accepting paths get exercised too. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii', maxLength: 2_000 }),
  fc
    .tuple(
      fc.constantFrom('', 'doi:', 'DOI: ', 'https://doi.org/', 'http://dx.doi.org/', 'doi.org/', ' '),
      fc.string({ unit: 'binary' }),
    )
    .map(([p, s]) => `${p}10.1234/${s}`),
);

const registrant = fc
  .tuple(fc.stringMatching(/^\d{4,9}$/), fc.array(fc.nat({ max: 999 }), { maxLength: 2 }))
  .map(([code, subs]) => ['10', code, ...subs].join('.'));

/** A DOI as stored: canonical (normalizeDoi accepts it unchanged). Suffixes are any printable Unicode. */
const canonicalDoi = fc
  .tuple(registrant, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }))
  .map(([prefix, suffix]) => normalizeDoi(`${prefix}/${suffix}`))
  .filter((r): r is { ok: true; doi: string } => r.ok)
  .map((r) => r.doi);

/** Flip the case of ASCII letters only: DOIs are case-insensitive over ASCII. */
const recase = (s: string, flips: boolean[]) =>
  [...s]
    .map((ch, i) =>
      /[a-z]/i.test(ch) && flips[i % flips.length]
        ? ch === ch.toLowerCase()
          ? ch.toUpperCase()
          : ch.toLowerCase()
        : ch,
    )
    .join('');

const encodePath = (doi: string) => doi.split('/').map(encodeURIComponent).join('/');

describe('normalizeDoi (fuzzed)', () => {
  it('never throws, and answers ok or a message', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.anything()), (input) => {
        const r = normalizeDoi(input as string);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('accepts only lower-case canonical DOIs, and is idempotent', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const r = normalizeDoi(input);
        if (!r.ok) return;
        expect(r.doi).toMatch(CANONICAL);
        expect(r.doi).toBe(r.doi.toLowerCase());
        expect(normalizeDoi(r.doi)).toEqual(r);
      }),
      RUNS,
    );
  });

  it('gives the same DOI whatever prefix, case and surrounding whitespace it is written with', () => {
    const label = fc.constantFrom('', 'doi:', 'DOI:', 'doi: ', 'Doi:  ');
    const resolver = fc.constantFrom(
      'https://doi.org/',
      'http://doi.org/',
      'HTTPS://DOI.ORG/',
      'https://dx.doi.org/',
      'http://www.doi.org/',
      'doi.org/',
    );
    const space = fc.constantFrom('', ' ', '\t', '\n', '  \r\n ');
    fc.assert(
      fc.property(
        canonicalDoi,
        label,
        resolver,
        space,
        space,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        (doi, l, u, before, after, flips) => {
          const variant = recase(doi, flips);
          expect(normalizeDoi(`${before}${l}${variant}${after}`)).toEqual({ ok: true, doi });
          expect(normalizeDoi(`${before}${u}${encodePath(variant)}${after}`)).toEqual({ ok: true, doi });
          // A query string or fragment on a resolver link is not part of the DOI.
          expect(normalizeDoi(`${u}${encodePath(variant)}?utm_source=x#top`)).toEqual({ ok: true, doi });
        },
      ),
      RUNS,
    );
  });

  it('doiUrl links back to the same DOI', () => {
    fc.assert(
      fc.property(canonicalDoi, (doi) => {
        const url = doiUrl(doi);
        expect(url.startsWith('https://doi.org/10.')).toBe(true);
        expect(url).not.toMatch(/[\s"<>#?]/);
        expect(normalizeDoi(url)).toEqual({ ok: true, doi });
      }),
      RUNS,
    );
  });

  it('doiSchema never throws and agrees with normalizeDoi', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.anything()), (input) => {
        const parsed = doiSchema.safeParse(input);
        if (typeof input !== 'string') {
          expect(parsed.success).toBe(false);
          return;
        }
        const direct = normalizeDoi(input);
        expect(parsed.success).toBe(direct.ok);
        if (parsed.success && direct.ok) expect(parsed.data).toBe(direct.doi);
      }),
      RUNS,
    );
  });

  it('rejects DOIs with lone surrogates, so doiUrl never throws', () => {
    expect(normalizeDoi('10.1234/a\uD800').ok).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = normalizeDoi(`10.1234/${s}`);
        if (r.ok) expect(() => doiUrl(r.doi)).not.toThrow();
      }),
      RUNS,
    );
  });
});
