import { describe, expect, it } from 'vitest';
import { changedFields, diffFindings, FIELD_KINDS, type FieldDiff } from './diff';
import { makeFinding } from './diff-test-kit';
import { FIELD_LABELS, FINDING_FIELDS } from './schema';

function only(diffs: FieldDiff[]): FieldDiff {
  expect(diffs).toHaveLength(1);
  return diffs[0]!;
}

describe('diffFindings — unchanged', () => {
  it('gives no entries for identical revisions', () => {
    const a = makeFinding({ mechanism: ['PTEN/AKT'], evType: 'small_ev', curatorNote: 'checked' });
    expect(diffFindings(a, structuredClone(a))).toEqual([]);
    expect(changedFields(a, a)).toEqual([]);
  });

  it('ignores list order', () => {
    const a = makeFinding({
      markersPositive: ['CD63', 'CD81'],
      cargo: [
        { name: 'miR-1', type: 'miRNA' },
        { name: 'CD71', type: 'protein' },
      ],
    });
    const b = makeFinding({
      markersPositive: ['CD81', 'CD63'],
      cargo: [
        { name: 'CD71', type: 'protein' },
        { name: 'miR-1', type: 'miRNA' },
      ],
    });
    expect(diffFindings(a, b)).toEqual([]);
  });
});

describe('diffFindings — scalar fields', () => {
  it('shows organ labels', () => {
    expect(only(diffFindings(makeFinding(), makeFinding({ targetOrgan: 'UBERON:0002107' })))).toEqual({
      field: 'targetOrgan',
      label: 'Target organ',
      kind: 'scalar',
      before: 'Bone',
      after: 'Liver',
    });
  });

  it('shows species, direction and origin labels', () => {
    const b = makeFinding({ species: 'NCBITaxon:9606', direction: 'organ_to_muscle', origin: 'UBERON:0002107' });
    expect(diffFindings(makeFinding(), b)).toEqual([
      { field: 'species', label: 'Species', kind: 'scalar', before: 'Mouse', after: 'Human' },
      { field: 'direction', label: 'Direction', kind: 'scalar', before: 'Muscle → organ', after: 'Organ → muscle' },
      { field: 'origin', label: 'Donor organ (origin)', kind: 'scalar', before: 'Skeletal muscle', after: 'Liver' },
    ]);
  });

  it('shows an optional choice being set and cleared as null', () => {
    expect(only(diffFindings(makeFinding(), makeFinding({ evType: 'exosome' })))).toMatchObject({
      field: 'evType',
      before: null,
      after: 'Exosomes (as reported)',
    });
    expect(only(diffFindings(makeFinding({ studyType: 'in_vivo' }), makeFinding()))).toMatchObject({
      field: 'studyType',
      before: 'In vivo',
      after: null,
    });
    expect(
      only(diffFindings(makeFinding({ effectDirection: 'promotes' }), makeFinding({ effectDirection: 'inhibits' }))),
    ).toMatchObject({
      field: 'effectDirection',
      before: 'Promotes',
      after: 'Inhibits',
    });
  });
});

describe('diffFindings — list fields', () => {
  it('lists added and removed strings', () => {
    const a = makeFinding({ mechanism: ['PTEN/AKT', 'Wnt'], markersNegative: ['calnexin'] });
    const b = makeFinding({ mechanism: ['Wnt', 'SIRT1'], markersNegative: ['calnexin'] });
    expect(only(diffFindings(a, b))).toEqual({
      field: 'mechanism',
      label: 'Mechanism (targets / pathways)',
      kind: 'list',
      added: ['SIRT1'],
      removed: ['PTEN/AKT'],
    });
  });

  it('shows method labels', () => {
    const a = makeFinding({ separationMethods: ['differential_ultracentrifugation'], emMethods: ['none'] });
    const b = makeFinding({
      separationMethods: ['size_exclusion_chromatography', 'differential_ultracentrifugation'],
      emMethods: ['tem'],
    });
    expect(diffFindings(a, b)).toEqual([
      {
        field: 'separationMethods',
        label: 'Separation methods',
        kind: 'list',
        added: ['Size-exclusion chromatography'],
        removed: [],
      },
      {
        field: 'emMethods',
        label: 'Electron microscopy',
        kind: 'list',
        added: ['Transmission EM'],
        removed: ['None reported'],
      },
    ]);
  });

  it('renders cargo as "name (type)"; a changed type is removed + added', () => {
    const a = makeFinding({
      cargo: [
        { name: 'miR-92a-3p', type: 'miRNA' },
        { name: 'Prrx2', type: 'other' },
      ],
    });
    const b = makeFinding({
      cargo: [
        { name: 'miR-92a-3p', type: 'miRNA' },
        { name: 'Prrx2', type: 'protein' },
        { name: 'Palmitate', type: 'lipid' },
      ],
    });
    expect(only(diffFindings(a, b))).toEqual({
      field: 'cargo',
      label: 'EV cargo',
      kind: 'list',
      added: ['Prrx2 (protein)', 'Palmitate (lipid)'],
      removed: ['Prrx2 (other)'],
    });
  });

  it('shows cargo emptied (the review’s NA)', () => {
    expect(only(diffFindings(makeFinding(), makeFinding({ cargo: [] })))).toMatchObject({
      kind: 'list',
      added: [],
      removed: ['miR-92a-3p (miRNA)'],
    });
  });
});

