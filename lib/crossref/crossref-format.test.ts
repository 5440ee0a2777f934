import { describe, expect, it } from 'vitest';
import { ASWAD, ASWAD_DOI, fixture } from './crossref-test-kit';
import {
  cleanText,
  crossrefWorkResponseSchema,
  formatAuthors,
  formatPages,
  formatVolumePages,
  initials,
  mapCrossrefWork,
} from './index';

describe('the fixture', () => {
  it('validates against the response schema (unknown fields stripped)', () => {
    const parsed = crossrefWorkResponseSchema.parse(fixture);
    expect(parsed.message.DOI).toBe(ASWAD_DOI);
    expect(parsed.message).not.toHaveProperty('reference-count');
    expect(mapCrossrefWork(parsed.message)).toEqual(ASWAD);
  });
});

describe('formatting helpers', () => {
  const a = (given: string | undefined, family: string | undefined) => ({ given, family });

  it('formats authors like the bundled references', () => {
    expect(formatAuthors([a('Barbara K.', 'Pedersen')])).toBe('Pedersen, B. K.');
    expect(formatAuthors([a('Wataru', 'Aoi'), a('Yuko', 'Tanimura')])).toBe('Aoi, W., and Tanimura, Y.');
    expect(
      formatAuthors([
        a('Cristina', 'Castaño'),
        a('Mercedes', 'Mirasierra'),
        a('Mario', 'Vallejo'),
        a('Anna', 'Novials'),
        a('Marcelina', 'Párrizas'),
      ]),
    ).toBe('Castaño, C., Mirasierra, M., Vallejo, M., Novials, A., and Párrizas, M.');
    // exactly six → all listed
    expect(
      formatAuthors([
        a('Rita', 'De Gasperi'),
        a('Sima', 'Hamidi'),
        a('Lauren M.', 'Harlow'),
        a('Hanna', 'Ksiazak-Reding'),
        a('William A.', 'Bauman'),
        a('Christopher P.', 'Cardozo'),
      ]),
    ).toBe('De Gasperi, R., Hamidi, S., Harlow, L. M., Ksiazak-Reding, H., Bauman, W. A., and Cardozo, C. P.');
    // seven → six + et al.
    expect(formatAuthors(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((f) => a('Xi', f)))).toBe(
      'A, X., B, X., C, X., D, X., E, X., F, X., et al.',
    );
    expect(formatAuthors([])).toBeNull();
    expect(formatAuthors(undefined)).toBeNull();
  });

  it('handles organisations, family-only and empty authors', () => {
    expect(formatAuthors([{ name: 'ME/CFS Clinician Coalition' }, a(undefined, 'Smith'), a(' ', ' ')])).toBe(
      'ME/CFS Clinician Coalition, and Smith',
    );
  });

  it('builds initials from given names', () => {
    expect(initials('Oscar P.B.')).toBe('O. P. B.');
    expect(initials('Oscar P. B.')).toBe('O. P. B.');
    expect(initials('Marie-Claude')).toBe('M.-C.');
    expect(initials('Wei Da-Chun')).toBe('W. D.-C.');
    expect(initials('Kuo-Yuan')).toBe('K.-Y.');
    expect(initials('Tiago de Oliveira')).toBe('T. de O.');
    expect(initials('Lennart J. E.')).toBe('L. J. E.');
    expect(initials('émilie')).toBe('É.');
    expect(initials('  ')).toBe('');
  });

  it('formats pages and volume', () => {
    expect(formatPages('2155-2164')).toBe('2155–2164');
    expect(formatPages('E297-E307')).toBe('E297–E307');
    expect(formatPages('2028-2043.e7')).toBe('2028–2043.e7');
    expect(formatPages('942–955')).toBe('942–955');
    expect(formatPages('e84153')).toBe('e84153');
    expect(formatPages('')).toBeNull();
    expect(formatVolumePages({ volume: '57', page: '2155-2164' })).toBe('57, 2155–2164');
    expect(formatVolumePages({ volume: '9', 'article-number': 'e84153' })).toBe('9, e84153');
    expect(formatVolumePages({ volume: '9', page: '128-132', 'article-number': '1' })).toBe('9, 128–132');
    expect(formatVolumePages({ page: '1337-1362' })).toBe('1337–1362');
    expect(formatVolumePages({ volume: '12' })).toBe('12');
    expect(formatVolumePages({})).toBeNull();
  });

  it('cleans titles', () => {
    expect(cleanText('<jats:title>A <b>bold</b>\n  claim</jats:title>')).toBe('A bold claim');
    expect(cleanText('IL-1 &#946; &#x3b3; &unknown; deficiency')).toBe('IL-1 β γ &unknown; deficiency');
    expect(cleanText('   ')).toBeNull();
  });

  it('appends a subtitle once', () => {
    const m = mapCrossrefWork({ DOI: '10.1234/x', title: ['Main title'], subtitle: ['the sub'] });
    expect(m.title).toBe('Main title: the sub');
    const n = mapCrossrefWork({ DOI: '10.1234/x', title: ['Main title: the sub'], subtitle: ['the sub'] });
    expect(n.title).toBe('Main title: the sub');
  });
});
