import { describe, expect, it } from 'vitest';
import { diffFindings } from './diff';
import { makeFinding } from './diff-test-kit';

describe('diffFindings — grounded fields', () => {
  it('shows a term list change as label [CURIE], an ungrounded value as [ungrounded]', () => {
    const a = makeFinding({ recipientCellTerms: [{ curie: null, label: 'satellite cells' }] });
    const b = makeFinding({
      recipientCellTerms: [{ curie: 'CL:0000594', label: 'skeletal muscle satellite cell' }],
    });
    expect(diffFindings(a, b)).toEqual([
      {
        field: 'recipientCellTerms',
        label: 'Recipient cell terms',
        kind: 'list',
        added: ['skeletal muscle satellite cell [CL:0000594]'],
        removed: ['satellite cells [ungrounded]'],
      },
    ]);
  });

  it('shows a cargo item gaining its term as a changed item', () => {
    const a = makeFinding({ cargo: [{ name: 'miR-206', type: 'miRNA' }] });
    const b = makeFinding({ cargo: [{ name: 'miR-206', type: 'miRNA', curie: 'mirbase.mature:MIMAT0000239' }] });
    const [d] = diffFindings(a, b);
    expect(d).toMatchObject({
      field: 'cargo',
      added: ['miR-206 (miRNA) [mirbase.mature:MIMAT0000239]'],
      removed: ['miR-206 (miRNA)'],
    });
  });
});
