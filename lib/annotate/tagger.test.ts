import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVocabFile, type TermRow } from '../vocab/tsv';
import { buildTaggerIndex, type Mention, type MentionType, tagText } from '.';
import { abbreviates } from './abbreviations';
import { evaluate, formatEvaluation, locateGold } from './evaluate';
import { GOLD } from './gold';
import { GOLD_BLIND } from './gold-blind';

// The project's vocabulary files, read here (the tagger itself never reads files).
const dir = path.join(import.meta.dirname, '..', '..', 'db', 'vocab');
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
const taxa = parseVocabFile('ncbitaxon.tsv', read('ncbitaxon.tsv'));
const files = ['uberon.tsv', 'cl.tsv', 'cellosaurus.tsv', 'disease.tsv', 'hgnc.tsv', 'mirbase-mature.tsv', 'eco.tsv'];
const rows: TermRow[] = [...taxa, ...files.flatMap((f) => parseVocabFile(f, read(f), taxa))];
const index = buildTaggerIndex(rows);

const MOUSE = 'NCBITaxon:10090';
const HUMAN = 'NCBITaxon:9606';
const tag = (text: string, species: string | null = null) => tagText(text, index, { species });
/** "text:type" of every mention, in order. */
const spans = (text: string, species: string | null = null) => tag(text, species).map((m) => `${m.text}:${m.type}`);
const ofType = (text: string, type: MentionType) => spans(text).filter((s) => s.endsWith(`:${type}`));

describe('miRNA mentions', () => {
  it('finds every usual spelling, with the name it stands for', () => {
    const text =
      'miR-133a, miR133a, microRNA-133a, MIR-133A, let-7d-3p, hsa-miR-21-5p, miRNA-486, pre-miR-1 and miR-21*.';
    expect(tag(text).map((m) => [m.text, m.name])).toEqual([
      ['miR-133a', 'miR-133a'],
      ['miR133a', 'miR-133a'],
      ['microRNA-133a', 'miR-133a'],
      ['MIR-133A', 'miR-133a'],
      ['let-7d-3p', 'let-7d-3p'],
      ['hsa-miR-21-5p', 'hsa-miR-21-5p'],
      ['miRNA-486', 'miR-486'],
      ['pre-miR-1', 'pre-miR-1'],
      ['miR-21*', 'miR-21*'],
    ]);
  });

  it('splits slash and comma lists into one mention per miRNA, the arm shared', () => {
    expect(tag('the miR-23a/27a cluster').map((m) => [m.text, m.name])).toEqual([
      ['miR-23a', 'miR-23a'],
      ['27a', 'miR-27a'],
    ]);
    expect(tag('miR-27a/b-3p').map((m) => m.name)).toEqual(['miR-27a-3p', 'miR-27b-3p']);
    expect(tag('miR-199a-3p/-5p').map((m) => [m.text, m.name])).toEqual([
      ['miR-199a-3p', 'miR-199a-3p'],
      ['-5p', 'miR-199a-5p'],
    ]);
    expect(tag('miR-1, -133a and -206 fell').map((m) => [m.text, m.name])).toEqual([
      ['miR-1', 'miR-1'],
      ['-133a', 'miR-133a'],
      ['-206', 'miR-206'],
    ]);
  });

  it('is no miRNA without a number, nor "let" as a verb, nor inside a longer word', () => {
    expect(tag('We let the pellet dry, then let 7 µl soak in; 312 miRNAs, an antagomiR-21 and the miRNome.')).toEqual(
      [],
    );
    expect(spans('Anti-miR-155 treatment')).toEqual(['miR-155:mirna']);
  });

  it('grounds in the study species, or in the species its prefix names; without either, no curie', () => {
    const [a] = tag('miR-206-3p', MOUSE);
    expect([a!.curie, a!.label]).toEqual(['mirbase.mature:MIMAT0000239', 'mmu-miR-206-3p']);
    expect(tag('hsa-miR-21-5p', MOUSE)[0]!.curie).toBe('mirbase.mature:MIMAT0000076');
    expect(tag('miR-206-3p')[0]).toMatchObject({ curie: null, label: null });
    const [noArm] = tag('miR-133a', MOUSE);
    expect(noArm!.curie).toBeNull();
    expect(noArm!.candidates?.map((c) => c.label).sort()).toEqual(['mmu-miR-133a-3p', 'mmu-miR-133a-5p']);
  });
});