describe('diffFindings — text fields', () => {
  it('word-diffs long text', () => {
    const d = only(
      diffFindings(
        makeFinding(),
        makeFinding({ result: 'Promote osteogenic differentiation of BMSCs in osteoporotic mice' }),
      ),
    );
    expect(d.kind).toBe('text');
    if (d.kind !== 'text') return;
    expect(d.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['in osteoporotic mice']);
    expect(d.parts.some((p) => p.removed)).toBe(false);
    expect(
      d.parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(''),
    ).toBe('Promote osteogenic differentiation of BMSCs in osteoporotic mice');
  });

  it('word-diffs short text with removed and added words', () => {
    const d = only(diffFindings(makeFinding(), makeFinding({ evSource: 'C2C12 myotubes' })));
    expect(d).toEqual({
      field: 'evSource',
      label: 'EV source',
      kind: 'text',
      parts: [{ value: 'C2C12 ' }, { value: 'cells', removed: true }, { value: 'myotubes', added: true }],
    });
  });

  it('shows an optional text being filled in and cleared', () => {
    expect(only(diffFindings(makeFinding(), makeFinding({ modelDisease: 'Osteoporosis' })))).toMatchObject({
      field: 'modelDisease',
      parts: [{ value: 'Osteoporosis', added: true }],
    });
    expect(only(diffFindings(makeFinding({ evidenceLocation: 'Fig. 3B' }), makeFinding()))).toMatchObject({
      field: 'evidenceLocation',
      parts: [{ value: 'Fig. 3B', removed: true }],
    });
  });

  it('covers quote, recipient cell and curator note', () => {
    const b = makeFinding({
      recipientCell: 'MC3T3-E1',
      evidenceQuote: 'EVs carrying miR-92a-3p…',
      curatorNote: 'typo fixed',
    });
    expect(changedFields(makeFinding(), b)).toEqual(['recipientCell', 'evidenceQuote', 'curatorNote']);
  });
});

describe('diffFindings — no previous revision', () => {
  it('lists every non-empty field of a minimal finding', () => {
    const b = makeFinding();
    expect(changedFields(null, b)).toEqual([
      'targetOrgan',
      'species',
      'evSource',
      'cargo',
      'recipientCell',
      'result',
      'direction',
      'origin',
    ]);
    expect(diffFindings(null, b)).toContainEqual({
      field: 'targetOrgan',
      label: 'Target organ',
      kind: 'scalar',
      before: null,
      after: 'Bone',
    });
    expect(diffFindings(null, b)).toContainEqual({
      field: 'cargo',
      label: 'EV cargo',
      kind: 'list',
      added: ['miR-92a-3p (miRNA)'],
      removed: [],
    });
    expect(diffFindings(null, b)).toContainEqual({
      field: 'evSource',
      label: 'EV source',
      kind: 'text',
      parts: [{ value: 'C2C12 cells', added: true }],
    });
  });

  it('lists every field when every field is filled, in FINDING_FIELDS order', () => {
    const b = makeFinding({
      modelDisease: 'Osteoporosis',
      evSourceTerms: [{ curie: 'cellosaurus:CVCL_0188', label: 'C2C12' }],
      recipientCellTerms: [{ curie: null, label: 'BMSCs' }],
      diseaseTerms: [{ curie: 'MONDO:0005298', label: 'osteoporosis' }],
      condition: 'hindlimb unloading',
      targetGeneTerms: [{ curie: 'HGNC:9588', label: 'PTEN' }],
      methodTerms: [{ curie: 'ECO:0000006', label: 'experimental evidence' }],
      studyType: 'in_vivo',
      effectDirection: 'promotes',
      mechanism: ['PTEN/AKT'],
      evType: 'small_ev',
      separationMethods: ['density_gradient'],
      particleAnalysis: ['nta'],
      emMethods: ['tem'],
      markersPositive: ['CD63'],
      markersNegative: ['calnexin'],
      evidenceQuote: 'quote',
      evidenceLocation: 'p. 4',
      curatorNote: 'note',
    });
    const diffs = diffFindings(null, b);
    expect(diffs.map((d) => d.field)).toEqual([...FINDING_FIELDS]);
    for (const d of diffs) {
      expect(d.kind).toBe(FIELD_KINDS[d.field]);
      expect(d.label).toBe(FIELD_LABELS[d.field]);
      if (d.kind === 'list') expect(d.removed).toEqual([]);
      if (d.kind === 'scalar') expect(d.before).toBeNull();
      if (d.kind === 'text') expect(d.parts.every((p) => p.added && !p.removed)).toBe(true);
    }
  });
});

describe('FIELD_KINDS', () => {
  it('covers every field exactly', () => {
    expect(Object.keys(FIELD_KINDS).sort()).toEqual([...FINDING_FIELDS].sort());
  });
});
