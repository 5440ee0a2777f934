import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_NAMES, TABLE1_COLUMNS } from '../export/columns';
import { toExportRecord, toJsonRecord } from '../export/record';
import { findingContentSchema } from '../finding/schema';
import { columnForPath, detectHeader } from './columns';
import { estimateRowCount } from './estimate';
import { parseImportFile } from './parse';
import { BONE, bytes, expectedContent, makeExportCsv, MOUSE, only, row } from './parse-test-kit';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './types';

describe('parseImportFile: the export’s CSV', () => {
  it('maps every column back to the form’s fields: lists split, cargo zipped with its types, neutralized cells restored', () => {
    const r = parseImportFile(bytes(makeExportCsv([row], true)));
    expect(r.ok && r.parsed.format).toBe('export-csv');
    const [mapped] = only(r);
    expect(mapped).toEqual({ row: 1, doi: row.source.doi, content: expectedContent, problems: [] });
    // The same schema as the form accepts it as it is.
    expect(findingContentSchema.safeParse(mapped!.content).success).toBe(true);
  });

  it('reads the export’s JSON (lists as arrays, nothing neutralized) to the same content', () => {
    const json = JSON.stringify([toJsonRecord(row)]);
    const r = parseImportFile(bytes(json));
    expect(r.ok && r.parsed.format).toBe('json');
    expect(only(r)[0]!.content).toEqual(expectedContent);
  });

  it('accepts "; "-joined strings in JSON too, and labels or ids for organ and species', () => {
    const rec = {
      ...toJsonRecord(row),
      ev_cargo: 'miR-92a-3p; CD63',
      ev_cargo_types: 'miRNA; Protein',
      target_organ: '',
      target_organ_id: BONE,
      species: 'mice',
      species_id: '',
    };
    const [m] = only(parseImportFile(bytes(JSON.stringify([rec]))));
    expect(m!.problems).toEqual([]);
    expect(m!.content).toMatchObject({ targetOrgan: BONE, species: MOUSE, cargo: row.cargo });
  });

  it('takes a subset of the export’s columns, typing cargo by the Table 1 rule when there are no types', () => {
    const csv =
      'target_organ,species,ev_source,ev_cargo,recipient_cell,result,direction,doi\nBone,Mouse,C2C12,miR-1; Palmitate,BMSCs,Promotes,Muscle → organ,10.1/x\n';
    const [m] = only(parseImportFile(bytes(csv)));
    expect(m!.content).toMatchObject({
      direction: 'muscle_to_organ',
      cargo: [
        { name: 'miR-1', type: 'miRNA' },
        { name: 'Palmitate', type: 'lipid' },
      ],
      mechanism: [],
    });
  });

  it('reports what only the file can say: an id that is no CURIE, label and id disagreeing, cargo without as many types, short rows', () => {
    const bad = [
      { ...toExportRecord(row), target_organ: 'Spleenish', target_organ_id: 'spleen 1' },
      { ...toExportRecord(row), species: 'Rat' },
      { ...toExportRecord(row), ev_cargo_types: 'miRNA' },
    ];
    const csv =
      stringify([EXPORT_COLUMN_NAMES, ...bad.map((b) => EXPORT_COLUMN_NAMES.map((k) => String(b[k] ?? '')))]) +
      'Bone,Mouse\n';
    const rows = only(parseImportFile(bytes(csv)));
    expect(rows.map((r) => [r.row, r.problems.map((p) => p.field)])).toEqual([
      [1, ['target_organ_id']],
      [2, ['species_id']],
      [3, ['ev_cargo_types']],
      [4, ['row']],
    ]);
    expect(rows[0]!.problems[0]!.message).toBe('"spleen 1" is not a term id (a CURIE such as UBERON:0002371).');
    // A label alone passes through: the importer looks it up in the vocabularies (db/queries/import-terms.ts).
    const byLabel = only(
      parseImportFile(bytes(makeExportCsv([{ ...row, targetOrganLabel: 'Spleenish', targetOrgan: '' }]))),
    );
    expect(byLabel[0]!.content.targetOrgan).toBe('Spleenish');
    expect(rows[2]!.problems[0]!.message).toBe('2 cargo names but 1 type; give one type per name, in the same order.');
  });

  it('leaves vocabulary checks to the form’s schema', () => {
    const csv = stringify([
      EXPORT_COLUMN_NAMES,
      EXPORT_COLUMN_NAMES.map((k) => (k === 'direction' ? 'sideways' : String(toExportRecord(row)[k] ?? ''))),
    ]);
    const [m] = only(parseImportFile(bytes(csv)));
    expect(m!.problems).toEqual([]);
    const parsed = findingContentSchema.safeParse(m!.content);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['direction']);
  });
});

