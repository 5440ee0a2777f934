/**
 * The export as bytes (exportStream): written by PostgreSQL's COPY on a server, by the
 * TypeScript encoder over db/queries/export.ts's keyset batches on PGlite.
 */
import { and, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { CSV_FALSE, CSV_TRUE, EXPORT_COLUMN_NAMES, EXPORT_COLUMNS } from '../../lib/export/columns';
import { csvRowsToCrlf, jsonLinesToArray, withHead } from '../../lib/export/copy-framing';
import { encodeExport, type ExportFormat } from '../../lib/export/encode';
import type { DbHandle } from '../client';
import { findingRevisions, findings, reviews, sources, users } from '../schema';
import { type ExportSelection, isoUtc, iterateExportRows, revisionJoin, selectionWhere } from './export';

/**
 * The export's columns (lib/export/columns.ts, in that order) computed by PostgreSQL, named as
 * documented: text, lists as text[], `revision` an integer. lib/export/record.ts says the same
 * in TypeScript; the export tests hold the two byte-equal on hostile text.
 */
function recordColumns(): SQL {
  const r = findingRevisions;
  const s = sources;
  const cargo = (key: 'name' | 'type') =>
    sql`array(select e->>${sql.raw(`'${key}'`)} from jsonb_array_elements(${r.cargo}) with ordinality x(e, o) order by o)`;
  const termLabels = (col: SQLWrapper) =>
    sql`array(select e->>'label' from jsonb_array_elements(${col}) with ordinality x(e, o) order by o)`;
  const termIds = (col: SQLWrapper) =>
    sql`array(select coalesce(e->>'curie', '') from jsonb_array_elements(${col}) with ordinality x(e, o) order by o)`;
  const authors = sql`nullif(${s.authors}, '')`;
  const journal = sql`nullif(${s.journal}, '')`;
  const volumePages = sql`nullif(${s.volumePages}, '')`;
  // formatCitation (lib/citation.ts): "Authors (year). Title. Journal volume. doi:…", empty parts left out.
  const citation = sql`concat_ws(' ',
      case when ${authors} is not null then ${authors} || ' (' || coalesce(${s.year}::text, 'n.d.') || ').'
           when ${s.year} is not null then '(' || ${s.year} || ').' end,
      case when nullif(${s.title}, '') is not null then regexp_replace(${s.title}, '\\.$', '') || '.' end,
      case when ${journal} is not null or ${volumePages} is not null then concat_ws(' ', ${journal}, ${volumePages}) || '.' end,
      'doi:' || ${s.doi})`;
  const columns: Record<(typeof EXPORT_COLUMNS)[number]['name'], SQL> = {
    finding_id: sql`${findings.publicId}`,
    revision: sql`${r.revisionNo}`,
    target_organ: sql`${r.targetOrganLabel}`,
    species: sql`${r.speciesLabel}`,
    ev_source: sql`${r.evSource}`,
    ev_cargo: cargo('name'),
    recipient_cell: sql`${r.recipientCell}`,
    model_disease: sql`${r.modelDisease}`,
    result: sql`${r.result}`,
    ev_cargo_types: cargo('type'),
    direction: sql`${r.direction}`,
    origin: sql`${r.originLabel}`,
    study_type: sql`coalesce(${r.studyType}, '')`,
    effect_direction: sql`coalesce(${r.effectDirection}, '')`,
    mechanism: sql`${r.mechanism}`,
    ev_type: sql`coalesce(${r.evType}, '')`,
    separation_methods: sql`${r.separationMethods}`,
    particle_analysis: sql`${r.particleAnalysis}`,
    em_methods: sql`${r.emMethods}`,
    markers_positive: sql`${r.markersPositive}`,
    markers_negative: sql`${r.markersNegative}`,
    evidence_quote: sql`${r.evidenceQuote}`,
    evidence_location: sql`${r.evidenceLocation}`,
    // The selectors straight from the jsonb, as stored: no per-row work in Node on this path.
    evidence_prefix: sql`coalesce(${r.evidenceAnchor}->'quote'->>'prefix', '')`,
    evidence_suffix: sql`coalesce(${r.evidenceAnchor}->'quote'->>'suffix', '')`,
    evidence_start: sql`(${r.evidenceAnchor}->'position'->>'start')::int`,
    evidence_end: sql`(${r.evidenceAnchor}->'position'->>'end')::int`,
    evidence_snapshot_sha256: sql`coalesce(${r.evidenceAnchor}->'snapshot'->>'sha256', '')`,
    evidence_verified: sql`${r.evidenceVerified}`,
    curator_note: sql`${r.curatorNote}`,
    target_organ_id: sql`${r.targetOrgan}`,
    species_id: sql`${r.species}`,
    origin_id: sql`${r.origin}`,
    ev_source_terms: termLabels(r.evSourceTerms),
    ev_source_ids: termIds(r.evSourceTerms),
    recipient_cell_terms: termLabels(r.recipientCellTerms),
    recipient_cell_ids: termIds(r.recipientCellTerms),
    disease_terms: termLabels(r.diseaseTerms),
    disease_ids: termIds(r.diseaseTerms),
    condition: sql`${r.condition}`,
    target_gene_terms: termLabels(r.targetGeneTerms),
    target_gene_ids: termIds(r.targetGeneTerms),
    detection_method_terms: termLabels(r.methodTerms),
    detection_method_ids: termIds(r.methodTerms),
    ev_cargo_ids: termIds(r.cargo),
    doi: sql`${s.doi}`,
    citation,
    // The approval that published the revision (the latest 'approve'; with dual review, the second).
    // The name is looked up per row: joining users inside the lateral made a hash join per row.
    approved_by: sql`coalesce((select u.name from ${users} u where u.id = approval.reviewer_id), '')`,
    approved_at: sql`coalesce(${isoUtc(sql`approval.created_at`)},
      case when ${findings.approvedRevisionId} = ${r.id} then ${isoUtc(sql`${findings.approvedAt}`)} end, '')`,
  };
  return sql.join(
    EXPORT_COLUMNS.map((c) => sql`${columns[c.name]} as ${sql.identifier(c.name)}`),
    sql`, `,
  );
}

const LIST_NAMES = new Set<string>(EXPORT_COLUMNS.filter((c) => 'list' in c && c.list).map((c) => c.name));

/**
 * A CSV cell for COPY: lists joined with "; ", booleans yes / no, neutralized against formula
 * injection (a leading ' before = + - @ tab CR), and an empty text as NULL — COPY writes NULL as
 * nothing and "" as `""`, csv-stringify writes an empty cell as nothing. Quoting is COPY's.
 */
function copyCsvCell(name: string, type: string): SQL {
  const col = sql`b.${sql.identifier(name)}`;
  const v = LIST_NAMES.has(name)
    ? sql`array_to_string(${col}, '; ')`
    : type === 'integer'
      ? sql`${col}::text`
      : type === 'boolean'
        ? sql`case ${col} when true then ${sql.raw(`'${CSV_TRUE}'`)} when false then ${sql.raw(`'${CSV_FALSE}'`)} end`
        : col;
  return sql`case when left(${v}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${v} else nullif(${v}, '') end`;
}

const pgDialect = new PgDialect({ casing: 'snake_case' });

/**
 * The COPY statement of an export. COPY takes no bind parameters, so the filter values are
 * inlined as SQL literals by drizzle (strings quoted with '' doubled; the export's connection
 * sets standard_conforming_strings, where a backslash is an ordinary character).
 */
export function exportCopySql(selection: ExportSelection, format: ExportFormat): string {
  const records = sql`
    select ${recordColumns()}
    from ${findings}
    join ${findingRevisions} on ${revisionJoin(selection)}
    join ${sources} on ${sources.id} = ${findings.sourceId}
    left join lateral (
      select rv.reviewer_id, rv.created_at from ${reviews} rv
      where rv.revision_id = ${findingRevisions.id} and rv.decision = 'approve'
      order by rv.created_at desc, rv.id desc limit 1
    ) approval on true
    where ${and(...selectionWhere(selection))}
    order by ${findings.id}`;
  const query =
    format === 'csv'
      ? sql`copy (select ${sql.join(
          EXPORT_COLUMNS.map((c) => copyCsvCell(c.name, c.type)),
          sql`, `,
        )} from (${records}) b) to stdout with (format csv)`
      : // One compact JSON text per line (row_to_json escapes as JSON.stringify does). CSV format with a
        // delimiter and a quote byte that JSON never holds raw (it writes them \u0001, \u0002), so COPY
        // neither quotes nor escapes anything.
        sql`copy (select row_to_json(b) from (${records}) b) to stdout with (format csv, delimiter E'\\x01', quote E'\\x02')`;
  return pgDialect.sqlToQuery(query.inlineParams()).sql;
}

/**
 * The export as bytes, streamed.
 *
 * On the PostgreSQL server, PostgreSQL writes it: one `COPY … TO STDOUT` (CSV, or JSON
 * lines) streamed through with backpressure, Node only fixing the framing as it passes
 * (lib/export/copy-framing.ts) — the rate is the database's own and memory stays flat.
 * On PGlite, and in a transaction, the TypeScript encoder does it over keyset batches
 * (iterateExportRows + lib/export/encode.ts). The two give the same bytes; the tests hold
 * them to it.
 *
 * Nothing is sent before the database has answered, so a failing query still becomes an
 * error response.
 */
export function exportStream(
  handle: Pick<DbHandle, 'db' | 'copyOut'>,
  selection: ExportSelection,
  format: ExportFormat,
  opts: { bom?: boolean } = {},
): AsyncIterable<Uint8Array> {
  if (!handle.copyOut) return toBytes(encodeExport(format, iterateExportRows(handle.db, selection), opts));
  const copy = handle.copyOut(exportCopySql(selection, format));
  if (format === 'csv')
    return withHead(`${opts.bom ? '\uFEFF' : ''}${EXPORT_COLUMN_NAMES.join(',')}\r\n`, csvRowsToCrlf(copy));
  return format === 'json' ? jsonLinesToArray(copy) : withHead('', copy);
}

async function* toBytes(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) yield Buffer.from(c, 'utf8');
}
