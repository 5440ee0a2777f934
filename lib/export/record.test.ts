import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_NAMES, EXPORT_COLUMNS } from './columns';
import { csvHeader, LIST_COLUMNS, toCsvCells, toExportRecord, toJsonRecord } from './record';
import { makeExportRow } from './export-test-kit';

describe('export record', () => {
  it('has every documented column, in order, in CSV and JSON form', () => {
    const row = makeExportRow();
    expect(csvHeader()).toEqual(EXPORT_COLUMNS.map((c) => c.name));
    expect(Object.keys(toExportRecord(row))).toEqual(EXPORT_COLUMN_NAMES);
    expect(Object.keys(toJsonRecord(row))).toEqual(EXPORT_COLUMN_NAMES);
    expect([...LIST_COLUMNS].sort()).toEqual(
      [
        'ev_cargo',
        'ev_cargo_types',
        'mechanism',
        'separation_methods',
        'particle_analysis',
        'em_methods',
        'markers_positive',
        'markers_negative',
        'ev_cargo_ids',
        'ev_source_terms',
        'ev_source_ids',
        'recipient_cell_terms',
        'recipient_cell_ids',
        'disease_terms',
        'disease_ids',
        'target_gene_terms',
        'target_gene_ids',
        'detection_method_terms',
        'detection_method_ids',
      ].sort(),
    );
  });

  it('writes the evidence selectors as stored: numbers and booleans in JSON, digits and yes / no in CSV, empty when absent', () => {
    const anchor = {
      snapshot: { sha256: 'a1'.repeat(32) },
      quote: { type: 'TextQuoteSelector' as const, exact: 'miR-27a', prefix: '=SUM(1),"x"\n', suffix: '+é😀' },
      position: { type: 'TextPositionSelector' as const, start: 12, end: 19 },
    };
    const row = makeExportRow({ evidenceQuote: 'miR-27a', evidenceAnchor: anchor, evidenceVerified: true });
    expect(toJsonRecord(row)).toMatchObject({
      evidence_prefix: '=SUM(1),"x"\n',
      evidence_suffix: '+é😀',
      evidence_start: 12,
      evidence_end: 19,
      evidence_snapshot_sha256: 'a1'.repeat(32),
      evidence_verified: true,
    });
    const cells = toCsvCells(toExportRecord(row));
    const cell = (n: string) => cells[EXPORT_COLUMN_NAMES.indexOf(n as never)];
    expect([cell('evidence_prefix'), cell('evidence_suffix')]).toEqual(['\'=SUM(1),"x"\n', "'+é😀"]);
    expect([cell('evidence_start'), cell('evidence_end'), cell('evidence_verified')]).toEqual(['12', '19', 'yes']);
    const typed = toExportRecord(makeExportRow({ evidenceQuote: 'typed', evidenceVerified: false }));
    expect(typed).toMatchObject({ evidence_prefix: '', evidence_start: '', evidence_verified: 'no' });
    const none = makeExportRow();
    expect(toJsonRecord(none)).toMatchObject({ evidence_start: null, evidence_end: null, evidence_verified: null });
    expect(toCsvCells(toExportRecord(none))[EXPORT_COLUMN_NAMES.indexOf('evidence_verified')]).toBe('');
  });

  it('joins lists with "; " in CSV and keeps arrays in JSON; cargo names and types are parallel', () => {
    const row = makeExportRow();
    const rec = toExportRecord(row);
    expect(rec).toMatchObject({
      finding_id: 'EVX-000042',
      revision: 3,
      target_organ: 'Bone',
      species: 'Mouse',
      origin: 'Skeletal muscle',
      ev_cargo: 'miR-27a-3p; CD63',
      ev_cargo_types: 'miRNA; protein',
      mechanism: 'SFRP1; Wnt/β-catenin',
      particle_analysis: '',
      study_type: 'in_vitro',
      effect_direction: '',
      ev_type: '',
      target_organ_id: 'UBERON:0001474',
      doi: '10.1000/x.1',
      citation: 'Xu, Q., Cui, Y. (2018). A title. J. Bone 1, 2-3. doi:10.1000/x.1',
      approved_by: 'Robin Reviewer',
      approved_at: '2026-11-27T10:04:05Z',
    });
    const json = toJsonRecord(row);
    expect(json.ev_cargo).toEqual(['miR-27a-3p', 'CD63']);
    expect(json.ev_cargo_types).toEqual(['miRNA', 'protein']);
    expect(json.particle_analysis).toEqual([]);
    expect(json.revision).toBe(3);
    expect(json.effect_direction).toBe('');
  });

  it('neutralizes CSV cells that a spreadsheet would run as formulas, and only those', () => {
    const cells = toCsvCells(
      toExportRecord(
        makeExportRow({
          evSource: '=HYPERLINK("http://x")',
          recipientCell: '+cmd',
          modelDisease: '@SUM(1)',
          result: '-2+3',
          curatorNote: "'quoted",
        }),
      ),
    );
    const at = (name: string) => cells[EXPORT_COLUMN_NAMES.indexOf(name as never)];
    expect(at('ev_source')).toBe(`'=HYPERLINK("http://x")`);
    expect(at('recipient_cell')).toBe("'+cmd");
    expect(at('model_disease')).toBe("'@SUM(1)");
    expect(at('result')).toBe("'-2+3");
    expect(at('curator_note')).toBe("'quoted");
    expect(at('revision')).toBe('3');
    expect(at('evidence_location')).toBe('Fig. 2');
  });

  it('empty approval fields export as empty cells', () => {
    const rec = toExportRecord(makeExportRow({ approvedBy: null, approvedAt: null }));
    expect([rec.approved_by, rec.approved_at]).toEqual(['', '']);
  });

  it('exports every grounded field as parallel label and CURIE lists, "" for an ungrounded value', () => {
    const row = makeExportRow({
      cargo: [
        { name: 'miR-206', type: 'miRNA', curie: 'mirbase.mature:MIMAT0000239' },
        { name: 'miR-34a', type: 'miRNA', curie: null },
      ],
      evSourceTerms: [
        { curie: 'cellosaurus:CVCL_0188', label: 'C2C12' },
        { curie: null, label: 'myotubes' },
      ],
      recipientCellTerms: [{ curie: 'CL:0000594', label: 'skeletal muscle satellite cell' }],
      diseaseTerms: [{ curie: 'MONDO:0005298', label: 'osteoporosis' }],
      condition: 'HIIT',
      targetGeneTerms: [{ curie: 'HGNC:9588', label: 'PTEN' }],
      methodTerms: [],
    });
    const json = toJsonRecord(row);
    expect(json).toMatchObject({
      ev_cargo: ['miR-206', 'miR-34a'],
      ev_cargo_ids: ['mirbase.mature:MIMAT0000239', ''],
      ev_source_terms: ['C2C12', 'myotubes'],
      ev_source_ids: ['cellosaurus:CVCL_0188', ''],
      recipient_cell_ids: ['CL:0000594'],
      disease_terms: ['osteoporosis'],
      disease_ids: ['MONDO:0005298'],
      condition: 'HIIT',
      target_gene_ids: ['HGNC:9588'],
      detection_method_ids: [],
    });
    const csv = toExportRecord(row);
    expect(csv.ev_source_ids).toBe('cellosaurus:CVCL_0188; ');
    expect(csv.ev_cargo_ids).toBe('mirbase.mature:MIMAT0000239; ');
  });
});
