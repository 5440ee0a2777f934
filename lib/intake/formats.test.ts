import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enc } from './intake-test-kit';
import { parseIntakeFile } from './parse';
import type { IntakeFormat, IntakeParseResult } from './types';

function parsed(text: string, name = 'upload.txt', format?: IntakeFormat): IntakeParseResult {
  const r = parseIntakeFile(enc(text), name, format);
  if ('ok' in r) throw new Error(`expected a parse result, got: ${r.message}`);
  return r;
}

describe('BibTeX', () => {
  const good = `% exported by JabRef
@string{jev = "Journal of Extracellular Vesicles"}
@article{smith2020,
  title = {M{\\"u}scle {EVs} and {\\&} myokines},
  author = {Smith, John and Doe, Jane},
  journal = jev,
  year = {2020},
  doi = {10.1002/JEV2.1},
  pmid = {00123},
  keywords = {exosome, muscle},
  abstract = {Short.}
}
@comment{ignored}
@misc{pre2019, title = {A preprint}, author = {Roe, R.}, year = 2019, doi = {10.1101/2019.01.01.000001}}
`;

  it('maps an entry (macros, LaTeX accents, PMID) and keeps entry numbers without @string/@comment', () => {
    const r = parsed(good, 'refs.bib');
    expect(r.format).toBe('bibtex');
    expect(r.report).toEqual([
      { row: 1, ok: true, title: 'Müscle EVs and & myokines' },
      { row: 2, ok: true, title: 'A preprint' },
    ]);
    expect(r.records[0]!.record).toMatchObject({
      authors: ['Smith, John', 'Doe, Jane'],
      firstAuthor: 'smith',
      journal: 'Journal of Extracellular Vesicles',
      year: 2020,
      doi: '10.1002/jev2.1',
      pmid: '123',
      keywords: ['exosome', 'muscle'],
    });
    expect(r.records[1]!.record.isPreprint).toBe(true);
  });

  it('reports an unterminated entry by number and key and still parses the others (per-entry fallback, macros kept)', () => {
    const broken = good.replace('@comment{ignored}', '@article{broken1, title = {Never closed, author = {X}\n');
    const r = parsed(broken, 'refs.bib');
    expect(r.report.map((x) => [x.row, x.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(r.report[1]!.message).toMatch(/^entry 2: could not be read as BibTeX \(broken1\): /);
    expect(r.records[0]!.record.journal).toBe('Journal of Extracellular Vesicles');
    expect(r.records.map((x) => x.row)).toEqual([1, 3]);
  });

  it('refuses an entry with a 5 MB field and keeps the rest', () => {
    const text = `@article{a, title={A}, year=2020}\n@article{big, title={Big}, abstract={${'x'.repeat(5_000_000)}}}\n@article{c, title={C}}\n`;
    const r = parsed(text, 'refs.bib');
    expect(r.report.map((x) => x.ok)).toEqual([true, false, true]);
    expect(r.report[1]!.message).toMatch(/^entry 2: big: the entry is 5,000,\d{3} characters long/);
  });
});

describe('PubMed / MEDLINE (.nbib)', () => {
  const nbib = `
PMID- 31234567
OWN - NLM
DP  - 2019 Jun 12
TI  - Skeletal muscle-derived exosomes regulate endothelial cell functions via
      reactive oxygen species-activated nuclear factor-kappaB signalling.
AB  - Exercise releases vesicles.
FAU - Nie, Yaohui
AU  - Nie Y
FAU - Gavin, Timothy P
LID - 10.1113/EP087384 [doi]
AID - S0000-0000(19)00000-0 [pii]
AID - 10.1113/EP087384 [doi]
PMC - PMC6543210
OT  - exosomes
MH  - *Exosomes/metabolism
MH  - Muscle, Skeletal
JT  - Experimental physiology
TA  - Exp Physiol

PMID- 40000001
TI  - A preprint on vesicles.
AU  - Roe RJ
DP  - 2024
PT  - Preprint
AID - 10.1101/2024.01.01.000002 [doi]

PMID- 40000002
AU  - Nobody N
`;

  it('reads tags, continuation lines, FAU/AU, DOI from AID/LID, PMCID, keywords, preprints', () => {
    const r = parsed(nbib, 'pubmed.nbib');
    expect(r.format).toBe('nbib');
    expect(r.records[0]!.record).toMatchObject({
      title:
        'Skeletal muscle-derived exosomes regulate endothelial cell functions via reactive oxygen species-activated nuclear factor-kappaB signalling.',
      authors: ['Nie, Yaohui', 'Gavin, Timothy P'],
      firstAuthor: 'nie',
      year: 2019,
      doi: '10.1113/ep087384',
      pmid: '31234567',
      pmcid: 'PMC6543210',
      journal: 'Experimental physiology',
      keywords: ['exosomes', 'Exosomes', 'Muscle, Skeletal'],
      isPreprint: false,
    });
    expect(r.records[0]!.record.raw.OWN).toEqual(['NLM']);
    expect(r.records[1]!.record).toMatchObject({
      authors: ['Roe, RJ'],
      firstAuthor: 'roe',
      isPreprint: true,
      year: 2024,
    });
    expect(r.report[2]).toMatchObject({ row: 3, ok: true, message: 'entry 3: no title (kept for its identifier)' });
  });

  it('counts stray lines in a notice and starts a new entry at a second PMID without a blank line', () => {
    const r = parsed('PMID- 1\nTI  - One\nthis is not a tag line\nPMID- 2\nTI  - Two\n', 'x.nbib');
    expect(r.records.map((x) => x.record.title)).toEqual(['One', 'Two']);
    expect(r.notices).toEqual(['1 line(s) that are not MEDLINE tag lines were ignored.']);
  });
});

describe('CSL-JSON', () => {
  it('reads an array, refusing items that are not objects', () => {
    const items = [
      {
        type: 'article-journal',
        title: 'CSL one',
        DOI: '10.1000/CSL',
        issued: { 'date-parts': [['2022', 3]] },
        author: [{ family: 'Lee', given: 'K' }],
      },
      7,
      { title: 'Posted', type: 'posted-content', author: [{ literal: 'EV Consortium' }] },
    ];
    const r = parsed(JSON.stringify(items), 'items.json');
    expect(r.format).toBe('csl_json');
    expect(r.report.map((x) => x.ok)).toEqual([true, false, true]);
    expect(r.report[1]!.message).toBe('entry 2: not a CSL-JSON item (an object was expected)');
    expect(r.records[0]!.record).toMatchObject({
      doi: '10.1000/csl',
      year: 2022,
      authors: ['Lee, K'],
      firstAuthor: 'lee',
    });
    expect(r.records[1]!.record.isPreprint).toBe(true);
  });

  it('accepts one item object', () => {
    expect(parsed('{"title":"Alone","issued":{"raw":"2018-05"}}').records[0]!.record).toMatchObject({
      title: 'Alone',
      year: 2018,
    });
  });

  it.each([
    ['"a string"', 'CSL-JSON must be an array of items (or a single item object).'],
    ['42', 'CSL-JSON must be an array of items (or a single item object).'],
    ['[1, 2', /^The file is not valid JSON \(/],
  ])('refuses %s', (text, message) => {
    const r = parseIntakeFile(enc(text), 'x.json', 'csl_json');
    expect('ok' in r && r.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });
});

describe('identifier lists', () => {
  it('reads DOIs in any form, PMIDs (bare or labelled), PMCIDs, separated by lines, spaces or commas', () => {
    const text = 'https://doi.org/10.1000/ABC\ndoi:10.1101/2020.01.01.000003, PMID: 00123456\n 987654 PMC555 banana\n';
    const r = parsed(text, 'ids.txt');
    expect(r.format).toBe('ids');
    const ids = r.records.map(({ record: x }) => [x.doi, x.pmid, x.pmcid, x.isPreprint]);
    expect(ids).toEqual([
      ['10.1000/abc', null, null, false],
      ['10.1101/2020.01.01.000003', null, null, true],
      [null, '123456', null, false],
      [null, '987654', null, false],
      [null, null, 'PMC555', false],
    ]);
    expect(r.report[5]).toEqual({
      row: 6,
      ok: false,
      message: 'entry 6: line 3: "banana" is neither a DOI, a PMID nor a PMCID',
    });
  });
});

describe('garbage never throws', () => {
  it('returns a result or a message for arbitrary bytes and text in every format', () => {
    const formats: (IntakeFormat | undefined)[] = [undefined, 'ris', 'bibtex', 'nbib', 'csl_json', 'ids'];
    const seeds = [
      'TY  - ',
      '@article{',
      'PMID- ',
      '[{"title":',
      '10.1000/',
      '}}}{{{',
      'ER  - \r\n',
      '      cont',
      '\u0000',
      '\uD800',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...seeds), fc.string()), { maxLength: 30 }),
        fc.constantFrom(...formats),
        (parts, format) => {
          const r = parseIntakeFile(enc(parts.join('\n')), 'fuzz.txt', format);
          // Either one file-level message or at least one report row: never an empty success.
          if ('ok' in r) expect(r.message.length).toBeGreaterThan(0);
          else expect(r.report.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(() => parseIntakeFile(bytes, 'fuzz.bin')).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('reads RIS with CRLF line ends', () => {
    const r = parsed('TY  - JOUR\r\nTI  - Windows\r\nPY  - 2019\r\nER  - \r\n');
    expect(r.records[0]!.record).toMatchObject({ title: 'Windows', year: 2019 });
  });
});
