import { describe, expect, it } from 'vitest';
import { addTargetsFor, addTermPath, draftEvidencePath, newEvidencePath, READER_ADD_FIELDS } from './reader-links';

describe('addTargetsFor', () => {
  it('offers the fields that fit each type, sending the CURIE when there is one', () => {
    expect(addTargetsFor({ type: 'mirna', curie: 'MIMAT0000076', text: 'miR-21' })).toEqual([
      { field: 'cargo', value: 'MIMAT0000076', label: 'cargo' },
    ]);
    expect(addTargetsFor({ type: 'cell', curie: 'CL:0000115', text: 'endothelial cells' }).map((t) => t.field)).toEqual(
      ['recipientCell', 'evSource'],
    );
    expect(addTargetsFor({ type: 'marker', curie: null, name: 'ALIX', text: 'Alix' })[0]).toEqual({
      field: 'markersPositive',
      value: 'ALIX',
      label: 'markers (positive)',
    });
    expect(addTargetsFor({ type: 'disease', curie: null, text: ' sepsis ' })[0]!.value).toBe('sepsis');
    expect(addTargetsFor({ type: 'species', curie: 'NCBITaxon:9606', text: 'human' })).toEqual([]);
  });

  it('sends an EV method to its MISEV slot, and nowhere without one', () => {
    const misev = { field: 'particleAnalysis', value: 'NTA' } as const;
    expect(addTargetsFor({ type: 'ev_method', curie: null, text: 'NTA', misev })).toEqual([
      { field: 'particleAnalysis', value: 'NTA', label: 'particle analysis' },
    ]);
    expect(addTargetsFor({ type: 'ev_method', curie: null, text: 'sonication' })).toEqual([]);
  });

  it('only names fields the edit page knows', () => {
    const types = ['mirna', 'gene', 'cell', 'cell_line', 'anatomy', 'species', 'disease', 'marker'] as const;
    for (const type of types) {
      for (const t of addTargetsFor({ type, curie: 'X:1', text: 'x' })) expect(READER_ADD_FIELDS).toContain(t.field);
    }
  });
});

describe('reader links', () => {
  const span = { snapshotId: 7, start: 120, end: 181 };
  it('links a span to a new finding of the source, its DOI encoded as the new-finding page expects', () => {
    expect(newEvidencePath('10.1000/a b?c', span)).toBe(
      '/findings/new?doi=10.1000/a%20b%3Fc&snapshot=7&start=120&end=181',
    );
  });
  it('links a span or a term to a draft', () => {
    expect(draftEvidencePath('EVX-000123', span)).toBe('/findings/EVX-000123/edit?snapshot=7&start=120&end=181');
    expect(addTermPath('EVX-000123', { field: 'cargo', value: 'MIMAT0000076' })).toBe(
      '/findings/EVX-000123/edit?add=cargo%3AMIMAT0000076',
    );
  });
});
