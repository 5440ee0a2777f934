/**
 * Re-anchoring (issue 12, item 4): when a newer snapshot of a source arrives, every anchored evidence quote of
 * the source's findings (their latest and approved revisions) is looked for in it. An exact unique match moves
 * silently; an approximate one is only proposed; ambiguous and vanished quotes are listed for curators.
 * Every outcome is a row of evidence_anchorings and an audit event; nothing is deleted or rewritten.
 */
import { and, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { type AnchorResult, describe, prepare, reanchor } from '../../lib/anchor';
import type { AnchoredQuote } from '../../lib/anchor/schema';
import { DomainError } from '../../lib/errors';
import type { Db, DbOrTx, Tx } from '../client';
import { type AnchoringStatus, evidenceAnchorings, findingRevisions, findings, sourceSnapshots } from '../schema';
import { type AuditInput, recordAudit } from './audit';

export type ReanchorCounts = Record<AnchoringStatus, number>;

const STATUS_OF: Record<AnchorResult['status'], AnchoringStatus> = {
  exact: 'moved',
  approximate: 'proposed',
  ambiguous: 'ambiguous',
  orphan: 'orphan',
};

/** Re-anchors the source's quotes into the snapshot just stored (`snap`), inside the storing transaction. */
export async function reanchorSource(
  tx: Tx,
  actorId: number | null,
  sourceId: number,
  snap: { id: number; sha256: string; text: string },
): Promise<ReanchorCounts> {
  const counts: ReanchorCounts = { moved: 0, proposed: 0, ambiguous: 0, orphan: 0 };
  const quotes = await tx
    .select({ revisionId: findingRevisions.id, findingId: findings.id, anchor: findingRevisions.evidenceAnchor })
    .from(findingRevisions)
    .innerJoin(findings, eq(findings.id, findingRevisions.findingId))
    .where(
      and(
        eq(findings.sourceId, sourceId),
        isNotNull(findingRevisions.evidenceAnchor),
        or(eq(findings.latestRevisionId, findingRevisions.id), eq(findings.approvedRevisionId, findingRevisions.id)),
      ),
    );
  const todo = quotes.filter(
    (q): q is typeof q & { anchor: AnchoredQuote } => q.anchor?.snapshot.sha256 !== snap.sha256,
  );
  if (!todo.length) return counts;
  // The source's earlier texts (a handful), and where each quote sits now: a quote that moved, or whose proposed
  // move a curator accepted, is looked for from there, so an accepted move is not proposed again.
  const olds = await tx
    .select({ id: sourceSnapshots.id, sha256: sourceSnapshots.sha256, text: sourceSnapshots.text })
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.sourceId, sourceId), ne(sourceSnapshots.id, snap.id)));
  const bySha = new Map(olds.map((o) => [o.sha256, o]));
  const byId = new Map(olds.map((o) => [o.id, o]));
  const current = await currentAnchorings(
    tx,
    todo.map((q) => q.revisionId),
  );
  const prepared = new Map<number, ReturnType<typeof prepare>>();
  const textOf = (o: { id: number; text: string }) =>
    prepared.get(o.id) ?? prepared.set(o.id, prepare(o.text)).get(o.id)!;
  const fresh = prepare(snap.text);
  const rows: (typeof evidenceAnchorings.$inferInsert)[] = [];
  const audit: AuditInput[] = [];
  for (const q of todo) {
    const at = current.get(q.revisionId);
    const base = at ? byId.get(at.snapshotId) : bySha.get(q.anchor.snapshot.sha256);
    const moved = at && base ? describe(textOf(base), at.start!, at.end!) : null;
    const target = moved ? { quote: moved.quote } : { quote: q.anchor.quote, position: q.anchor.position };
    // A quote whose snapshot is gone cannot happen (snapshots are never deleted); it would be looked for as typed.
    const r = base ? reanchor(textOf(base), fresh, target) : reanchor(fresh, fresh, { quote: q.anchor.quote });
    const status = STATUS_OF[r.status];
    counts[status] += 1;
    const span = r.status === 'exact' || r.status === 'approximate' ? { start: r.start, end: r.end } : {};
    const score = r.status === 'approximate' ? r.score : r.status === 'exact' ? 1 : null;
    rows.push({ revisionId: q.revisionId, snapshotId: snap.id, status, score, ...span });
    audit.push({
      actorId,
      action: 'evidence.reanchor',
      entity: 'finding',
      entityId: q.findingId,
      detail: { revisionId: q.revisionId, snapshotId: snap.id, status, ...(score !== null ? { score } : {}) },
    });
  }
  await tx.insert(evidenceAnchorings).values(rows);
  await recordAudit(tx, audit);
  return counts;
}

