/** The review queue: what awaits review, what a reviewer can act on, and one item with its decisions. */
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { findingRevisions, findings, flags, reviews, sources, users } from '../schema';

export type QueueFilter = { organ?: string; submitter?: number };

export type QueueItem = {
  findingId: number;
  publicId: string;
  revisionNo: number;
  submittedAt: Date;
  submitterId: number;
  submitter: string;
  organ: string;
  result: string;
  isEdit: boolean;
  approvals: number;
  decidedByMe: boolean;
  openFlags: number;
};

/** Revisions awaiting review, oldest first. */
export async function listQueue(
  db: DbOrTx,
  actorId: number,
  filter: QueueFilter = {},
  limit = 200,
): Promise<QueueItem[]> {
  const rows = await db
    .select({
      findingId: findings.id,
      publicId: findings.publicId,
      revisionId: findingRevisions.id,
      revisionNo: findingRevisions.revisionNo,
      submittedAt: findingRevisions.submittedAt,
      submitterId: findingRevisions.authorId,
      submitter: users.name,
      organ: findingRevisions.targetOrganLabel,
      result: findingRevisions.result,
      approvedRevisionId: findings.approvedRevisionId,
    })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .innerJoin(users, eq(users.id, findingRevisions.authorId))
    .where(
      and(
        eq(findings.status, 'submitted'),
        filter.organ ? eq(findingRevisions.targetOrgan, filter.organ) : undefined,
        filter.submitter ? eq(findingRevisions.authorId, filter.submitter) : undefined,
      ),
    )
    .orderBy(asc(findingRevisions.submittedAt), asc(findings.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const revIds = rows.map((r) => r.revisionId);
  const decided = await db
    .select({ revisionId: reviews.revisionId, reviewerId: reviews.reviewerId, decision: reviews.decision })
    .from(reviews)
    .where(inArray(reviews.revisionId, revIds));
  const flagCounts = await db
    .select({ findingId: flags.findingId, n: count() })
    .from(flags)
    .where(
      and(
        inArray(
          flags.findingId,
          rows.map((r) => r.findingId),
        ),
        isNull(flags.resolvedAt),
      ),
    )
    .groupBy(flags.findingId);
  return rows.map((r) => ({
    findingId: r.findingId,
    publicId: r.publicId,
    revisionNo: r.revisionNo,
    submittedAt: r.submittedAt!,
    submitterId: r.submitterId,
    submitter: r.submitter,
    organ: r.organ,
    result: r.result,
    isEdit: r.approvedRevisionId != null,
    approvals: decided.filter((d) => d.revisionId === r.revisionId && d.decision === 'approve').length,
    decidedByMe: decided.some((d) => d.revisionId === r.revisionId && d.reviewerId === actorId),
    openFlags: flagCounts.find((f) => f.findingId === r.findingId)?.n ?? 0,
  }));
}

/** Items a reviewer can act on now: submitted by others, not yet decided by them. */
export async function countActionableQueue(db: DbOrTx, actorId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .where(
      and(
        eq(findings.status, 'submitted'),
        ne(findingRevisions.authorId, actorId),
        sql`not exists (select 1 from ${reviews} where ${reviews.revisionId} = ${findingRevisions.id} and ${reviews.reviewerId} = ${actorId})`,
      ),
    );
  return row?.n ?? 0;
}

export async function getReviewItem(db: DbOrTx, publicId: string) {
  const [f] = await db.select().from(findings).where(eq(findings.publicId, publicId));
  if (!f) return null;
  const [latest] = await db.select().from(findingRevisions).where(eq(findingRevisions.id, f.latestRevisionId!));
  const approved = f.approvedRevisionId
    ? (await db.select().from(findingRevisions).where(eq(findingRevisions.id, f.approvedRevisionId)))[0]
    : undefined;
  const [source] = await db.select().from(sources).where(eq(sources.id, f.sourceId));
  const [author] = await db.select({ name: users.name }).from(users).where(eq(users.id, latest!.authorId));
  const decisions = await db
    .select({
      reviewerId: reviews.reviewerId,
      reviewer: users.name,
      decision: reviews.decision,
      comment: reviews.comment,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.revisionId, latest!.id))
    .orderBy(asc(reviews.createdAt));
  return { finding: f, latest: latest!, approved, source: source!, authorName: author?.name ?? '', decisions };
}
