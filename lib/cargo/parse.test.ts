import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CargoItem } from '../finding/schema';
import { classifyCargoName } from './classify';
import { CARGO_RULE_TEXT, cargoKey, cargoText, parseCargoCell } from './parse';

const mi = (name: string): CargoItem => ({ name, type: 'miRNA' });
const protein = (name: string): CargoItem => ({ name, type: 'protein' });
const lipid = (name: string): CargoItem => ({ name, type: 'lipid' });
const other = (name: string): CargoItem => ({ name, type: 'other' });

/** Every distinct ev_cargo value of the review's Table 1, with the items it must give. */
const TABLE1_CARGO: [string, CargoItem[]][] = [
  ['NA', []],
  ['miR-199a-5p', [mi('miR-199a-5p')]],
  ['Palmitate', [lipid('Palmitate')]],
  ['miR-133a', [mi('miR-133a')]],
  ['RAB35, intramuscular cholesterol contents', [protein('RAB35'), lipid('intramuscular cholesterol contents')]],
  ['lactate dehydrogenase A', [protein('lactate dehydrogenase A')]],
  ['miR-92a-3p', [mi('miR-92a-3p')]],
  ['Prrx2', [protein('Prrx2')]],
  ['miR-34a', [mi('miR-34a')]],
  ['Musclin, CD71, VEGF, and b2-AR', [protein('Musclin'), protein('CD71'), protein('VEGF'), protein('b2-AR')]],
  ['miR-342-5p', [mi('miR-342-5p')]],
  ['miR-130', [mi('miR-130')]],
  ['nitric oxide synthase', [protein('nitric oxide synthase')]],
  ['interleukin-6, BDNF, and FDNC5', [protein('interleukin-6'), protein('BDNF'), protein('FDNC5')]],
  ['miR-29b-3p', [mi('miR-29b-3p')]],
  ['pro-BDNF', [protein('pro-BDNF')]],
  ['miR-484', [mi('miR-484')]],
  ['miR-146a-5p, miR-221-5p', [mi('miR-146a-5p'), mi('miR-221-5p')]],
  ['miR-146a-5p', [mi('miR-146a-5p')]],
  ['miR-206-3p, miR-27a/b-3p', [mi('miR-206-3p'), mi('miR-27a/b-3p')]],
  ['AAV-miR-23a/27a', [mi('AAV-miR-23a/27a')]],
  ['AAV-miR-29a', [mi('AAV-miR-29a')]],
  ['Lamp2b-RVG vector; Exo/miR29', [other('Lamp2b-RVG vector'), mi('Exo/miR29')]],
  ['pLamp2b/MSTP-miR-26a', [mi('pLamp2b/MSTP-miR-26a')]],
  ['Exo/miR-26a', [mi('Exo/miR-26a')]],
  ['NA; miR-16', [mi('miR-16')]],
  ['miR-133a, miR-133b', [mi('miR-133a'), mi('miR-133b')]],
  [
    'miR-206-3p, miR-378a-3p, miR-30d-5p, and miR-21a-5p',
    [mi('miR-206-3p'), mi('miR-378a-3p'), mi('miR-30d-5p'), mi('miR-21a-5p')],
  ],
  ['miR-1, miR-2-6, and miR-499; miR-206', [mi('miR-1'), mi('miR-2-6'), mi('miR-499'), mi('miR-206')]],
];

const TABLE1_CSV = fileURLToPath(new URL('../../db/seed-data/review-table1.csv', import.meta.url));

describe('parseCargoCell — the review’s Table 1', () => {
  it('covers every distinct ev_cargo value in the seed copy of Table 1', () => {
    const rows = parse(readFileSync(TABLE1_CSV), { columns: true }) as Record<string, string>[];
    const inFile = new Set(rows.map((r) => r.ev_cargo));
    expect(inFile.size).toBe(29);
    expect(new Set(TABLE1_CARGO.map(([cell]) => cell))).toEqual(inFile);
  });

  it.each(TABLE1_CARGO)('%j', (cell, expected) => {
    expect(parseCargoCell(cell)).toEqual(expected);
  });
});

