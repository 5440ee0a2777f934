import { NO_TERMS } from '../vocab/term-ref';
import type { ExportRow } from './record';

/** A plausible export row for unit tests. */
export function makeExportRow(over: Partial<ExportRow> = {}): ExportRow {
  return {
    findingId: 42,
    publicId: 'EVX-000042',
    revisionId: 77,
    revisionNo: 3,
    targetOrgan: 'UBERON:0001474',
    targetOrganLabel: 'Bone',
    species: 'NCBITaxon:10090',
    speciesLabel: 'Mouse',
    origin: 'UBERON:0001134',
    originLabel: 'Skeletal muscle',
    direction: 'muscle_to_organ',
    evSource: 'C2C12 myotubes',
    ...NO_TERMS,
    cargo: [
      { name: 'miR-27a-3p', type: 'miRNA' },
      { name: 'CD63', type: 'protein' },
    ],
    recipientCell: 'BMSCs',
    modelDisease: '',
    result: 'Promotes osteogenic differentiation.',
    studyType: 'in_vitro',
    effectDirection: null,
    mechanism: ['SFRP1', 'Wnt/β-catenin'],
    evType: null,
    separationMethods: ['dUC'],
    particleAnalysis: [],
    emMethods: [],
    markersPositive: ['CD63', 'TSG101'],
    markersNegative: [],
    evidenceQuote: '',
    evidenceLocation: 'Fig. 2',
    curatorNote: '',
    source: {
      doi: '10.1000/x.1',
      authors: 'Xu, Q., Cui, Y.',
      year: 2018,
      title: 'A title.',
      journal: 'J. Bone',
      volumePages: '1, 2-3',
    },
    approvedBy: 'Robin Reviewer',
    approvedAt: '2026-11-27T10:04:05Z',
    ...over,
  };
}
