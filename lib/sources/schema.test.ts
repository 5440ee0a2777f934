import { describe, expect, it } from 'vitest';
import { zodFields } from '../errors';
import { toFormValues } from './form-values';
import { LOOKUP_REASONS, lookupReason, resolveLookupOptions } from './lookup';
import { newFindingPath, sourcePath } from './paths';
import { createSourceSchema, doiLookupSchema, maxSourceYear, sourceMetadataSchema, updateSourceSchema } from './schema';

const VALID = {
  doi: 'https://doi.org/10.5555/ABC.1',
  title: '  A title  ',
  authors: 'Doe, J.',
  journal: 'J. Test',
  year: '2014',
  volumePages: '1, 2–3',
  pmid: '',
};

function fields(input: unknown): Record<string, string> {
  const r = sourceMetadataSchema.safeParse(input);
  if (r.success) throw new Error('expected a validation error');
  return zodFields(r.error.issues);
}

describe('sourceMetadataSchema', () => {
  it('normalizes the DOI, trims text, coerces the year, turns empty optional fields into null', () => {
    expect(sourceMetadataSchema.parse(VALID)).toEqual({
      doi: '10.5555/abc.1',
      title: 'A title',
      authors: 'Doe, J.',
      journal: 'J. Test',
      year: 2014,
      volumePages: '1, 2–3',
      pmid: null,
    });
    expect(sourceMetadataSchema.parse({ doi: 'doi:10.5555/x', title: 'T' })).toEqual({
      doi: '10.5555/x',
      title: 'T',
      authors: null,
      journal: null,
      year: null,
      volumePages: null,
      pmid: null,
    });
    expect(
      sourceMetadataSchema.parse({ ...VALID, authors: null, journal: '   ', year: null, volumePages: '' }),
    ).toMatchObject({
      authors: null,
      journal: null,
      year: null,
      volumePages: null,
    });
    expect(sourceMetadataSchema.parse({ ...VALID, year: 1999 }).year).toBe(1999);
    expect(sourceMetadataSchema.parse({ ...VALID, year: ' 2001 ' }).year).toBe(2001);
  });

  it('bounds the year to 1800..next year', () => {
    expect(sourceMetadataSchema.parse({ ...VALID, year: '1800' }).year).toBe(1800);
    expect(sourceMetadataSchema.parse({ ...VALID, year: String(maxSourceYear()) }).year).toBe(maxSourceYear());
    for (const year of ['1799', String(maxSourceYear() + 1), '3000', '2014.5', 'abc', '20 14', '-2014'])
      expect(fields({ ...VALID, year }).year, year).toMatch(/^A year between 1800 and \d{4}/);
  });

  it('takes a PMID with or without a "PMID:" label, digits only, 1–9 of them', () => {
    expect(sourceMetadataSchema.parse({ ...VALID, pmid: 'PMID: 25064300' }).pmid).toBe('25064300');
    expect(sourceMetadataSchema.parse({ ...VALID, pmid: 'pmid:1' }).pmid).toBe('1');
    expect(sourceMetadataSchema.parse({ ...VALID, pmid: ' 123456789 ' }).pmid).toBe('123456789');
    expect(sourceMetadataSchema.parse({ ...VALID, pmid: 'PMID:' }).pmid).toBeNull();
    for (const pmid of ['1234567890', 'PMC123', '12a', '12\u00003', '<b>1</b>'])
      expect(fields({ ...VALID, pmid }).pmid, pmid).toMatch(/A PMID is 1–9 digits/);
  });

  it('refuses a missing title, control characters, HTML tags and over-long text, per field', () => {
    expect(fields({ ...VALID, title: '   ' }).title).toBe('Required.');
    expect(fields({ ...VALID, title: undefined }).title).toBe('Required.');
    expect(fields({ ...VALID, title: 'a\u0000b' }).title).toMatch(/control characters/);
    expect(fields({ ...VALID, title: 'x'.repeat(200_000) }).title).toMatch(/At most 1,000 characters/);
    expect(fields({ ...VALID, title: 'x'.repeat(1001) }).title).toMatch(/At most 1,000 characters/);
    expect(sourceMetadataSchema.parse({ ...VALID, title: 'x'.repeat(1000) }).title).toHaveLength(1000);
    expect(fields({ ...VALID, authors: '<script>alert(1)</script>' }).authors).toMatch(/HTML tags are not allowed/);
    expect(fields({ ...VALID, journal: '<b>x</b>' }).journal).toMatch(/HTML tags are not allowed/);
    expect(fields({ ...VALID, journal: 'x'.repeat(301) }).journal).toMatch(/At most 300/);
    expect(fields({ ...VALID, volumePages: 'x'.repeat(101) }).volumePages).toMatch(/At most 100/);
    expect(fields({ ...VALID, authors: 'x'.repeat(2001) }).authors).toMatch(/At most 2,000/);
    // "p < 0.05" is text, not a tag.
    expect(sourceMetadataSchema.parse({ ...VALID, title: 'IL-6 < 5 pg/ml' }).title).toBe('IL-6 < 5 pg/ml');
  });

  it('reports DOI problems with the DOI messages', () => {
    expect(fields({ ...VALID, doi: 'not a doi' }).doi).toMatch(/A DOI looks like/);
    expect(fields({ ...VALID, doi: '10.5555/a\u0000b' }).doi).toMatch(/cannot contain spaces/);
    expect(fields({ ...VALID, doi: undefined }).doi).toBeDefined();
  });
});

