import { describe, expect, it } from 'vitest';
import { capRaw, mapEuropePmcResult, plainText, RAW_MAX_CHARS } from './europepmc-record';

describe('plainText', () => {
  it('drops tags (inline ones inside words, block ones between them) and decodes entities', () => {
    expect(plainText('<b>CD63</b><sup>+</sup> EVs<br/>in <span class="x">vivo</span>')).toBe('CD63+ EVs in vivo');
    expect(plainText('IL-6 &gt; 2&#x00D7; baseline, p<0.01 &unknown;')).toBe('IL-6 > 2× baseline, p<0.01 &unknown;');
    expect(plainText(undefined)).toBe('');
  });
});

describe('mapEuropePmcResult', () => {
  it('reads a field of the wrong type as missing instead of failing', () => {
    const r = mapEuropePmcResult({
      id: 1,
      title: { nested: true },
      pmid: '0012345',
      pmcid: 'pmc77',
      doi: 'not a doi',
      pubYear: 'n.d.',
      keywordList: { keyword: 'exosomes' },
      authorList: 'Smith J',
    });
    expect(r).toMatchObject({
      title: '',
      pmid: '12345',
      pmcid: 'PMC77',
      doi: null,
      year: null,
      keywords: ['exosomes'],
      authors: [],
      firstAuthor: '',
      isPreprint: false,
    });
  });

  it('marks as preprints a "Preprint" pub type or a preprint DOI even outside source PPR', () => {
    expect(mapEuropePmcResult({ source: 'MED', pubTypeList: { pubType: ['Preprint'] } }).isPreprint).toBe(true);
    expect(mapEuropePmcResult({ source: 'MED', doi: '10.21203/rs.3.rs-123/v1' }).isPreprint).toBe(true);
  });

  it('keeps the raw record under 20 kB, cutting the longest fields first and saying which', () => {
    const author = (i: number) => ({
      fullName: `Author${i} A`,
      lastName: `Author${i}`,
      authorAffiliationDetailsList: { authorAffiliation: [{ affiliation: 'Department of Physiology '.repeat(8) }] },
    });
    const result = {
      id: '1',
      source: 'MED',
      abstractText: 'word '.repeat(6000),
      authorList: { author: Array.from({ length: 300 }, (_, i) => author(i)) },
    };
    const r = mapEuropePmcResult(result);
    expect(JSON.stringify(r.raw).length).toBeLessThanOrEqual(RAW_MAX_CHARS);
    expect(r.raw).toMatchObject({ id: '1', source: 'MED', _truncated: ['authorList'] });
    expect(String(r.raw.abstractText)).toHaveLength(8001);
    expect(r.abstract).toHaveLength('word '.repeat(6000).trim().length);
    expect(r.authors).toHaveLength(300);
    expect(capRaw({ a: 'short' })).toEqual({ a: 'short' });
  });
});