describe('parseCargoCell — splitting and naming', () => {
  it('normalizes bare miRNA names to miRBase spelling', () => {
    expect(parseCargoCell('MIR133A; mir-206-3P and Let-7A')).toEqual([mi('miR-133a'), mi('miR-206-3p'), mi('let-7a')]);
  });
  it('keeps species prefixes', () => {
    expect(parseCargoCell('HSA-MIR-21-5P')).toEqual([mi('hsa-miR-21-5p')]);
  });
  it('treats an empty cell and stray NA pieces as no cargo', () => {
    expect(parseCargoCell('')).toEqual([]);
    expect(parseCargoCell('  NA  ')).toEqual([]);
    expect(parseCargoCell('NA; NA')).toEqual([]);
    expect(parseCargoCell('miR-1; NA')).toEqual([mi('miR-1')]);
  });
  it('splits ", and", " and ", ";" with irregular spacing', () => {
    expect(parseCargoCell('miR-1 ;miR-2,  and miR-3 and  miR-4')).toEqual([
      mi('miR-1'),
      mi('miR-2'),
      mi('miR-3'),
      mi('miR-4'),
    ]);
  });
  it('does not split on "/" or on a comma without a space', () => {
    expect(parseCargoCell('miR-27a/b-3p, 1,2-diacylglycerol')).toEqual([
      mi('miR-27a/b-3p'),
      lipid('1,2-diacylglycerol'),
    ]);
  });
  it('drops repeated items, also when spelled differently', () => {
    expect(parseCargoCell('miR-21, MIR21, VEGF; VEGF')).toEqual([mi('miR-21'), protein('VEGF')]);
  });
});

describe('classifyCargoName', () => {
  it.each([
    ['miR-21', 'miRNA'],
    ['AAV-miR-29a', 'miRNA'],
    ['pre-miR-21', 'miRNA'],
    ['circHIPK3', 'circRNA'],
    ['lncRNA H19', 'lncRNA'],
    ['mtDNA', 'DNA'],
    ['Myod1 mRNA', 'mRNA'],
    ['pcDNA3.1 plasmid', 'other'],
    ['lactate', 'metabolite'],
    ['succinate', 'metabolite'],
    ['β-hydroxybutyrate', 'metabolite'],
    ['ceramide', 'lipid'],
    ['Cholesterol', 'lipid'],
    ['palmitic acid', 'lipid'],
    ['free fatty acids', 'lipid'],
    ['sphingosine-1-phosphate', 'lipid'],
    ['fatty acid synthase', 'protein'],
    ['IL-6', 'protein'],
    ['irisin', 'protein'],
    ['TNF-α', 'protein'],
    ['heat shock protein 70', 'protein'],
    ['glucose transporter 4', 'protein'],
    ['unknown factors released on contraction', 'protein'],
    ['vesicle contents', 'other'],
  ] as const)('%s → %s', (name, type) => {
    expect(classifyCargoName(name)).toBe(type);
  });
});

describe('cargoKey', () => {
  it('ignores order, case and miRNA spelling', () => {
    const a = [mi('miR-133a'), protein('CD71')];
    const b = [protein('cd71'), mi('MIR133A')];
    expect(cargoKey(a)).toBe(cargoKey(b));
    expect(cargoKey(a)).toBe('miRNA:mir-133a|protein:cd71');
  });
  it('ignores repeats and extra whitespace', () => {
    expect(cargoKey([lipid('intramuscular  cholesterol contents'), lipid('intramuscular cholesterol contents')])).toBe(
      'lipid:intramuscular cholesterol contents',
    );
  });
  it('tells types apart', () => {
    expect(cargoKey([protein('X1')])).not.toBe(cargoKey([other('X1')]));
  });
  it('tells different sets apart', () => {
    expect(cargoKey(parseCargoCell('miR-133a, miR-133b'))).not.toBe(cargoKey(parseCargoCell('miR-133a')));
  });
  it('is empty for no cargo', () => {
    expect(cargoKey([])).toBe('');
  });
});

describe('cargoText', () => {
  it('joins names with "; "', () => {
    expect(cargoText(parseCargoCell('miR-1, miR-2-6, and miR-499; miR-206'))).toBe('miR-1; miR-2-6; miR-499; miR-206');
    expect(cargoText([])).toBe('');
  });
  it('round-trips through parseCargoCell', () => {
    for (const [cell] of TABLE1_CARGO) {
      const items = parseCargoCell(cell);
      expect(parseCargoCell(cargoText(items))).toEqual(items);
    }
  });
});

describe('CARGO_RULE_TEXT', () => {
  it('states the splitting and typing rule', () => {
    expect(CARGO_RULE_TEXT).toContain('"NA"');
    expect(CARGO_RULE_TEXT).toContain('" and "');
    expect(CARGO_RULE_TEXT).toContain('miR-27a/b-3p');
    expect(CARGO_RULE_TEXT).toContain('AAV-miR-29a');
  });
});
