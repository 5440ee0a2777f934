import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { BrowseQuery } from '../../lib/browse/filters';
import { DomainError } from '../../lib/errors';
import { EXPORT_COLUMN_NAMES, EXPORT_COLUMNS } from '../../lib/export/columns';
import { csvRowsToCrlf, jsonLinesToArray, withHead } from '../../lib/export/copy-framing';
import { encodeExport, type ExportFormat } from '../../lib/export/encode';
import type { ExportRow } from '../../lib/export/record';
import type { DbHandle, DbOrTx } from '../client';
import { findingRevisions, findings, reviews, sources, users } from '../schema';
import { browseConditions, type Viewer } from './browse';

/** Rows per query: big enough to keep round trips few, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 2000;

/**
 * What to export:
 * - `query` + `viewer`: the approved revisions of the findings the browse filters match;
 * - `conditions`: the approved revisions of the findings matching these SQL conditions over `findings`;
 * - `releaseId`: the revisions a release pinned;
 * - `revisionIds`: exactly these revisions (one per finding).
 */
export type ExportSelection =
  | { query: BrowseQuery; viewer: Viewer }
  | { conditions: SQL[] }
  | { releaseId: number }
  | { revisionIds: number[] };

/**
 * The browse filters as export conditions. Exports hold approved revisions
 * only, so a workflow-status filter other than "approved" is refused rather
 * than silently giving a different set than the page.
 */
export function exportConditions(query: BrowseQuery, viewer: Viewer): SQL[] {
  if (query.status && query.status !== 'approved')
    throw new DomainError('invalid', 'export', 'Exports contain approved findings only; remove the status filter.', 'status');
  return browseConditions({ ...query, status: undefined, cursor: undefined }, viewer);
}

function selectionWhere(s: ExportSelection): SQL[] {
  if ('releaseId' in s)
    return [sql`(${findings.id}, ${findingRevisions.id}) in (select finding_id, revision_id from release_findings where release_id = ${s.releaseId})`];
  if ('revisionIds' in s) return [s.revisionIds.length ? inArray(findingRevisions.id, s.revisionIds) : sql`false`];
  const conds = 'query' in s ? exportConditions(s.query, s.viewer) : s.conditions;
  return conds;
}

/**
 * How a finding meets the revision exported. The live export joins the approved revision by its
 * primary key, so that a batch is a short nested loop in findings.id order that stops at its LIMIT
 * (joining every revision of every finding made the planner hash-join millions of rows first).
 */
function revisionJoin(s: ExportSelection): SQL {
  return 'releaseId' in s || 'revisionIds' in s
    ? sql`${findingRevisions.findingId} = ${findings.id}`
    : sql`${findingRevisions.id} = ${findings.approvedRevisionId}`;
}

// Seconds precision, UTC: the Table Schema's default datetime format, and identical on both drivers.
const isoUtc = (col: SQL | typeof reviews.createdAt) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

