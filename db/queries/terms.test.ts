import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TermKind } from '../../lib/vocab/sources';
import { searchTextOf } from '../../lib/vocab/tsv';
import { openTestDb, type TestDb, testEngines } from '../test-utils';
import { getTermsByCurie, suggestTerms } from './terms';

const MOUSE = 'NCBITaxon:10090';
const HUMAN = 'NCBITaxon:9606';

describe.each(testEngines())('term suggestions on %s', (engine) => {
  let t: TestDb;
  const suggest = (text: string, kinds: TermKind[], species?: string, limit?: number) =>
    suggestTerms(t.db, { text, kinds, species, limit });
  const curies = async (...a: Parameters<typeof suggest>) => (await suggest(...a)).map((s) => s.curie);

  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(() => t?.dispose());

  it('put the exact label first, with its parent, and find a term by its synonym', async () => {
    const [first] = await suggest('bone marrow', ['anatomy']);
    expect(first).toMatchObject({ curie: 'UBERON:0002371', label: 'bone marrow', kind: 'anatomy', vocab: 'UBERON' });
    expect(first!.matched).toBeNull();
    expect(first!.parent).toEqual({ curie: 'UBERON:0000479', label: 'tissue' });

    const [bySynonym] = await suggest('Medulla  ossea', ['anatomy']);
    expect(bySynonym).toMatchObject({ curie: 'UBERON:0002371', matched: 'medulla ossea' });
    const [paperSpelling] = await suggest('hepg2', ['cell_line']);
    expect(paperSpelling).toMatchObject({ curie: 'cellosaurus:CVCL_0027', label: 'Hep-G2', matched: 'HepG2' });
  });

  it('find cell lines and cell types of the acceptance path', async () => {
    expect((await curies('C2C12', ['cell_line']))[0]).toBe('cellosaurus:CVCL_0188');
    expect((await curies('C2', ['cell_line']))[0]).toBe('cellosaurus:CVCL_0188');
    expect((await curies('satellite cell', ['cell'])).slice(0, 3)).toContain('CL:0000594');
    // A typo still finds it (trigram similarity, when nothing matches as text).
    expect((await curies('satelite cell', ['cell']))[0]).toBe('CL:0000594');
  });

  it("give miRNAs of the study's species only", async () => {
    const mouse = await suggest('miR-206', ['mirna'], MOUSE);
    expect(mouse.length).toBeGreaterThan(0);
    expect(mouse.every((s) => s.species === MOUSE && s.label.startsWith('mmu-'))).toBe(true);
    expect(mouse.slice(0, 2).map((s) => s.label)).toEqual(['mmu-miR-206-3p', 'mmu-miR-206-5p']);
    expect(mouse[0]!.curie).toBe('mirbase.mature:MIMAT0000239');

    const human = await suggest('miR-206', ['mirna'], HUMAN);
    expect(human.every((s) => s.species === HUMAN)).toBe(true);
    expect(human[0]!.label).toBe('hsa-miR-206');

    // Without a species every species' miR-206 is there; a near miss (miR-207) is never guessed.
    const all = await suggest('miR-206', ['mirna'], undefined, 25);
    expect(new Set(all.map((s) => s.species)).size).toBeGreaterThan(5);
    expect(await suggest('miR-2o6', ['mirna'], MOUSE)).toEqual([]);
  });

  it('rank a whole number before one it is the start of (IL1A before IL10)', async () => {
    const labels = (await suggest('il1', ['gene'], undefined, 25)).map((s) => s.label);
    expect(labels.slice(0, 2)).toEqual(expect.arrayContaining(['IL1A', 'IL1B']));
    const il10 = labels.indexOf('IL10');
    if (il10 !== -1) expect(il10).toBeGreaterThan(labels.indexOf('IL1B'));
  });

  it('find a term by its id, a bare accession, or a DOID id MONDO maps', async () => {
    expect((await curies('uberon:0002371', ['anatomy']))[0]).toBe('UBERON:0002371');
    expect((await curies('0002371', ['anatomy']))[0]).toBe('UBERON:0002371');
    expect((await curies('CVCL_0188', ['cell_line', 'cell']))[0]).toBe('cellosaurus:CVCL_0188');
    expect((await curies('MIMAT0000239', ['mirna'], MOUSE))[0]).toBe('mirbase.mature:MIMAT0000239');
    // A mouse accession is no answer for a human study.
    expect(await curies('MIMAT0000239', ['mirna'], HUMAN)).not.toContain('mirbase.mature:MIMAT0000239');

    const [t2d] = await suggest('DOID:9352', ['disease', 'phenotype']);
    expect(t2d).toMatchObject({ curie: 'MONDO:0005148', matched: 'DOID:9352' });
  });

  it('leave out terms of other kinds', async () => {
    expect(await curies('bone marrow', ['cell', 'cell_line'])).not.toContain('UBERON:0002371');
    expect(await curies('C2C12', ['anatomy', 'cell'])).not.toContain('cellosaurus:CVCL_0188');
    expect(await curies('UBERON:0002371', ['cell'])).toEqual([]);
    expect(await suggest('bone marrow', [])).toEqual([]);
  });

  it('respect the limit (default 10, at most 25)', async () => {
    expect(await suggest('muscle', ['anatomy', 'cell'])).toHaveLength(10);
    expect(await suggest('muscle', ['anatomy', 'cell'], undefined, 3)).toHaveLength(3);
    expect(await suggest('muscle', ['anatomy', 'cell'], undefined, 1000)).toHaveLength(25);
  });

  it('display terms by id in the order asked, unknown ones left out', async () => {
    const shown = await getTermsByCurie(t.db, ['CL:0000594', 'UBERON:9999999', 'UBERON:0002371', 'CL:0000594']);
    expect(shown.map((s) => s.curie)).toEqual(['CL:0000594', 'UBERON:0002371']);
    expect(shown[0]).toMatchObject({
      label: 'skeletal muscle satellite cell',
      kind: 'cell',
      obsolete: false,
      parent: { curie: 'CL:0000188', label: 'cell of skeletal muscle' },
    });
    expect(await getTermsByCurie(t.db, [])).toEqual([]);
  });
});

