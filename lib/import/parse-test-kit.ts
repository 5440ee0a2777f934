/** What the import parser's tests share: one export row with every column filled, its CSV, and the content it maps to. */
import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMN_NAMES } from '../export/columns';
import { toCsvCells, toExportRecord, type ExportRow } from '../export/record';
import { NO_TERMS } from '../vocab/term-ref';
import { parseImportFile } from './parse';
import type { ImportRow } from './types';

export const BONE = 'UBERON:0001474';
export const MOUSE = 'NCBITaxon:10090';
export const bytes = (s: string) => new TextEncoder().encode(s);

export const row: ExportRow = {
  findingId: 7,
  publicId: 'EVX-000007',
  revisionId: 9,
  revisionNo: 2,
  targetOrgan: BONE,
  targetOrganLabel: 'Bone',
  species: MOUSE,
  speciesLabel: 'Mouse',
  origin: 'UBERON:0001134',
  originLabel: 'Skeletal muscle',
  direction: 'muscle_to_organ',
  evSource: 'C2C12 cells',
  ...NO_TERMS,
  evSourceTerms: [
    { curie: 'cellosaurus:CVCL_0188', label: 'C2C12' },
    { curie: null, label: 'myotubes' },
  ],
  recipientCellTerms: [{ curie: null, label: 'BMSCs' }],
  diseaseTerms: [{ curie: 'MONDO:0005298', label: 'osteoporosis' }],
  condition: 'ovariectomy',
  cargo: [
    { name: 'miR-92a-3p', type: 'miRNA', curie: 'mirbase.mature:MIMAT0000539' },
    { name: 'CD63', type: 'protein', curie: null },
  ],
  recipientCell: 'BMSCs',
  modelDisease: 'Osteoporosis',
  result: '=1+1 looks like a formula but is the result text',
  studyType: 'in_vivo',
  effectDirection: 'promotes',
  mechanism: ['PTEN/AKT', '-catenin signalling'],
  evType: 'small_ev',
  separationMethods: ['differential_ultracentrifugation', 'size_exclusion_chromatography'],
  particleAnalysis: ['nta'],
  emMethods: ['tem'],
  markersPositive: ['CD63', 'TSG101'],
  markersNegative: ['Calnexin'],
  evidenceQuote: '@quote with a leading at sign',
  evidenceLocation: 'Fig. 3',
  curatorNote: '+ a note',
  source: {
    doi: '10.1007/s00125-014-3337-2',
    authors: 'Aswad, H.',
    year: 2014,
    title: 'Exosomes',
    journal: 'Diabetologia',
    volumePages: '57',
  },
  approvedBy: 'Robin Reviewer',
  approvedAt: '2026-01-02T03:04:05Z',
};

export const makeExportCsv = (rows: ExportRow[], bom = false) =>
  (bom ? '\uFEFF' : '') +
  stringify([EXPORT_COLUMN_NAMES, ...rows.map((r) => toCsvCells(toExportRecord(r)))], { record_delimiter: 'windows' });

export function only(r: ReturnType<typeof parseImportFile>): ImportRow[] {
  if (!r.ok) throw new Error(r.message);
  return r.parsed.rows;
}

export const expectedContent = {
  targetOrgan: BONE,
  origin: 'UBERON:0001134',
  direction: 'muscle_to_organ',
  species: MOUSE,
  evSource: 'C2C12 cells',
  evSourceTerms: row.evSourceTerms,
  cargo: row.cargo,
  recipientCell: 'BMSCs',
  recipientCellTerms: row.recipientCellTerms,
  modelDisease: 'Osteoporosis',
  diseaseTerms: row.diseaseTerms,
  condition: 'ovariectomy',
  result: row.result,
  studyType: 'in_vivo',
  effectDirection: 'promotes',
  mechanism: row.mechanism,
  targetGeneTerms: [],
  evType: 'small_ev',
  separationMethods: row.separationMethods,
  particleAnalysis: ['nta'],
  emMethods: ['tem'],
  methodTerms: [],
  markersPositive: ['CD63', 'TSG101'],
  markersNegative: ['Calnexin'],
  evidenceQuote: row.evidenceQuote,
  evidenceLocation: 'Fig. 3',
  curatorNote: row.curatorNote,
};
