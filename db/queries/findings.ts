import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { auditEvents, findingRevisions, findings, reviews, sources, users } from '../schema';

/** A row of the findings table: the listed (approved) revision's Table 1 columns. */
export type FindingRow = {
  id: number;
  publicId: string;
  status: string;
  targetOrgan: string;
  species: string;
  evSource: string;
  cargo: { name: string; type: string }[];
  recipientCell: string;
  modelDisease: string;
  result: string;
  doi: string;
  year: number | null;
  firstAuthor: string | null;
  revisionNo: number;
  approvedAt: Date | null;
};

/** Approved findings, newest approval first (full keyset browsing lives in the browse issue). */
export async function listApprovedFindings(db: DbOrTx, limit = 200): Promise<FindingRow[]> {
  return db
    .select({
      id: findings.id,
      publicId: findings.publicId,
      status: findings.status,
      targetOrgan: findingRevisions.targetOrganLabel,
      species: findingRevisions.speciesLabel,
      evSource: findingRevisions.evSource,
      cargo: findingRevisions.cargo,
      recipientCell: findingRevisions.recipientCell,
      modelDisease: findingRevisions.modelDisease,
      result: findingRevisions.result,
      doi: findings.doi,
      year: findings.year,
      firstAuthor: sql<string | null>`split_part(${sources.authors}, ',', 1)`,
      revisionNo: findingRevisions.revisionNo,
      approvedAt: findings.approvedAt,
    })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.approvedRevisionId))
    .innerJoin(sources, eq(sources.id, findings.sourceId))
    .where(sql`${findings.approvedRevisionId} is not null`)
    .orderBy(sql`${findings.approvedAt} desc`, desc(findings.id))
    .limit(limit);
}

export async function getFindingByPublicId(db: DbOrTx, publicId: string) {
  const [f] = await db.select().from(findings).where(eq(findings.publicId, publicId)).limit(1);
  if (!f) return undefined;
  const [source] = await db.select().from(sources).where(eq(sources.id, f.sourceId));
  const revisions = await db
    .select({
      id: findingRevisions.id,
      revisionNo: findingRevisions.revisionNo,
      authorId: findingRevisions.authorId,
      authorName: users.name,
      changeSummary: findingRevisions.changeSummary,
      createdAt: findingRevisions.createdAt,
      submittedAt: findingRevisions.submittedAt,
    })
    .from(findingRevisions)
    .innerJoin(users, eq(users.id, findingRevisions.authorId))
    .where(eq(findingRevisions.findingId, f.id))
    .orderBy(asc(findingRevisions.revisionNo));
  const decisions = await db
    .select({
      revisionId: reviews.revisionId,
      decision: reviews.decision,
      reviewer: users.name,
      comment: reviews.comment,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(findingRevisions, eq(findingRevisions.id, reviews.revisionId))
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(findingRevisions.findingId, f.id))
    .orderBy(asc(reviews.createdAt));
  // A revision was published when its approval completed: the append-only audit says so durably.
  const approvals = await db
    .select({ revisionNo: sql<number>`(${auditEvents.detail}->>'revisionNo')::int` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, 'finding'),
        eq(auditEvents.entityId, String(f.id)),
        eq(auditEvents.action, 'finding.approved'),
      ),
    );
  const publishedRevisionNos = approvals.map((a) => Number(a.revisionNo));
  return { finding: f, source: source!, revisions, decisions, publishedRevisionNos };
}

export async function getRevision(db: DbOrTx, revisionId: number) {
  const [r] = await db.select().from(findingRevisions).where(eq(findingRevisions.id, revisionId)).limit(1);
  return r;
}

export async function getSourceByDoi(db: DbOrTx, doi: string) {
  const [s] = await db.select().from(sources).where(eq(sources.doi, doi)).limit(1);
  if (!s) return undefined;
  const rows = await db
    .select({
      publicId: findings.publicId,
      targetOrgan: findingRevisions.targetOrganLabel,
      species: findingRevisions.speciesLabel,
      result: findingRevisions.result,
    })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.approvedRevisionId))
    .where(and(eq(findings.sourceId, s.id), sql`${findings.approvedRevisionId} is not null`))
    .orderBy(asc(findings.id));
  return { source: s, findings: rows };
}

export async function countOverview(db: DbOrTx) {
  const [f] = await db
    .select({ n: count() })
    .from(findings)
    .where(sql`${findings.approvedRevisionId} is not null`);
  const [s] = await db.select({ n: count() }).from(sources);
  return { findings: f?.n ?? 0, sources: s?.n ?? 0 };
}

/**
 * Live (not rejected) findings on a source, for the "already has findings" warning:
 * the approved or submitted ones, and the viewer's own drafts (others' drafts are private).
 */
export async function listFindingsOnSource(db: DbOrTx, sourceId: number, viewerId: number) {
  return db
    .select({
      id: findings.id,
      publicId: findings.publicId,
      organ: findingRevisions.targetOrganLabel,
      result: findingRevisions.result,
    })
    .from(findings)
    .innerJoin(
      findingRevisions,
      sql`${findingRevisions.id} = coalesce(${findings.approvedRevisionId}, ${findings.latestRevisionId})`,
    )
    .where(
      and(
        eq(findings.sourceId, sourceId),
        sql`${findings.status} <> 'rejected'`,
        sql`(${findingRevisions.submittedAt} is not null or ${findingRevisions.authorId} = ${viewerId})`,
      ),
    )
    .orderBy(asc(findings.id));
}

/** The viewer's own open drafts on a source (the latest revision is theirs and unsubmitted): "use as evidence for my draft". */
export async function listMyDraftsOnSource(db: DbOrTx, sourceId: number, viewerId: number) {
  return db
    .select({
      publicId: findings.publicId,
      organ: findingRevisions.targetOrganLabel,
      result: findingRevisions.result,
    })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .where(
      and(
        eq(findings.sourceId, sourceId),
        sql`${findingRevisions.submittedAt} is null`,
        eq(findingRevisions.authorId, viewerId),
      ),
    )
    .orderBy(asc(findings.id))
    .limit(100);
}
