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
      ].sort(),
    );
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
});