describe('parseImportFile: the review’s Table 1', () => {
  const header = TABLE1_COLUMNS.join(',');
  it('reads rows as the seed does: cargo cells split and typed, NA model empty, direction from the organ', () => {
    const csv = `${header}\nBone,Mice,C2C12 cells,"miR-1, miR-206 and NA",BMSCs,NA,Promote osteogenesis,Li et al. (2020),https://doi.org/10.1/ABC\nSkeletal muscle,Human,Fibroblasts,NA,Myotubes,DMD,Fibrosis,Zanotti et al. (2018),10.1/def\n`;
    const r = parseImportFile(bytes(csv));
    expect(r.ok && r.parsed.format).toBe('table1-csv');
    const [a, b] = only(r);
    expect(a).toEqual({
      row: 1,
      doi: 'https://doi.org/10.1/ABC',
      problems: [],
      content: {
        targetOrgan: BONE,
        origin: 'UBERON:0001134',
        direction: 'muscle_to_organ',
        species: MOUSE,
        evSource: 'C2C12 cells',
        cargo: [
          { name: 'miR-1', type: 'miRNA' },
          { name: 'miR-206', type: 'miRNA' },
        ],
        recipientCell: 'BMSCs',
        modelDisease: '',
        result: 'Promote osteogenesis',
      },
    });
    expect(b!.content).toMatchObject({
      direction: 'within_muscle',
      cargo: [],
      species: 'NCBITaxon:9606',
      modelDisease: 'DMD',
    });
  });
});

describe('parseImportFile: file-level problems', () => {
  it.each([
    ['', 'The file is empty.'],
    ['a,b\n1,2\n', 'matches neither'],
    [`${TABLE1_COLUMNS.join(',')}\n`, 'a header but no rows'],
    ['{"finding_id": "EVX-000001"}', 'an array of records'],
    ['[', 'JSON could not be read'],
    ['target_organ,"species\n', 'CSV could not be read'],
    [`${EXPORT_COLUMN_NAMES.join(',')},target_organ\n`, 'more than once'],
  ])('%j → %s', (text, message) => {
    const r = parseImportFile(bytes(text));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('refuses files that are not UTF-8, too large, or too long', () => {
    expect(parseImportFile(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not UTF-8'),
    });
    expect(parseImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatchObject({
      ok: false,
      message: expect.stringContaining('over 5 MB'),
    });
    const many = `${TABLE1_COLUMNS.join(',')}\n${'Bone,Mice,a,NA,b,NA,c,d,10.1/x\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parseImportFile(bytes(many))).toMatchObject({ ok: false, message: expect.stringContaining('5,001 rows') });
  });
});

describe('columns', () => {
  it('names a form field by its column, list items by number', () => {
    expect(columnForPath('cargo.2.type', 'Choose a cargo type from the list.')).toEqual({
      field: 'ev_cargo_types',
      message: 'Item 3: Choose a cargo type from the list.',
    });
    expect(columnForPath('cargo.0.name', 'Required.')).toEqual({ field: 'ev_cargo', message: 'Item 1: Required.' });
    expect(columnForPath('recipientCell', 'Required.')).toEqual({ field: 'recipient_cell', message: 'Required.' });
  });

  it('tells the two header styles apart, whatever the case and spacing', () => {
    expect(
      detectHeader([
        'Target Organ',
        'Species',
        'EV source',
        'EV cargo',
        'Recipient cell',
        'Model disease',
        'Result',
        'Reference',
        'DOI',
      ]),
    ).toMatchObject({ ok: true, kind: 'table1' });
    expect(detectHeader(EXPORT_COLUMN_NAMES)).toMatchObject({ ok: true, kind: 'export' });
    expect(
      detectHeader([
        'target_organ_id',
        'species_id',
        'ev_source',
        'ev_cargo',
        'recipient_cell',
        'result',
        'direction',
        'doi',
      ]),
    ).toMatchObject({ ok: true, kind: 'export' });
    expect(detectHeader(['target_organ', 'species'])).toMatchObject({ ok: false });
  });
});

describe('estimateRowCount', () => {
  it('counts CSV records (quoted line breaks included) and JSON elements', () => {
    expect(estimateRowCount(makeExportCsv([row, row, row], true))).toBe(3);
    expect(estimateRowCount('a,b\n"x\ny",1\n\n2,3\n,\n')).toBe(2);
    expect(estimateRowCount('[{}, {}]')).toBe(2);
    expect(estimateRowCount('')).toBe(0);
  });
});
