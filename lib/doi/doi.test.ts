import { describe, expect, it } from 'vitest';
import { DOI_MESSAGES, doiSchema, doiUrl, isDoi, normalizeDoi } from './index';

// Real DOIs from the bundled review references.
const ASWAD = '10.1007/s00125-014-3337-2';
const REAL_DOIS = [
  ASWAD,
  '10.1016/j.stemcr.2018.01.023',
  '10.3389/fendo.2021.697204',
  '10.1152/ajpendo.00353.2017',
  '10.1002/2211-5463.13504',
  '10.1016/j.cmet.2023.10.013',
];

function ok(input: string): string {
  const r = normalizeDoi(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to be accepted, got: ${r.message}`);
  return r.doi;
}

function rejected(input: string): string {
  const r = normalizeDoi(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${r.doi}`);
  return r.message;
}

describe('normalizeDoi — accepted forms', () => {
  const forms = [
    '10.1007/s00125-014-3337-2',
    '10.1007/S00125-014-3337-2',
    '  10.1007/s00125-014-3337-2\n',
    '\t10.1007/s00125-014-3337-2 ',
    'doi:10.1007/s00125-014-3337-2',
    'DOI:10.1007/s00125-014-3337-2',
    'DOI: 10.1007/s00125-014-3337-2',
    'Doi:  10.1007/S00125-014-3337-2',
    'https://doi.org/10.1007/s00125-014-3337-2',
    'HTTPS://DOI.ORG/10.1007/S00125-014-3337-2',
    'http://doi.org/10.1007/s00125-014-3337-2',
    'http://dx.doi.org/10.1007/s00125-014-3337-2',
    'https://dx.doi.org/10.1007/s00125-014-3337-2',
    'https://www.doi.org/10.1007/s00125-014-3337-2',
    'doi.org/10.1007/s00125-014-3337-2',
    'dx.doi.org/10.1007/s00125-014-3337-2',
    'https://doi.org/10.1007%2Fs00125-014-3337-2',
    'https://doi.org/10.1007%2fs00125%2D014-3337-2',
    '  https://doi.org/10.1007/s00125-014-3337-2  ',
    'https://doi.org/10.1007/s00125-014-3337-2#citeas',
  ];

  it.each(forms)('%j → canonical', (input) => {
    expect(normalizeDoi(input)).toEqual({ ok: true, doi: ASWAD });
  });

  it('lower-cases upper-case DOIs from the references', () => {
    expect(ok('10.1006/DBIO.1997.8721')).toBe('10.1006/dbio.1997.8721');
    expect(ok('https://doi.org/10.1161/CIRCRESAHA.118.314635')).toBe('10.1161/circresaha.118.314635');
  });

  it('accepts registrant subdivisions and 4–9 digit registrants', () => {
    expect(ok('10.1000.10/abc')).toBe('10.1000.10/abc');
    expect(ok('10.1000.10.2/ABC')).toBe('10.1000.10.2/abc');
    expect(ok('10.1234/x')).toBe('10.1234/x');
    expect(ok('10.123456789/x')).toBe('10.123456789/x');
  });

  it('keeps unusual but legal suffix characters', () => {
    expect(ok('10.1002/(SICI)1097-4636(199706)35:4<491::AID-JBM9>3.0.CO;2-O')).toBe(
      '10.1002/(sici)1097-4636(199706)35:4<491::aid-jbm9>3.0.co;2-o',
    );
    expect(ok('10.1234/a/b/c')).toBe('10.1234/a/b/c');
  });

  it('does not percent-decode bare and doi: forms', () => {
    expect(ok('10.1234/abc%2Fdef')).toBe('10.1234/abc%2fdef');
    expect(ok('doi:10.1234/abc%20def')).toBe('10.1234/abc%20def');
  });

  it('accepts exactly 300 characters', () => {
    const doi = `10.1234/${'a'.repeat(300 - 8)}`;
    expect(doi).toHaveLength(300);
    expect(ok(doi)).toBe(doi);
  });
});

