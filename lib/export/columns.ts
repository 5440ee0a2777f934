/**
 * The export's columns: stable names, in a stable order, documented once here
 * (CSV header, JSON keys, datapackage.json table schema, importer, API docs).
 * Order: finding id and revision, the review's Table 1 columns, the other
 * fields, then provenance. Lists are joined with "; ".
 */
export type ExportColumnType = 'string' | 'integer' | 'datetime' | 'boolean';

export type ExportColumn = { name: string; type: ExportColumnType; description: string; list?: boolean };

export const EXPORT_COLUMNS = [
  { name: 'finding_id', type: 'string', description: 'Stable public id of the finding, e.g. EVX-000042.' },
  { name: 'revision', type: 'integer', description: 'Revision number of the approved revision exported.' },
  { name: 'target_organ', type: 'string', description: 'Organ receiving the EVs (label; see target_organ_id).' },
  { name: 'species', type: 'string', description: 'Species studied (label; see species_id).' },
  { name: 'ev_source', type: 'string', description: 'Donor cells or tissue of the EVs, as reported.' },
  { name: 'ev_cargo', type: 'string', list: true, description: 'EV cargo names; empty means not identified.' },
  { name: 'recipient_cell', type: 'string', description: 'Recipient cells, as reported.' },
  { name: 'model_disease', type: 'string', description: 'Model or disease, as reported; empty if not reported.' },
  { name: 'result', type: 'string', description: 'The finding statement.' },
  {
    name: 'ev_cargo_types',
    type: 'string',
    list: true,
    description:
      'Type of each cargo item, in the order of ev_cargo (miRNA, mRNA, lncRNA, circRNA, protein, lipid, metabolite, DNA, other).',
  },
  { name: 'direction', type: 'string', description: 'muscle_to_organ, organ_to_muscle or within_muscle.' },
  { name: 'origin', type: 'string', description: 'Donor organ (label; see origin_id).' },
  { name: 'study_type', type: 'string', description: 'in_vitro, in_vivo, ex_vivo or human; empty if not reported.' },
  {
    name: 'effect_direction',
    type: 'string',
    description: 'promotes, inhibits, no_effect or mixed; empty if not reported.',
  },
  { name: 'mechanism', type: 'string', list: true, description: 'Targets and pathways.' },
  { name: 'ev_type', type: 'string', description: 'EV type in MISEV terms; empty if not reported.' },
  { name: 'separation_methods', type: 'string', list: true, description: 'EV separation methods (MISEV).' },
  { name: 'particle_analysis', type: 'string', list: true, description: 'Particle analysis methods (MISEV).' },
  { name: 'em_methods', type: 'string', list: true, description: 'Electron microscopy methods (MISEV).' },
  { name: 'markers_positive', type: 'string', list: true, description: 'Positive EV markers reported.' },
  { name: 'markers_negative', type: 'string', list: true, description: 'Negative EV markers reported.' },
  { name: 'evidence_quote', type: 'string', description: 'Sentence(s) of the source that state the finding.' },
  { name: 'evidence_location', type: 'string', description: 'Figure, table or page of the evidence.' },
  // The evidence quote's W3C Web Annotation selectors, as stored at submission (lib/anchor): empty when the
  // quote is not anchored in a stored text snapshot of the source.
  {
    name: 'evidence_prefix',
    type: 'string',
    description: 'Text just before the quote in the stored source text (TextQuoteSelector prefix).',
  },
  {
    name: 'evidence_suffix',
    type: 'string',
    description: 'Text just after the quote in the stored source text (TextQuoteSelector suffix).',
  },
  {
    name: 'evidence_start',
    type: 'integer',
    description:
      'Start of the quote in the stored text (TextPositionSelector): Unicode code points from the start; empty when not anchored.',
  },
  {
    name: 'evidence_end',
    type: 'integer',
    description: 'End of the quote in the stored text (TextPositionSelector, exclusive); empty when not anchored.',
  },
  {
    name: 'evidence_snapshot_sha256',
    type: 'string',
    description: 'SHA-256 (hex, of the UTF-8 text) of the stored source text the selectors refer to.',
  },
  {
    name: 'evidence_verified',
    type: 'boolean',
    description:
      'Whether the quote was found in the stored source text at submission: yes; no (typed by hand, not verified against stored text); empty when there is no quote.',
  },
  { name: 'curator_note', type: 'string', description: 'Curator note.' },
  { name: 'target_organ_id', type: 'string', description: 'UBERON id of the target organ.' },
  { name: 'species_id', type: 'string', description: 'NCBI Taxonomy id of the species.' },
  { name: 'origin_id', type: 'string', description: 'UBERON id of the donor organ.' },
  {
    name: 'ev_source_terms',
    type: 'string',
    list: true,
    description:
      'EV source as grounded values: UBERON tissue, CL cell or Cellosaurus line labels, or free text (see ev_source_ids).',
  },
  {
    name: 'ev_source_ids',
    type: 'string',
    list: true,
    description:
      'CURIE of each ev_source_terms item, in the same order; empty where the value is ungrounded free text.',
  },
  {
    name: 'recipient_cell_terms',
    type: 'string',
    list: true,
    description: 'Recipient cells as grounded values: CL cell or Cellosaurus line labels, or free text.',
  },
  {
    name: 'recipient_cell_ids',
    type: 'string',
    list: true,
    description: 'CURIE of each recipient_cell_terms item, in the same order; empty where ungrounded.',
  },
  {
    name: 'disease_terms',
    type: 'string',
    list: true,
    description: 'Model / disease as MONDO disease or HP phenotype labels, or free text.',
  },
  {
    name: 'disease_ids',
    type: 'string',
    list: true,
    description: 'CURIE of each disease_terms item, in the same order; empty where ungrounded.',
  },
  {
    name: 'condition',
    type: 'string',
    description: 'A non-disease model or treatment (HIIT, LPS treatment), free text; empty if none.',
  },
  {
    name: 'target_gene_terms',
    type: 'string',
    list: true,
    description: 'Mechanism target genes as HGNC symbols, or free text.',
  },
  {
    name: 'target_gene_ids',
    type: 'string',
    list: true,
    description: 'HGNC id of each target_gene_terms item, in the same order; empty where ungrounded.',
  },
  {
    name: 'detection_method_terms',
    type: 'string',
    list: true,
    description: 'Detection methods as ECO evidence terms, or free text.',
  },
  {
    name: 'detection_method_ids',
    type: 'string',
    list: true,
    description: 'ECO id of each detection_method_terms item, in the same order; empty where ungrounded.',
  },
  {
    name: 'ev_cargo_ids',
    type: 'string',
    list: true,
    description:
      'Term of each ev_cargo item, in the same order: a miRBase mature accession (mirbase.mature:MIMAT…) for a miRNA of the study species, an HGNC id for a human protein or mRNA; empty where ungrounded (a miRNA named without its arm stays ungrounded).',
  },
  { name: 'doi', type: 'string', description: 'DOI of the source, normalized (lower case, no prefix).' },
  { name: 'citation', type: 'string', description: 'Citation of the source.' },
  { name: 'approved_by', type: 'string', description: 'Name of the reviewer whose approval published this revision.' },
  { name: 'approved_at', type: 'datetime', description: 'When this revision was approved (UTC, ISO 8601).' },
] as const satisfies readonly ExportColumn[];

export type ExportColumnName = (typeof EXPORT_COLUMNS)[number]['name'];
export type ExportRecord = Record<ExportColumnName, string | number | null>;
/** The boolean columns' CSV spelling (datapackage.json declares them as trueValues / falseValues). */
export const CSV_TRUE = 'yes';
export const CSV_FALSE = 'no';
export const EXPORT_COLUMN_NAMES = EXPORT_COLUMNS.map((c) => c.name) as ExportColumnName[];
export const LIST_SEPARATOR = '; ';

/** The review's Table 1 column names, accepted by the importer as an alternative header. */
export const TABLE1_COLUMNS = [
  'target_organ',
  'species',
  'ev_source',
  'ev_cargo',
  'recipient_cell',
  'model_disease',
  'result',
  'reference',
  'doi',
] as const;

/**
 * Spreadsheet formula injection: a cell starting with = + - @ tab or CR is
 * prefixed with a single quote. The importer strips one leading quote from
 * cells whose next character is one of those, so export → import round-trips.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export function neutralizeCell(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}
export function unneutralizeCell(v: string): string {
  return v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v;
}
