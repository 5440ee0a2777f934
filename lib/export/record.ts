/**
 * The export contract — what the CSV, JSON and NDJSON exports and the release
 * files hold, and what the importer may rely on:
 *
 * - One record per finding: its approved revision (live export) or the
 *   revision pinned by the release. Keys/columns are EXPORT_COLUMNS, in order.
 * - CSV (RFC 4180, UTF-8, CRLF, header line; a BOM only when asked for): every
 *   cell is text, list columns (`list: true`) are joined with "; " (an item can
 *   never contain ";" — the finding schema refuses it), and every cell starting
 *   with = + - @ tab or CR carries a leading ' (neutralizeCell). An importer
 *   splits list cells on ";" and trims, and applies unneutralizeCell first.
 * - JSON / NDJSON: the same keys; list columns are arrays of strings, `revision`
 *   is a number, everything else a string, "" when not reported. The columns the
 *   Table Schema types otherwise keep their type in JSON: `evidence_start` and
 *   `evidence_end` are numbers and `evidence_verified` true/false, null when absent
 *   (CSV: digits or empty; yes, no or empty). No cell is neutralized — JSON is not
 *   opened by spreadsheets.
 * - `ev_cargo`, `ev_cargo_types` and `ev_cargo_ids` are parallel lists: item i
 *   of each describes the same cargo item. Likewise every `…_terms` list and its
 *   `…_ids` list (label and CURIE; the CURIE is "" where the value is ungrounded).
 * - `approved_at` is UTC ISO 8601 to the second (`2026-11-27T10:04:05Z`), the
 *   Table Schema's default datetime format, so datapackage.json loads typed.
 */
import type { LabelledRevisionColumns } from '../finding/from-row';
import type { TermRef } from '../vocab/term-ref';
import { formatCitation } from '../citation';
import {
  CSV_FALSE,
  CSV_TRUE,
  EXPORT_COLUMN_NAMES,
  EXPORT_COLUMNS,
  type ExportColumnName,
  type ExportRecord,
  LIST_SEPARATOR,
  neutralizeCell,
} from './columns';

/** One exported revision with what its record needs, as db/queries/export.ts reads it. */
export type ExportRow = LabelledRevisionColumns & {
  findingId: number;
  publicId: string;
  revisionId: number;
  revisionNo: number;
  source: {
    doi: string;
    authors: string | null;
    year: number | null;
    title: string | null;
    journal: string | null;
    volumePages: string | null;
  };
  /** Name of the reviewer whose approval published the revision. */
  approvedBy: string | null;
  /** UTC ISO 8601, seconds precision. */
  approvedAt: string | null;
  /** Set at submission (db/queries/evidence.ts): the quote was found in stored text; null without a quote. */
  evidenceVerified?: boolean | null;
};

type Column = (typeof EXPORT_COLUMNS)[number];
export type ListColumnName = Extract<Column, { list: true }>['name'];
export const LIST_COLUMNS = new Set<ExportColumnName>(
  EXPORT_COLUMNS.filter((c) => 'list' in c && c.list).map((c) => c.name),
);

type NullableIntegerColumn = 'evidence_start' | 'evidence_end';
type BooleanColumn = Extract<Column, { type: 'boolean' }>['name'];

/** A JSON/NDJSON record: lists as arrays, the revision a number, the rest strings (see the contract above). */
export type ExportJsonRecord = {
  [K in ExportColumnName]: K extends ListColumnName
    ? string[]
    : K extends 'revision'
      ? number
      : K extends NullableIntegerColumn
        ? number | null
        : K extends BooleanColumn
          ? boolean | null
          : string;
};

const labelsOf = (xs: readonly TermRef[]) => xs.map((x) => x.label);
const idsOf = (xs: readonly TermRef[]) => xs.map((x) => x.curie ?? '');

