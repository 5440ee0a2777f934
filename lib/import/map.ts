/**
 * One record of an import file → the finding form's fields. Nothing is
 * validated here beyond what only the file can say (an unknown organ, cargo
 * names without as many types); findingContentSchema does the rest, as for
 * the form.
 */
import { parseCargoCell } from '../cargo/parse';
import { toCargoItem } from '../cargo/classify';
import { unneutralizeCell } from '../export/columns';
import {
  CARGO_TYPES,
  DIRECTIONS,
  EFFECT_DIRECTIONS,
  EM_METHODS,
  EV_TYPES,
  findOrgan,
  findSpecies,
  organLabel,
  PARTICLE_ANALYSIS,
  SEPARATION_METHODS,
  SKELETAL_MUSCLE,
  STUDY_TYPES,
} from '../vocab';
import { CURIE_PATTERN } from '../vocab/fields';
import type { ImportRow, RowProblem } from './types';

/** A cell as read: CSV gives strings; JSON also numbers, null and (list columns) arrays. */
export type Cell = string | number | boolean | null | undefined | readonly unknown[];
export type RawRecord = Record<string, Cell>;

type Options = readonly { value: string; label: string }[];

/** A controlled term by value or label, any case; anything else is passed on for the schema to refuse. */
function term(options: Options, raw: string): string {
  const t = raw.trim().toLowerCase();
  return options.find((o) => o.value.toLowerCase() === t || o.label.toLowerCase() === t)?.value ?? raw.trim();
}

/** "NA" in the review's table means "not reported". */
const orEmpty = (s: string) => (s.trim().toUpperCase() === 'NA' ? '' : s.trim());

class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly record: RawRecord,
    /** CSV cells may carry the export's formula-injection quote; JSON values never do. */
    private readonly neutralized: boolean,
  ) {}

  text(column: string): string {
    const v = this.record[column];
    if (v === undefined || v === null) return '';
    if (Array.isArray(v)) {
      this.problems.push({ field: column, message: 'Expected text, not a list.' });
      return '';
    }
    const s = String(v);
    return (this.neutralized ? unneutralizeCell(s) : s).trim();
  }

  /** A list column: an array (JSON) or a ";"-separated cell. */
  list(column: string): string[] {
    const v = this.record[column];
    if (Array.isArray(v)) {
      if (v.some((x) => typeof x !== 'string'))
        this.problems.push({ field: column, message: 'Expected a list of text items.' });
      return v
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.trim())
        .filter(Boolean);
    }
    // The export neutralizes a whole cell, never an item inside it: unneutralize first, then split.
    return this.text(column)
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean);
  }

  /** A list column that keeps empty items in place ("CL:1; ; CL:2"): the `…_ids` lists run parallel to their labels. */
  parallelList(column: string): string[] {
    const v = this.record[column];
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x.trim() : ''));
    const text = this.text(column);
    return text === '' ? [] : text.split(';').map((x) => x.trim());
  }

  problem(field: string, message: string) {
    this.problems.push({ field, message });
  }
}

type Vocab = { id: string; label: string } | undefined;

/**
 * Organ or species from its label column and/or its id column; both must agree when both name one of the
 * review's organs or species. A label outside that list is passed on as written: the importer looks it
 * up in the vocabularies (db/queries/import-terms.ts), and the terms check refuses an unknown id.
 */
function resolve(r: RowReader, labelCol: string, idCol: string, find: (s: string) => Vocab, what: string): string {
  const label = r.text(labelCol);
  const id = r.text(idCol);
  const byLabel = label ? find(label) : undefined;
  if (!id) return byLabel?.id ?? label;
  if (!CURIE_PATTERN.test(id)) {
    r.problem(idCol, `"${id}" is not a term id (a CURIE such as UBERON:0002371).`);
    return '';
  }
  if (byLabel && byLabel.id !== id)
    r.problem(idCol, `${labelCol} "${label}" and ${idCol} "${id}" name different ${what}s.`);
  return id;
}

/**
 * A grounded list from its labels column and its parallel ids column. Either may be given alone: ids alone
 * get their labels from the terms table; labels alone are looked up by exact label, else kept as free text.
 */
function termList(r: RowReader, labelsCol: string, idsCol: string): { curie: string | null; label: string }[] {
  const labels = r.parallelList(labelsCol);
  const ids = r.parallelList(idsCol);
  if (ids.length > 0 && labels.length > 0 && ids.length !== labels.length) {
    r.problem(idsCol, `${labels.length} value(s) in ${labelsCol} but ${ids.length} in ${idsCol}; give them in pairs.`);
    return [];
  }
  const n = Math.max(labels.length, ids.length);
  const out: { curie: string | null; label: string }[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i] ?? '';
    const label = labels[i] ?? '';
    if (!id && !label) continue;
    // A CURIE written in the labels column counts as an id.
    const curie = id || (CURIE_PATTERN.test(label) ? label : '');
    out.push({ curie: curie || null, label: label || curie });
  }
  return out;
}

