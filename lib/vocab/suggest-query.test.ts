import { describe, expect, it } from 'vitest';
import {
  escapeLike,
  escapeRegex,
  idCandidates,
  normalizeSearchText,
  parseSuggestQuery,
  prefixUpperBound,
} from './suggest-query';

const parse = (qs: string) => parseSuggestQuery(new URLSearchParams(qs));

describe('the query of GET /api/terms', () => {
  it('reads q, a comma list of kinds, a species and a limit', () => {
    expect(parse('q=bone%20marrow&kind=anatomy,%20cell,anatomy&species=NCBITaxon:10090&limit=5')).toEqual({
      ok: true,
      query: { q: 'bone marrow', kind: ['anatomy', 'cell'], species: 'NCBITaxon:10090', limit: 5 },
    });
    expect(parse('q=C2C12&kind=cell_line&species=')).toEqual({
      ok: true,
      query: { q: 'C2C12', kind: ['cell_line'], limit: 10 },
    });
  });

  it.each([
    ['kind=anatomy', 'q'],
    ['q=&kind=anatomy', 'q'],
    ['q=%20%20&kind=anatomy', 'q'],
    [`q=${'a'.repeat(101)}&kind=anatomy`, 'q'],
    ['q=bone%00marrow&kind=anatomy', 'q'],
    ['q=bone%0Amarrow&kind=anatomy', 'q'],
    ['q=bone', 'kind'],
    ['q=bone&kind=', 'kind'],
    ['q=bone&kind=,,', 'kind'],
    ['q=bone&kind=anatomy,organ', 'kind'],
    ['q=bone&kind=anatomy&species=mouse', 'species'],
    ['q=bone&kind=anatomy&limit=0', 'limit'],
    ['q=bone&kind=anatomy&limit=26', 'limit'],
    ['q=bone&kind=anatomy&limit=2.5', 'limit'],
    ['q=bone&kind=anatomy&limit=ten', 'limit'],
  ])('answers %s with a field error on %s', (qs, field) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual([field]);
  });
});

describe('suggestion text helpers', () => {
  it('normalise the typed text as search_text is written', () => {
    expect(normalizeSearchText('  Bone\t  Marrow ')).toBe('bone marrow');
  });

  it('escape LIKE wildcards and regular-expression characters', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(escapeRegex('miR-206 (a|b)*')).toBe('miR\\-206 \\(a\\|b\\)\\*');
  });

  it('bound a prefix from above', () => {
    expect(prefixUpperBound('il')).toBe('im');
    expect(prefixUpperBound('a\u{10FFFF}')).toBe('b');
    expect('il6' < prefixUpperBound('il') && 'im' >= prefixUpperBound('il')).toBe(true);
  });

  it.each([
    ['UBERON:0002371', ['UBERON:0002371']],
    ['uberon:2371', ['UBERON:0002371']],
    ['UBERON_0002371', ['UBERON:0002371']],
    ['CL:594', ['CL:0000594']],
    ['cellosaurus:cvcl_0188', ['cellosaurus:CVCL_0188']],
    ['CVCL_0188', ['cellosaurus:CVCL_0188']],
    ['mimat0000239', ['mirbase.mature:MIMAT0000239']],
    ['mirbase:MIMAT0000239', ['mirbase.mature:MIMAT0000239']],
    ['doid:9352', ['DOID:9352']],
    ['ncbitaxon:10090', ['NCBITaxon:10090']],
    ['HGNC:5', ['HGNC:5']],
    ['bone marrow', []],
    ['miR-206', []],
    ['123', []],
  ])('read %s as the ids %j', (text, ids) => {
    expect(idCandidates(text)).toEqual(ids);
  });

  it('read bare digits as an id of every vocabulary with numeric ids', () => {
    const ids = idCandidates('0002371');
    expect(ids).toEqual(expect.arrayContaining(['UBERON:0002371', 'CL:0002371', 'MONDO:0002371', 'HGNC:2371']));
    expect(idCandidates('10090')).toContain('NCBITaxon:10090');
  });
});