describe.each(testEngines())('term suggestions over changed vocabularies on %s', (engine) => {
  let t: TestDb;
  const odd = { curie: 'EVXT:0999001', label: 'odd a_b\\c 100% [x tissue', synonyms: [], xrefs: [] };
  const plain = { curie: 'EVXT:0999002', label: 'odd axbyc 1000 tissue', synonyms: [], xrefs: [] };

  beforeAll(async () => {
    t = await openTestDb(engine);
    for (const term of [odd, plain])
      await t.query(
        `insert into terms (curie, vocab, kind, label, source_version, search_text) values ($1, 'EVXT', 'anatomy', $2, 'test', $3)`,
        [term.curie, term.label, searchTextOf(term)],
      );
    await t.query(`update terms set obsolete = true where curie = 'cellosaurus:CVCL_0188'`);
  });
  afterAll(() => t?.dispose());

  const curies = async (text: string, kinds: TermKind[] = ['anatomy']) =>
    (await suggestTerms(t.db, { text, kinds })).map((s) => s.curie);

  it('never suggest an obsolete term, by name or by id', async () => {
    expect(await curies('C2C12', ['cell_line'])).not.toContain('cellosaurus:CVCL_0188');
    expect(await curies('CVCL_0188', ['cell_line'])).not.toContain('cellosaurus:CVCL_0188');
    expect(await curies('C2C1', ['cell_line'])).not.toContain('cellosaurus:CVCL_0188');
  });

  it('match % _ and \\ literally, and treat SQL in the text as text', async () => {
    expect(await curies('odd a_b')).toEqual([odd.curie]);
    expect(await curies('100% [x tissue')).toEqual([odd.curie]);
    expect(await curies('100%')).toEqual([odd.curie]);
    expect(await curies('b\\c 100')).toEqual([odd.curie]);
    expect(await curies('a_b')).toEqual([]); // no three letters in a row: label prefixes only
    expect(await curies('%')).toEqual([]);
    expect(await curies('%%%')).toEqual([]);
    expect(await curies('_')).toEqual([]);
    expect(await curies('axbyc')).toEqual([plain.curie]);
    expect(await curies("'; drop table terms; --")).toEqual([]);
    // The text goes into regular expressions too (to rank whole words): an unbalanced [ is just a character.
    expect(await curies('100% [x')).toEqual([odd.curie]);
    expect(await curies('[[:alnum:]]*')).toEqual([]);
    expect((await curies('bone marrow'))[0]).toBe('UBERON:0002371');
  });
});