/** ev_cargo + ev_cargo_types (+ ev_cargo_ids), item by item; without types, each name is typed by the Table 1 rule. */
function cargo(r: RowReader): { name: string; type: string; curie?: string | null }[] {
  const names = r.list('ev_cargo');
  const types = r.list('ev_cargo_types');
  const ids = r.parallelList('ev_cargo_ids');
  if (ids.length > 0 && ids.length !== names.length) {
    r.problem(
      'ev_cargo_ids',
      `${names.length} cargo name(s) but ${ids.length} id(s); give one id (or nothing) per name.`,
    );
    return [];
  }
  const withIds = (items: { name: string; type: string }[]) =>
    ids.length ? items.map((c, i) => ({ ...c, curie: ids[i] || null })) : items;
  if (types.length === 0) return withIds(names.map(toCargoItem));
  if (types.length !== names.length) {
    r.problem(
      'ev_cargo_types',
      `${names.length} cargo name${names.length === 1 ? '' : 's'} but ${types.length} type${types.length === 1 ? '' : 's'}; give one type per name, in the same order.`,
    );
    return [];
  }
  return withIds(names.map((name, i) => ({ name, type: term(CARGO_TYPES.list, types[i]!) })));
}

/** A record with the export's columns (CSV cells or JSON values). */
export function mapExportRecord(row: number, record: RawRecord, opts: { neutralized: boolean }): ImportRow {
  const r = new RowReader(record, opts.neutralized);
  const optionalTerm = (options: Options, column: string) => {
    const v = r.text(column);
    return v ? term(options, v) : null;
  };
  const origin = resolve(r, 'origin', 'origin_id', findOrgan, 'organ');
  const content = {
    targetOrgan: resolve(r, 'target_organ', 'target_organ_id', findOrgan, 'organ'),
    ...(origin ? { origin } : {}),
    direction: term(DIRECTIONS.list, r.text('direction')),
    species: resolve(r, 'species', 'species_id', findSpecies, 'species'),
    evSource: r.text('ev_source'),
    evSourceTerms: termList(r, 'ev_source_terms', 'ev_source_ids'),
    cargo: cargo(r),
    recipientCell: r.text('recipient_cell'),
    recipientCellTerms: termList(r, 'recipient_cell_terms', 'recipient_cell_ids'),
    modelDisease: r.text('model_disease'),
    diseaseTerms: termList(r, 'disease_terms', 'disease_ids'),
    condition: r.text('condition'),
    result: r.text('result'),
    studyType: optionalTerm(STUDY_TYPES.list, 'study_type'),
    effectDirection: optionalTerm(EFFECT_DIRECTIONS.list, 'effect_direction'),
    mechanism: r.list('mechanism'),
    targetGeneTerms: termList(r, 'target_gene_terms', 'target_gene_ids'),
    methodTerms: termList(r, 'detection_method_terms', 'detection_method_ids'),
    evType: optionalTerm(EV_TYPES.list, 'ev_type'),
    separationMethods: r.list('separation_methods').map((v) => term(SEPARATION_METHODS.list, v)),
    particleAnalysis: r.list('particle_analysis').map((v) => term(PARTICLE_ANALYSIS.list, v)),
    emMethods: r.list('em_methods').map((v) => term(EM_METHODS.list, v)),
    markersPositive: r.list('markers_positive'),
    markersNegative: r.list('markers_negative'),
    evidenceQuote: r.text('evidence_quote'),
    evidenceLocation: r.text('evidence_location'),
    curatorNote: r.text('curator_note'),
  };
  return { row, doi: r.text('doi'), content, problems: r.problems };
}

/**
 * A row of the review's Table 1, read as db/seed-lib.ts reads it: cargo cells
 * split by parseCargoCell, "NA" model/disease empty, donor organ skeletal
 * muscle, direction within muscle when the target is skeletal muscle.
 */
export function mapTable1Record(row: number, record: RawRecord): ImportRow {
  const r = new RowReader(record, true);
  const organ = resolve(r, 'target_organ', 'target_organ_id', findOrgan, 'organ');
  const content = {
    targetOrgan: organ,
    origin: SKELETAL_MUSCLE,
    direction: organ === SKELETAL_MUSCLE ? 'within_muscle' : 'muscle_to_organ',
    species: resolve(r, 'species', 'species_id', findSpecies, 'species'),
    evSource: r.text('ev_source'),
    cargo: parseCargoCell(r.text('ev_cargo')),
    recipientCell: r.text('recipient_cell'),
    modelDisease: orEmpty(r.text('model_disease')),
    result: r.text('result'),
  };
  return { row, doi: r.text('doi'), content, problems: r.problems };
}

/** "Bone · BMSCs · miR-92a-3p, CD63": enough of a row to recognize it in the report. */
export function rowLabel(content: Record<string, unknown>): string {
  const cargo = Array.isArray(content.cargo)
    ? (content.cargo as { name?: unknown }[]).map((c) => String(c?.name ?? '')).filter(Boolean)
    : [];
  const organ = typeof content.targetOrgan === 'string' && content.targetOrgan ? organLabel(content.targetOrgan) : '';
  const cell = typeof content.recipientCell === 'string' ? content.recipientCell : '';
  return [organ, cell, cargo.slice(0, 3).join(', ') + (cargo.length > 3 ? '…' : '')]
    .filter(Boolean)
    .join(' · ')
    .slice(0, 200);
}