/** Each revision's newest anchoring that moved or was accepted (where its quote sits now), by revision id. */
async function currentAnchorings(tx: Tx, revisionIds: number[]) {
  const rows = await tx
    .selectDistinctOn([evidenceAnchorings.revisionId], {
      revisionId: evidenceAnchorings.revisionId,
      snapshotId: evidenceAnchorings.snapshotId,
      start: evidenceAnchorings.start,
      end: evidenceAnchorings.end,
    })
    .from(evidenceAnchorings)
    .where(
      and(
        inArray(evidenceAnchorings.revisionId, revisionIds),
        or(eq(evidenceAnchorings.status, 'moved'), eq(evidenceAnchorings.decision, 'accepted')),
      ),
    )
    .orderBy(evidenceAnchorings.revisionId, desc(evidenceAnchorings.snapshotId));
  return new Map(rows.filter((r) => r.start !== null && r.end !== null).map((r) => [r.revisionId, r]));
}

/** A curator's answer to a proposed move: accepted (the quote follows) or rejected (it stays an orphan there). */
export async function decideAnchoring(
  db: Db,
  actorId: number,
  anchoringId: number,
  decision: 'accepted' | 'rejected',
): Promise<{ findingId: number }> {
  return db.transaction(async (tx) => {
    // A private draft's quote is its author's business: to anyone else it does not exist (lib/policy/read.ts).
    const [seen] = await tx
      .select({ id: evidenceAnchorings.id })
      .from(evidenceAnchorings)
      .innerJoin(findingRevisions, eq(findingRevisions.id, evidenceAnchorings.revisionId))
      .where(and(eq(evidenceAnchorings.id, anchoringId), visibleTo(actorId)));
    if (!seen) throw new DomainError('not_found', 'anchoring', 'No such proposal.');
    const [row] = await tx
      .update(evidenceAnchorings)
      .set({ decision, decidedBy: actorId, decidedAt: new Date() })
      .where(
        and(
          eq(evidenceAnchorings.id, anchoringId),
          isNull(evidenceAnchorings.decision),
          eq(evidenceAnchorings.status, 'proposed'),
        ),
      )
      .returning({ revisionId: evidenceAnchorings.revisionId, snapshotId: evidenceAnchorings.snapshotId });
    if (!row)
      throw new DomainError('conflict', 'anchoring', 'This proposal was already decided, or is not a proposal.');
    const [rev] = await tx
      .select({ findingId: findingRevisions.findingId })
      .from(findingRevisions)
      .where(eq(findingRevisions.id, row.revisionId));
    await recordAudit(tx, {
      actorId,
      action: decision === 'accepted' ? 'evidence.accept' : 'evidence.reject',
      entity: 'finding',
      entityId: rev!.findingId,
      detail: { anchoringId, revisionId: row.revisionId, snapshotId: row.snapshotId },
    });
    return { findingId: rev!.findingId };
  });
}

/** Where a revision's quote sits now: its newest anchoring that moved or was accepted, else none (the original). */
export async function currentAnchoring(db: DbOrTx, revisionId: number) {
  const [row] = await db
    .select()
    .from(evidenceAnchorings)
    .where(
      and(
        eq(evidenceAnchorings.revisionId, revisionId),
        or(eq(evidenceAnchorings.status, 'moved'), eq(evidenceAnchorings.decision, 'accepted')),
      ),
    )
    .orderBy(desc(evidenceAnchorings.snapshotId))
    .limit(1);
  return row;
}

/** A submitted revision, or the viewer's own draft. */
const visibleTo = (viewerId: number) =>
  or(isNotNull(findingRevisions.submittedAt), eq(findingRevisions.authorId, viewerId));

/**
 * Open items for curators: proposals, ambiguous and orphaned quotes in each source's newest snapshot, of
 * submitted revisions and of the viewer's own drafts.
 */
export async function listOpenAnchorings(db: DbOrTx, viewerId: number, limit = 200) {
  return db
    .select({
      id: evidenceAnchorings.id,
      status: evidenceAnchorings.status,
      start: evidenceAnchorings.start,
      end: evidenceAnchorings.end,
      score: evidenceAnchorings.score,
      revisionId: evidenceAnchorings.revisionId,
      snapshotId: evidenceAnchorings.snapshotId,
      publicId: findings.publicId,
      doi: findings.doi,
      quote: findingRevisions.evidenceQuote,
      createdAt: evidenceAnchorings.createdAt,
    })
    .from(evidenceAnchorings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, evidenceAnchorings.revisionId))
    .innerJoin(findings, eq(findings.id, findingRevisions.findingId))
    .where(
      and(
        isNull(evidenceAnchorings.decision),
        inArray(evidenceAnchorings.status, ['proposed', 'ambiguous', 'orphan']),
        visibleTo(viewerId),
        sql`${evidenceAnchorings.snapshotId} = (select max(s.id) from source_texts s where s.source_id = ${findings.sourceId})`,
      ),
    )
    .orderBy(desc(evidenceAnchorings.id))
    .limit(limit);
}
