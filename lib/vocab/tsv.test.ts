import { describe, expect, it } from 'vitest';
import { fileVersionOf, parseVocabFile } from './tsv';

const tsv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('vocabulary file versions', () => {
  it('reads "# version:" lines before the header, for every vocabulary of the file or for one', () => {
    const text = tsv('# version: v2099-01-01', '# version HP: 2099-02-02', 'id\tlabel', 'X:1\tx');
    expect(fileVersionOf(text, 'MONDO')).toBe('v2099-01-01');
    expect(fileVersionOf(text, 'HP')).toBe('2099-02-02');
    expect(fileVersionOf(tsv('#version:r3  ', 'id\tlabel'), 'UBERON')).toBe('r3');
  });

  it('is undefined when the file names no version (the loader keeps the one in VOCABULARIES)', () => {
    expect(fileVersionOf(tsv('id\tlabel', 'X:1\tx'), 'UBERON')).toBeUndefined();
    expect(fileVersionOf(tsv('# built by build_vocab.py', 'id\tlabel'), 'UBERON')).toBeUndefined();
    // A "#" inside the rows is data, not metadata.
    expect(fileVersionOf(tsv('id\tlabel', '# version: no\tx'), 'UBERON')).toBeUndefined();
  });

  it('metadata lines are not rows', () => {
    const rows = parseVocabFile(
      'uberon.tsv',
      tsv('# version: v2', 'id\tlabel\texact_synonyms\tparents', 'UBERON:1\tone\t\t'),
    );
    expect(rows.map((r) => r.curie)).toEqual(['UBERON:1']);
  });
});

describe('obsolete and replaced_by columns', () => {
  // file, header, the rest of a row after its id, ids of four rows, a replacement as a file may write it, its CURIE
  const files: [string, string, string, string[], string, string][] = [
    [
      'uberon.tsv',
      'id\tlabel\texact_synonyms\tparents',
      'one\t\t',
      ['UBERON:1', 'UBERON:2', 'UBERON:3', 'UBERON:4'],
      'UBERON:9',
      'UBERON:9',
    ],
    ['cl.tsv', 'id\tlabel\texact_synonyms\tparents', 'one\t\t', ['CL:1', 'CL:2', 'CL:3', 'CL:4'], 'CL:9', 'CL:9'],
    [
      'eco.tsv',
      'id\tlabel\texact_synonyms\tparents',
      'one\t\t',
      ['ECO:1', 'ECO:2', 'ECO:3', 'ECO:4'],
      'ECO:9',
      'ECO:9',
    ],
    [
      'disease.tsv',
      'id\tlabel\tontology\texact_synonyms\tparents',
      'one\tMONDO\t\t',
      ['MONDO:1', 'MONDO:2', 'MONDO:3', 'MONDO:4'],
      'MONDO:9',
      'MONDO:9',
    ],
    [
      'cellosaurus.tsv',
      'id\tname\tpaper_spelling\tnote',
      'one\t\t',
      ['CVCL_1', 'CVCL_2', 'CVCL_3', 'CVCL_4'],
      'CVCL_9',
      'cellosaurus:CVCL_9',
    ],
    [
      'ncbitaxon.tsv',
      'id\tscientific_name\tgenbank_common_name',
      'one\t',
      ['NCBITaxon:1', 'NCBITaxon:2', 'NCBITaxon:3', 'NCBITaxon:4'],
      '9',
      'NCBITaxon:9',
    ],
    [
      'mirbase-mature.tsv',
      'accession\tname\tspecies_code',
      'one\thsa',
      ['MIMAT1', 'MIMAT2', 'MIMAT3', 'MIMAT4'],
      'MIMAT9',
      'mirbase.mature:MIMAT9',
    ],
    ['hgnc.tsv', 'hgnc_id\tsymbol\tname', 'one\t', ['HGNC:1', 'HGNC:2', 'HGNC:3', 'HGNC:4'], '9', 'HGNC:9'],
  ];

  it.each(files)('%s: without the columns every term is current', (file, header, rest, ids) => {
    const [t] = parseVocabFile(file, tsv(header, `${ids[0]}\t${rest}`));
    expect(t).toMatchObject({ obsolete: false, replacedBy: null });
  });

  it.each(files)('%s: obsolete and replaced_by mark the term', (file, header, rest, ids, written, curie) => {
    const rows = parseVocabFile(
      file,
      tsv(
        `${header}\tobsolete\treplaced_by`,
        `${ids[0]}\t${rest}\ttrue\t`,
        `${ids[1]}\t${rest}\ttrue\t${written}`,
        `${ids[2]}\t${rest}\t\t${written}`,
        `${ids[3]}\t${rest}\tfalse\t`,
      ),
    );
    expect(rows.map((r) => [r.obsolete, r.replacedBy])).toEqual([
      [true, null],
      [true, curie],
      // A term with a replacement is obsolete, whatever its obsolete column says.
      [true, curie],
      [false, null],
    ]);
  });

  it('refuses an obsolete value other than true or false', () => {
    expect(() =>
      parseVocabFile('uberon.tsv', tsv('id\tlabel\texact_synonyms\tparents\tobsolete', 'UBERON:1\tone\t\t\tyes')),
    ).toThrow(/obsolete must be "true" or "false", not "yes"/);
  });
});