function lists(r: ExportRow): Record<ListColumnName, string[]> {
  return {
    ev_cargo: r.cargo.map((c) => c.name),
    ev_cargo_types: r.cargo.map((c) => c.type),
    ev_cargo_ids: r.cargo.map((c) => c.curie ?? ''),
    ev_source_terms: labelsOf(r.evSourceTerms),
    ev_source_ids: idsOf(r.evSourceTerms),
    recipient_cell_terms: labelsOf(r.recipientCellTerms),
    recipient_cell_ids: idsOf(r.recipientCellTerms),
    disease_terms: labelsOf(r.diseaseTerms),
    disease_ids: idsOf(r.diseaseTerms),
    target_gene_terms: labelsOf(r.targetGeneTerms),
    target_gene_ids: idsOf(r.targetGeneTerms),
    detection_method_terms: labelsOf(r.methodTerms),
    detection_method_ids: idsOf(r.methodTerms),
    mechanism: r.mechanism,
    separation_methods: r.separationMethods,
    particle_analysis: r.particleAnalysis,
    em_methods: r.emMethods,
    markers_positive: r.markersPositive,
    markers_negative: r.markersNegative,
  };
}

/** The record of a row for JSON and NDJSON. Keys in EXPORT_COLUMNS order. */
export function toJsonRecord(r: ExportRow): ExportJsonRecord {
  const l = lists(r);
  const values: ExportJsonRecord = {
    finding_id: r.publicId,
    revision: r.revisionNo,
    target_organ: r.targetOrganLabel,
    species: r.speciesLabel,
    ev_source: r.evSource,
    ev_cargo: l.ev_cargo,
    recipient_cell: r.recipientCell,
    model_disease: r.modelDisease,
    result: r.result,
    ev_cargo_types: l.ev_cargo_types,
    direction: r.direction,
    origin: r.originLabel,
    study_type: r.studyType ?? '',
    effect_direction: r.effectDirection ?? '',
    mechanism: l.mechanism,
    ev_type: r.evType ?? '',
    separation_methods: l.separation_methods,
    particle_analysis: l.particle_analysis,
    em_methods: l.em_methods,
    markers_positive: l.markers_positive,
    markers_negative: l.markers_negative,
    evidence_quote: r.evidenceQuote,
    evidence_location: r.evidenceLocation,
    evidence_prefix: r.evidenceAnchor?.quote.prefix ?? '',
    evidence_suffix: r.evidenceAnchor?.quote.suffix ?? '',
    evidence_start: r.evidenceAnchor?.position.start ?? null,
    evidence_end: r.evidenceAnchor?.position.end ?? null,
    evidence_snapshot_sha256: r.evidenceAnchor?.snapshot.sha256 ?? '',
    evidence_verified: r.evidenceVerified ?? null,
    curator_note: r.curatorNote,
    target_organ_id: r.targetOrgan,
    species_id: r.species,
    origin_id: r.origin,
    ev_source_terms: l.ev_source_terms,
    ev_source_ids: l.ev_source_ids,
    recipient_cell_terms: l.recipient_cell_terms,
    recipient_cell_ids: l.recipient_cell_ids,
    disease_terms: l.disease_terms,
    disease_ids: l.disease_ids,
    condition: r.condition,
    target_gene_terms: l.target_gene_terms,
    target_gene_ids: l.target_gene_ids,
    detection_method_terms: l.detection_method_terms,
    detection_method_ids: l.detection_method_ids,
    ev_cargo_ids: l.ev_cargo_ids,
    doi: r.source.doi,
    citation: formatCitation(r.source),
    approved_by: r.approvedBy ?? '',
    approved_at: r.approvedAt ?? '',
  };
  // Rebuilt in column order, so the key order is the documented one whatever the literal above says.
  return Object.fromEntries(EXPORT_COLUMN_NAMES.map((k) => [k, values[k]])) as ExportJsonRecord;
}

/** The flat record (lists joined with "; "), not yet neutralized: what a CSV row says. */
export function toExportRecord(r: ExportRow): ExportRecord {
  const json = toJsonRecord(r);
  return Object.fromEntries(
    EXPORT_COLUMN_NAMES.map((k) => {
      const v = json[k];
      if (v === null) return [k, ''];
      if (typeof v === 'boolean') return [k, v ? CSV_TRUE : CSV_FALSE];
      return [k, Array.isArray(v) ? v.join(LIST_SEPARATOR) : v];
    }),
  ) as ExportRecord;
}

/** A CSV row: every cell text, in column order, neutralized against formula injection. */
export function toCsvCells(record: ExportRecord): string[] {
  return EXPORT_COLUMN_NAMES.map((k) => neutralizeCell(String(record[k] ?? '')));
}

/** The CSV header cells. */
export function csvHeader(): string[] {
  return [...EXPORT_COLUMN_NAMES];
}