describe('normalizeDoi — rejections', () => {
  it.each([
    ['empty', ''],
    ['only whitespace', '   \n\t'],
    ['prefix only (doi:)', 'doi:'],
    ['prefix only (url)', 'https://doi.org/'],
  ])('rejects %s', (_label, input) => {
    expect(rejected(input)).toBe(DOI_MESSAGES.empty);
  });

  it.each([
    ['wrong directory 11.', '11.1234/x'],
    ['registrant too short', '10.12/x'],
    ['registrant of 3 digits', '10.123/x'],
    ['registrant of 10 digits', '10.1234567890/x'],
    ['non-digit registrant', '10.abcd/x'],
    ['no 10. at all', 's00125-014-3337-2'],
    ['a PubMed id', '24793589'],
    ['a plain word', 'exosomes'],
    ['another resolver host', 'https://example.org/10.1007/s00125-014-3337-2'],
    ['doi.org lookalike host', 'https://notdoi.org/10.1007/s00125-014-3337-2'],
    ['text glued before the DOI', 'x10.1007/s00125-014-3337-2'],
    ['a PMID label', 'PMID:24793589'],
    ['empty subdivision', '10.1000./x'],
  ])('rejects %s', (_label, input) => {
    expect(rejected(input)).toBe(DOI_MESSAGES.invalid);
  });

  it.each([
    ['no slash', '10.1007'],
    ['slash but empty suffix', '10.1007/'],
    ['url with empty suffix', 'https://doi.org/10.1007/'],
  ])('rejects missing suffix: %s', (_label, input) => {
    expect(rejected(input)).toBe(DOI_MESSAGES.missingSuffix);
  });

  it.each([
    ['a space inside', '10.1007/s00125 014-3337-2'],
    ['a space after the slash', '10.1007/ s00125-014-3337-2'],
    ['a NUL byte', '10.1007/s00125\u0000-014-3337-2'],
    ['a trailing NUL byte', '10.1007/s00125-014-3337-2\u0000'],
    ['a tab inside', '10.1007/s00125-014\t-3337-2'],
    ['a newline inside', '10.1007/s00125-014\n-3337-2'],
    ['a DEL char', '10.1007/s00125-014\u007f-3337-2'],
    ['a zero-width space', '10.1007/s00125-014\u200b-3337-2'],
    ['a soft hyphen', '10.1007/s00125\u00ad-014-3337-2'],
    ['a non-breaking space', '10.1007/s00125\u00a0-014-3337-2'],
    ['an encoded space in a URL', 'https://doi.org/10.1007/s00125%20014-3337-2'],
    ['an encoded NUL in a URL', 'https://doi.org/10.1007/s00125%00-014-3337-2'],
  ])('rejects %s', (_label, input) => {
    expect(rejected(input)).toBe(DOI_MESSAGES.whitespace);
  });

  it('rejects broken percent-encoding in a URL', () => {
    expect(rejected('https://doi.org/10.1007/s00125%E0%A4%A')).toBe(DOI_MESSAGES.badEncoding);
  });

  it('rejects more than 300 characters', () => {
    expect(rejected(`10.1234/${'a'.repeat(300 - 7)}`)).toBe(DOI_MESSAGES.tooLong);
    expect(rejected(`10.1234/${'a'.repeat(100_000)}`)).toBe(DOI_MESSAGES.tooLong);
  });

  it('every message explains what a DOI looks like', () => {
    for (const message of Object.values(DOI_MESSAGES)) {
      expect(message).toContain('A DOI looks like 10.1234/abc.567 (a "doi:" or https://doi.org/ prefix is fine).');
    }
    expect(DOI_MESSAGES.invalid).toBe(
      'Not a DOI. A DOI looks like 10.1234/abc.567 (a "doi:" or https://doi.org/ prefix is fine).',
    );
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(normalizeDoi(undefined as unknown as string).ok).toBe(false);
    expect(normalizeDoi(42 as unknown as string).ok).toBe(false);
  });
});

describe('isDoi', () => {
  it('is true for any accepted form and false otherwise', () => {
    expect(isDoi(ASWAD)).toBe(true);
    expect(isDoi('https://dx.doi.org/10.1007/S00125-014-3337-2')).toBe(true);
    expect(isDoi('10.12/x')).toBe(false);
    expect(isDoi('')).toBe(false);
    expect(isDoi(null)).toBe(false);
  });
});

describe('doiUrl', () => {
  it('builds the resolver link', () => {
    expect(doiUrl(ASWAD)).toBe('https://doi.org/10.1007/s00125-014-3337-2');
  });

  it('normalizes any accepted input form first', () => {
    expect(doiUrl('DOI: 10.1007/S00125-014-3337-2')).toBe('https://doi.org/10.1007/s00125-014-3337-2');
  });

  it('percent-encodes characters that are unsafe in a URL path but keeps /', () => {
    expect(doiUrl('10.1002/(SICI)1097-4636(199706)35:4<491::AID-JBM9>3.0.CO;2-O')).toBe(
      'https://doi.org/10.1002/(sici)1097-4636(199706)35%3A4%3C491%3A%3Aaid-jbm9%3E3.0.co%3B2-o',
    );
    expect(doiUrl('10.1234/a#b?c%d/e')).toBe('https://doi.org/10.1234/a%23b%3Fc%25d/e');
  });

  it.each([
    ...REAL_DOIS,
    '10.1000.10/abc',
    '10.1002/(sici)1097-4636(199706)35:4<491::aid-jbm9>3.0.co;2-o',
    '10.1234/a#b?c%d/e',
    '10.1234/ünïcødé',
  ])('round-trips %s through doiUrl → normalizeDoi', (doi) => {
    const url = doiUrl(doi);
    expect(url.startsWith('https://doi.org/10.')).toBe(true);
    expect(() => new URL(url)).not.toThrow();
    expect(normalizeDoi(url)).toEqual({ ok: true, doi });
  });
});

describe('doiSchema', () => {
  it('outputs the normalized DOI', () => {
    expect(doiSchema.parse('https://doi.org/10.1007/S00125-014-3337-2')).toBe(ASWAD);
    expect(doiSchema.safeParse(' doi:10.3389/FENDO.2021.697204 ')).toEqual({
      success: true,
      data: '10.3389/fendo.2021.697204',
    });
  });

  it('reports the normalizeDoi message as a zod issue', () => {
    const r = doiSchema.safeParse('10.12/x');
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(1);
    expect(r.error.issues[0]).toMatchObject({ code: 'custom', message: DOI_MESSAGES.invalid, path: [] });
  });

  it('reports the field path when nested in an object schema', async () => {
    const { z } = await import('zod');
    const r = z.object({ doi: doiSchema }).safeParse({ doi: '10.1007/s00125 014' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]).toMatchObject({ path: ['doi'], message: DOI_MESSAGES.whitespace });
  });

  it('rejects non-strings with a type issue', () => {
    const r = doiSchema.safeParse(10);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]?.code).toBe('invalid_type');
  });
});