describe('gene mentions', () => {
  it('finds symbols, aliases, protein spellings and mouse-style symbols', () => {
    const text = 'IL-6, TNF-α, PGC-1α, mTOR, MyoD, p53, AKT, Pax7 and FNDC5 rose, as did myostatin; in mice Mstn fell.';
    expect(ofType(text, 'gene')).toEqual(
      ['IL-6', 'TNF-α', 'PGC-1α', 'mTOR', 'MyoD', 'p53', 'AKT', 'Pax7', 'FNDC5', 'myostatin', 'Mstn'].map(
        (s) => `${s}:gene`,
      ),
    );
    expect(tag('TNF-α')[0]).toMatchObject({ curie: 'HGNC:11892', label: 'TNF' });
  });

  it('leaves words and abbreviations that are also symbols alone, unless the text treats them as genes', () => {
    expect(
      ofType('We set a SET of limits; the IMPACT trial at 6 METs; mean ± SEM; LPS, ROS and HFD; 5% CO2.', 'gene'),
    ).toEqual([]);
    expect(ofType('CAT activity and the DMD gene', 'gene')).toEqual(['CAT:gene', 'DMD:gene']);
    expect(ofType('CAT, SOD2 and GPX1 rose', 'gene')).toEqual(['CAT:gene', 'SOD2:gene', 'GPX1:gene']);
    expect(ofType('Ca2+ rose in Bio-Rad gels (Sigma, Abcam)', 'gene')).toEqual([]);
    expect(ofType('THE IMPACT OF EXERCISE', 'gene')).toEqual([]);
  });

  it('grounds to HGNC in human studies, and only offers the human gene in others', () => {
    expect(tag('FNDC5', HUMAN)[0]).toMatchObject({ curie: 'HGNC:20240', label: 'FNDC5' });
    expect(tag('Fndc5', MOUSE)[0]).toMatchObject({
      curie: null,
      candidates: [{ curie: 'HGNC:20240', label: 'FNDC5' }],
    });
    expect(tag('NF-κB and AMPK')).toMatchObject([
      { text: 'NF-κB', type: 'gene', curie: null },
      { text: 'AMPK', type: 'gene', curie: null },
    ]);
  });
});

describe('cells, cell lines, anatomy, species and diseases', () => {
  it('tags cell types in the plural and cell lines as papers write them', () => {
    expect(spans('satellite cells, myotubes, M2 macrophages and T cells')).toEqual([
      'satellite cells:cell',
      'myotubes:cell',
      'M2 macrophages:cell',
      'T cells:cell',
    ]);
    expect(ofType('C2C12, HepG2, 3T3-L1, SH-SY5Y, RAW264.7 and HUVECs', 'cell_line')).toHaveLength(6);
    expect(tag('HUVEC')[0]).toMatchObject({ curie: null, candidates: expect.arrayContaining([expect.anything()]) });
  });

  it('takes a short cell line name for one only where cells follow', () => {
    expect(ofType('L6 and LLC cells; LLC tumour-bearing mice', 'cell_line')).toEqual([
      'L6:cell_line',
      'LLC:cell_line',
      'LLC:cell_line',
    ]);
    expect(ofType('the L6 vertebra and an LLC', 'cell_line')).toEqual([]);
  });

  it('tags organs, tissues and fluids, but not generic words', () => {
    expect(spans('skeletal muscle, serum, plasma, brown adipose tissue, kidneys and the tibialis anterior')).toEqual([
      'skeletal muscle:anatomy',
      'serum:anatomy',
      'plasma:anatomy',
      'brown adipose tissue:anatomy',
      'kidneys:anatomy',
      'tibialis anterior:anatomy',
    ]);
    expect(spans('each cell of the plate, the tube at the back, the plasma membrane, a high-fat diet')).toEqual([]);
  });

  it('tags species by scientific and common names, plurals and adjectives', () => {
    expect(spans('Mus musculus, mice, rats, murine, porcine and guinea pigs')).toEqual(
      ['Mus musculus', 'mice', 'rats', 'murine', 'porcine', 'guinea pigs'].map((s) => `${s}:species`),
    );
    expect(tag('mice')[0]).toMatchObject({ curie: 'NCBITaxon:10090' });
  });

  it('tags diseases by label and synonym, longest first', () => {
    expect(
      spans("type 2 diabetes mellitus, Duchenne muscular dystrophy, Alzheimer's disease and insulin resistance"),
    ).toEqual([
      'type 2 diabetes mellitus:disease',
      'Duchenne muscular dystrophy:disease',
      "Alzheimer's disease:disease",
      'insulin resistance:disease',
    ]);
  });

  it('tags an abbreviation where the text defines it, with the term it stands for', () => {
    const ms = tag('the tibialis anterior (TA) and the TA weight; TA cloning elsewhere is the same word');
    expect(ms.filter((m) => m.text === 'TA').map((m) => m.curie)).toEqual([
      'UBERON:0001385',
      'UBERON:0001385',
      'UBERON:0001385',
    ]);
    expect(spans('TA cloning kit')).toEqual([]);
    expect(abbreviates('MSC', 'mesenchymal stem cells')).toBe(true);
    expect(abbreviates('TA', 'skeletal muscle')).toBe(false);
  });
});

