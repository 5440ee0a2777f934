/**
 * Which columns an import file may have, and how a form field (a zod issue
 * path such as `cargo.2.type`) is named in the file, so every problem is
 * reported against the column the curator can fix.
 */
import { EXPORT_COLUMN_NAMES, type ExportColumnName, TABLE1_COLUMNS } from '../export/columns';

export type FileKind = 'export' | 'table1';

/** Columns an export-format file must have (either the label or the id for organ and species). */
const EXPORT_REQUIRED: readonly (string | readonly [string, string])[] = [
  ['target_organ', 'target_organ_id'],
  ['species', 'species_id'],
  'ev_source',
  'ev_cargo',
  'recipient_cell',
  'result',
  'direction',
  'doi',
];

/**
 * Export columns an import file may carry and the importer reads nothing from: the finding's public id and
 * revision (an import always makes new findings), the provenance of the approval, and the evidence quote's
 * selectors in stored text — those refer to another database's snapshots, so an imported quote keeps its text
 * only (submitted, it is "not verified against stored text", db/queries/import.ts). Accepted in the header,
 * so a re-imported export is valid, and ignored.
 */
export const IGNORED_EXPORT_COLUMNS = [
  'finding_id',
  'revision',
  'evidence_prefix',
  'evidence_suffix',
  'evidence_start',
  'evidence_end',
  'evidence_snapshot_sha256',
  'evidence_verified',
  'citation',
  'approved_by',
  'approved_at',
] as const satisfies readonly ExportColumnName[];

export const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export type HeaderCheck = { ok: true; kind: FileKind; columns: string[] } | { ok: false; message: string };

/** The file's kind from its header: the export's columns (EXPORT_COLUMNS) or the review's Table 1 (TABLE1_COLUMNS). */
export function detectHeader(raw: readonly string[]): HeaderCheck {
  const columns = raw.map(normalizeHeader);
  const seen = new Set<string>();
  const repeated = columns.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
  if (repeated.length)
    return { ok: false, message: `The header names ${[...new Set(repeated)].join(', ')} more than once.` };
  const has = (c: string) => seen.has(c);
  const table1 = TABLE1_COLUMNS as readonly string[];
  if (table1.every(has) && columns.every((c) => table1.includes(c))) return { ok: true, kind: 'table1', columns };
  const exportCols = EXPORT_COLUMN_NAMES as readonly string[];
  const unknown = columns.filter((c) => !exportCols.includes(c));
  const missing = EXPORT_REQUIRED.filter((r) => (typeof r === 'string' ? !has(r) : !r.some(has))).map((r) =>
    typeof r === 'string' ? r : r.join(' or '),
  );
  if (!unknown.length && !missing.length) return { ok: true, kind: 'export', columns };
  const problems = [
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
    missing.length ? `missing ${missing.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    ok: false,
    message: `The header matches neither the export's columns nor Table 1's (${problems}). Use the header of a CSV export, or Table 1's: ${table1.join(', ')}.`,
  };
}

/** Form field → the column that holds it. */
const FIELD_COLUMNS: Record<string, string> = {
  targetOrgan: 'target_organ',
  origin: 'origin',
  direction: 'direction',
  species: 'species',
  evSource: 'ev_source',
  cargo: 'ev_cargo',
  recipientCell: 'recipient_cell',
  modelDisease: 'model_disease',
  result: 'result',
  studyType: 'study_type',
  effectDirection: 'effect_direction',
  mechanism: 'mechanism',
  evType: 'ev_type',
  separationMethods: 'separation_methods',
  particleAnalysis: 'particle_analysis',
  emMethods: 'em_methods',
  markersPositive: 'markers_positive',
  markersNegative: 'markers_negative',
  evidenceQuote: 'evidence_quote',
  evidenceLocation: 'evidence_location',
  curatorNote: 'curator_note',
};

/** `cargo.2.type` → ev_cargo_types, "item 3: …"; `result` → result. */
export function columnForPath(path: string, message: string): { field: string; message: string } {
  const [head = '', index, sub] = path.split('.');
  let field = FIELD_COLUMNS[head] ?? head;
  if (head === 'cargo' && sub === 'type') field = 'ev_cargo_types';
  const item = index !== undefined && /^\d+$/.test(index) ? `Item ${Number(index) + 1}: ` : '';
  return { field, message: `${item}${message}` };
}