describe('action schemas', () => {
  it('doiLookupSchema keeps the raw DOI and refuses empty or absurd input', () => {
    expect(doiLookupSchema.parse({ doi: ' HTTPS://DOI.ORG/10.5555/X ' }).doi).toBe(' HTTPS://DOI.ORG/10.5555/X ');
    expect(doiLookupSchema.safeParse({ doi: '  ' }).success).toBe(false);
    expect(doiLookupSchema.safeParse({ doi: 'x'.repeat(5000) }).success).toBe(false);
    expect(doiLookupSchema.safeParse({}).success).toBe(false);
  });

  it('createSourceSchema needs an origin a curator can give; updateSourceSchema ignores a DOI', () => {
    expect(createSourceSchema.parse({ ...VALID, origin: 'crossref' }).origin).toBe('crossref');
    expect(createSourceSchema.safeParse({ ...VALID, origin: 'bundled' }).success).toBe(false);
    const u = updateSourceSchema.parse({ ...VALID, sourceId: '7' });
    expect(u.sourceId).toBe(7);
    expect('doi' in u).toBe(false);
    expect(updateSourceSchema.safeParse({ ...VALID, sourceId: 'abc' }).success).toBe(false);
  });
});

describe('look-up helpers', () => {
  it('maps Crossref failures to reasons a curator can act on', () => {
    expect(lookupReason('network')).toBe(LOOKUP_REASONS.unreachable);
    expect(lookupReason('timeout')).toBe('Crossref did not answer (offline?) — enter the metadata by hand.');
    expect(lookupReason('not_found')).toBe(
      'Crossref has no record of this DOI — check it or enter the metadata by hand.',
    );
    expect(lookupReason('bad_response')).toBe(LOOKUP_REASONS.badResponse);
  });

  it('reads the Crossref options from the environment unless given', () => {
    expect(resolveLookupOptions({}, {})).toEqual({
      off: false,
      baseUrl: 'https://api.crossref.org',
      mailto: undefined,
      timeoutMs: undefined,
    });
    expect(resolveLookupOptions({}, { CROSSREF_API_URL: 'OFF', CROSSREF_MAILTO: ' a@b.org ' })).toMatchObject({
      off: true,
      mailto: 'a@b.org',
    });
    expect(
      resolveLookupOptions({ crossrefBaseUrl: 'http://127.0.0.1:1', timeoutMs: 50 }, { CROSSREF_API_URL: 'off' }),
    ).toMatchObject({
      off: false,
      baseUrl: 'http://127.0.0.1:1',
      timeoutMs: 50,
    });
  });

  it('builds links with each DOI segment encoded', () => {
    expect(sourcePath('10.1007/s00125-014-3337-2')).toBe('/sources/10.1007/s00125-014-3337-2');
    expect(sourcePath('10.1002/(sici)1097#x?y')).toBe('/sources/10.1002/(sici)1097%23x%3Fy');
    expect(newFindingPath('10.5555/evx.e2e.1')).toBe('/findings/new?doi=10.5555/evx.e2e.1');
    expect(new URL(newFindingPath('10.5555/a&b=c#d'), 'http://x').searchParams.get('doi')).toBe('10.5555/a&b=c#d');
  });

  it('turns stored metadata into form strings', () => {
    expect(toFormValues({ doi: '10.5555/x', title: null, year: 2014 })).toEqual({
      doi: '10.5555/x',
      title: '',
      authors: '',
      journal: '',
      year: '2014',
      volumePages: '',
      pmid: '',
    });
  });
});