describe('EV methods and markers', () => {
  it('tags methods in their spellings and abbreviations, with the MISEV field they fill', () => {
    const text =
      'differential ultracentrifugation, size exclusion chromatography (SEC), NTA, cryo-EM and Western blotting';
    expect(ofType(text, 'ev_method').map((s) => s.split(':')[0])).toEqual([
      'differential ultracentrifugation',
      'size exclusion chromatography',
      'SEC',
      'NTA',
      'cryo-EM',
      'Western blotting',
    ]);
    expect(tag('NTA')[0]!.misev).toEqual({ field: 'particleAnalysis', value: 'nta' });
    expect(tag('TEM')[0]).toMatchObject({
      curie: 'ECO:0005033',
      name: 'Transmission EM',
      misev: { field: 'emMethods', value: 'tem' },
    });
  });

  it('does not take seconds, sections or the standard error for methods', () => {
    expect(tag('vortexed for 30 sec (see Sec. 2.4); mean ± SEM')).toEqual([]);
    expect(ofType('scanning electron microscopy (SEM); SEM images', 'ev_method')).toHaveLength(3);
  });

  it('tags markers, which win over the gene reading, grounded to their HGNC gene', () => {
    const ms = tag('CD63, TSG101, Alix, flotillin-1, HSP70, calnexin and GM130', HUMAN);
    expect(ms.map((m) => m.type)).toEqual(Array(7).fill('marker'));
    expect(ms[2]).toMatchObject({ curie: 'HGNC:8766', label: 'PDCD6IP', name: 'ALIX' });
    expect(ms[4]).toMatchObject({ curie: null, name: 'HSP70' });
    expect(ms[4]!.candidates!.map((c) => c.label)).toEqual(['HSPA1A', 'HSPA1B']);
    expect(spans('anti-CD63 beads')).toEqual(['CD63:marker']);
  });
});

describe('offsets and overlaps', () => {
  it('gives UTF-16 offsets: text.slice(start, end) is the mention, after astral characters too', () => {
    const text = '𝛼😀 miR-1 in 𝔪𝔦𝔠𝔢 and C2C12 — CD63';
    const ms = tag(text);
    expect(ms.map((m) => m.text)).toEqual(['miR-1', 'C2C12', 'CD63']);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('never returns overlapping mentions, and the longest wins', () => {
    for (const item of GOLD) {
      const ms: Mention[] = tag(item.text, item.species ?? null);
      for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
    }
    expect(spans('skeletal muscle satellite cells')).toEqual(['skeletal muscle satellite cells:cell']);
  });
});

describe('the gold set', () => {
  const result = evaluate(GOLD, (text, species) => tag(text, species));

  it('has at least 150 mentions, written as its rules say, all found in their sentences', () => {
    const count = (t: MentionType) => GOLD.flatMap((g) => g.mentions).filter((x) => x.type === t).length;
    expect(result.overall.gold).toBeGreaterThanOrEqual(150);
    expect(count('mirna')).toBeGreaterThanOrEqual(40);
    expect(count('ev_method')).toBeGreaterThanOrEqual(25);
    expect(count('marker')).toBeGreaterThanOrEqual(25);
    for (const item of GOLD) expect(() => locateGold(item)).not.toThrow();
  });

  it('scores the tagger per type (table printed), meeting the targets for miRNAs, EV methods and markers', () => {
    const blind = evaluate(GOLD_BLIND, (text, species) => tag(text, species));
    console.log(`Tagger against the whole gold set:\n${formatEvaluation(result)}`);
    console.log(`Of it, the batch written last (gold-blind.ts):\n${formatEvaluation(blind)}`);
    for (const s of result.scores) {
      const target = ['mirna', 'ev_method', 'marker'].includes(s.type);
      // Issue 12's targets for these three; a floor for the others, well under what they score, that a
      // type-wide break (a vocabulary not read, a stoplist lost) falls through but one new hard case does not.
      expect(s.precision, `${s.type} precision`).toBeGreaterThanOrEqual(target ? 0.9 : 0.85);
      expect(s.recall, `${s.type} recall`).toBeGreaterThanOrEqual(target ? 0.8 : 0.8);
    }
    expect(result.mirnaCuries.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