async function exportBatch(db: DbOrTx, join: SQL, where: SQL[], afterId: number, limit: number): Promise<ExportRow[]> {
  // The approval that published the revision: the latest 'approve' decision on it (with dual review, the second).
  const approval = db
    .select({ name: sql<string>`${users.name}`.as('approver_name'), at: isoUtc(reviews.createdAt).as('approved_at_text') })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(and(eq(reviews.revisionId, findingRevisions.id), eq(reviews.decision, 'approve')))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(1)
    .as('approval');
  const rows = await db
    .select({
      findingId: findings.id,
      publicId: findings.publicId,
      rev: findingRevisions,
      source: {
        doi: sources.doi,
        authors: sources.authors,
        year: sources.year,
        title: sources.title,
        journal: sources.journal,
        volumePages: sources.volumePages,
      },
      approvedBy: approval.name,
      // A revision published without a review row (none today) still gets its finding's approval time.
      approvedAt: sql<string | null>`coalesce(${approval.at}, case when ${findings.approvedRevisionId} = ${findingRevisions.id} then ${isoUtc(sql`${findings.approvedAt}`)} end)`,
    })
    .from(findings)
    .innerJoin(findingRevisions, join)
    .innerJoin(sources, eq(sources.id, findings.sourceId))
    .leftJoinLateral(approval, sql`true`)
    .where(and(...where, gt(findings.id, afterId)))
    .orderBy(asc(findings.id))
    .limit(limit);
  return rows.map(({ findingId, publicId, rev, source, approvedBy, approvedAt }) => ({
    findingId,
    publicId,
    revisionId: rev.id,
    revisionNo: rev.revisionNo,
    targetOrgan: rev.targetOrgan,
    targetOrganLabel: rev.targetOrganLabel,
    species: rev.species,
    speciesLabel: rev.speciesLabel,
    origin: rev.origin,
    originLabel: rev.originLabel,
    direction: rev.direction,
    evSource: rev.evSource,
    cargo: rev.cargo,
    recipientCell: rev.recipientCell,
    modelDisease: rev.modelDisease,
    result: rev.result,
    studyType: rev.studyType,
    effectDirection: rev.effectDirection,
    mechanism: rev.mechanism,
    evType: rev.evType,
    separationMethods: rev.separationMethods,
    particleAnalysis: rev.particleAnalysis,
    emMethods: rev.emMethods,
    markersPositive: rev.markersPositive,
    markersNegative: rev.markersNegative,
    evidenceQuote: rev.evidenceQuote,
    evidenceLocation: rev.evidenceLocation,
    curatorNote: rev.curatorNote,
    source,
    approvedBy: approvedBy ?? null,
    approvedAt: approvedAt ?? null,
  }));
}

/**
 * Every selected revision, in finding id order, read `batchSize` rows per
 * query by keyset (`findings.id > last`): memory holds one batch whatever
 * the size, and no connection is held between batches. Each batch sees the
 * data as of its own query; a release pins its revisions, so its rows never
 * change.
 */
export async function* iterateExportRows(db: DbOrTx, selection: ExportSelection, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<ExportRow> {
  const size = Math.max(1, Math.trunc(batchSize));
  const where = selectionWhere(selection);
  const join = revisionJoin(selection);
  let last = 0;
  for (;;) {
    const rows = await exportBatch(db, join, where, last, size);
    yield* rows;
    if (rows.length < size) return;
    last = rows.at(-1)!.findingId;
  }
}

// ---------------------------------------------------------------- written by PostgreSQL's COPY

/**
 * The export's columns (lib/export/columns.ts, in that order) computed by PostgreSQL, named as
 * documented: text, lists as text[], `revision` an integer. lib/export/record.ts says the same
 * in TypeScript; the export tests hold the two byte-equal on hostile text.
 */
function recordColumns(): SQL {
  const r = findingRevisions;
  const s = sources;
  const cargo = (key: 'name' | 'type') => sql`array(select e->>${sql.raw(`'${key}'`)} from jsonb_array_elements(${r.cargo}) with ordinality x(e, o) order by o)`;
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
    curator_note: sql`${r.curatorNote}`,
    target_organ_id: sql`${r.targetOrgan}`,
    species_id: sql`${r.species}`,
    origin_id: sql`${r.origin}`,
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
 * A CSV cell for COPY: lists joined with "; ", neutralized against formula injection (a
 * leading ' before = + - @ tab CR), and an empty text as NULL — COPY writes NULL as nothing
 * and "" as `""`, csv-stringify writes an empty cell as nothing. Quoting is COPY's.
 */
function copyCsvCell(name: string, type: string): SQL {
  const col = sql`b.${sql.identifier(name)}`;
  const v = LIST_NAMES.has(name) ? sql`array_to_string(${col}, '; ')` : type === 'integer' ? sql`${col}::text` : col;
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
  if (format === 'csv') return withHead(`${opts.bom ? '\uFEFF' : ''}${EXPORT_COLUMN_NAMES.join(',')}\r\n`, csvRowsToCrlf(copy));
  return format === 'json' ? jsonLinesToArray(copy) : withHead('', copy);
}

async function* toBytes(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) yield Buffer.from(c, 'utf8');
}
