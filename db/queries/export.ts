import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { BrowseQuery } from '../../lib/browse/filters';
import { DomainError } from '../../lib/errors';
import type { ExportRow } from '../../lib/export/record';
import type { DbOrTx } from '../client';
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
  { query: BrowseQuery; viewer: Viewer } | { conditions: SQL[] } | { releaseId: number } | { revisionIds: number[] };

/**
 * The browse filters as export conditions. Exports hold approved revisions
 * only, so a workflow-status filter other than "approved" is refused rather
 * than silently giving a different set than the page.
 */
export function exportConditions(query: BrowseQuery, viewer: Viewer): SQL[] {
  if (query.status && query.status !== 'approved')
    throw new DomainError(
      'invalid',
      'export',
      'Exports contain approved findings only; remove the status filter.',
      'status',
    );
  return browseConditions({ ...query, status: undefined, cursor: undefined }, viewer);
}

export function selectionWhere(s: ExportSelection): SQL[] {
  if ('releaseId' in s)
    return [
      sql`(${findings.id}, ${findingRevisions.id}) in (select finding_id, revision_id from release_findings where release_id = ${s.releaseId})`,
    ];
  if ('revisionIds' in s) return [s.revisionIds.length ? inArray(findingRevisions.id, s.revisionIds) : sql`false`];
  const conds = 'query' in s ? exportConditions(s.query, s.viewer) : s.conditions;
  return conds;
}

/**
 * How a finding meets the revision exported. The live export joins the approved revision by its
 * primary key, so that a batch is a short nested loop in findings.id order that stops at its LIMIT
 * (joining every revision of every finding made the planner hash-join millions of rows first).
 */
export function revisionJoin(s: ExportSelection): SQL {
  return 'releaseId' in s || 'revisionIds' in s
    ? sql`${findingRevisions.findingId} = ${findings.id}`
    : sql`${findingRevisions.id} = ${findings.approvedRevisionId}`;
}

// Seconds precision, UTC: the Table Schema's default datetime format, and identical on both drivers.
export const isoUtc = (col: SQL | typeof reviews.createdAt) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

async function exportBatch(db: DbOrTx, join: SQL, where: SQL[], afterId: number, limit: number): Promise<ExportRow[]> {
  // The approval that published the revision: the latest 'approve' decision on it (with dual review, the second).
  const approval = db
    .select({
      name: sql<string>`${users.name}`.as('approver_name'),
      at: isoUtc(reviews.createdAt).as('approved_at_text'),
    })
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
      approvedAt: sql<
        string | null
      >`coalesce(${approval.at}, case when ${findings.approvedRevisionId} = ${findingRevisions.id} then ${isoUtc(sql`${findings.approvedAt}`)} end)`,
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
    evSourceTerms: rev.evSourceTerms,
    cargo: rev.cargo,
    recipientCell: rev.recipientCell,
    recipientCellTerms: rev.recipientCellTerms,
    modelDisease: rev.modelDisease,
    diseaseTerms: rev.diseaseTerms,
    condition: rev.condition,
    result: rev.result,
    studyType: rev.studyType,
    effectDirection: rev.effectDirection,
    mechanism: rev.mechanism,
    targetGeneTerms: rev.targetGeneTerms,
    evType: rev.evType,
    separationMethods: rev.separationMethods,
    particleAnalysis: rev.particleAnalysis,
    emMethods: rev.emMethods,
    methodTerms: rev.methodTerms,
    markersPositive: rev.markersPositive,
    markersNegative: rev.markersNegative,
    evidenceQuote: rev.evidenceQuote,
    evidenceLocation: rev.evidenceLocation,
    evidenceAnchor: rev.evidenceAnchor,
    evidenceVerified: rev.evidenceVerified,
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
export async function* iterateExportRows(
  db: DbOrTx,
  selection: ExportSelection,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportRow> {
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
