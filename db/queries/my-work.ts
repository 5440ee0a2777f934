import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { findingRevisions, findings, reviews, sources } from '../schema';

/** Everything the edit page needs; null when the finding does not exist. */
export async function getEditState(db: Db, publicId: string) {
  const [f] = await db.select().from(findings).where(eq(findings.publicId, publicId));
  if (!f) return null;
  const [latest] = await db.select().from(findingRevisions).where(eq(findingRevisions.id, f.latestRevisionId!));
  const [source] = await db.select().from(sources).where(eq(sources.id, f.sourceId));
  return { finding: f, latest: latest!, source: source! };
}

export type MyWorkItem = {
  publicId: string;
  revisionNo: number;
  state: string;
  summary: string;
  result: string;
  updatedAt: Date;
};

/** The actor's open drafts, and every revision they submitted with where it stands. */
export async function listMyWork(db: Db, userId: number): Promise<{ drafts: MyWorkItem[]; submitted: MyWorkItem[] }> {
  const rows = await db
    .select({
      publicId: findings.publicId,
      findingStatus: findings.status,
      latestRevisionId: findings.latestRevisionId,
      approvedRevisionId: findings.approvedRevisionId,
      rev: {
        id: findingRevisions.id,
        revisionNo: findingRevisions.revisionNo,
        submittedAt: findingRevisions.submittedAt,
        updatedAt: findingRevisions.updatedAt,
        changeSummary: findingRevisions.changeSummary,
        result: findingRevisions.result,
      },
    })
    .from(findingRevisions)
    .innerJoin(findings, eq(findings.id, findingRevisions.findingId))
    .where(eq(findingRevisions.authorId, userId))
    .orderBy(desc(findingRevisions.updatedAt))
    .limit(500);
  const ids = rows.map((r) => r.rev.id);
  const decisions = ids.length
    ? await db
        .select({ revisionId: reviews.revisionId, decision: reviews.decision })
        .from(reviews)
        .where(inArray(reviews.revisionId, ids))
        .orderBy(asc(reviews.createdAt))
    : [];
  const drafts: MyWorkItem[] = [];
  const submitted: MyWorkItem[] = [];
  for (const r of rows) {
    const item = {
      publicId: r.publicId,
      revisionNo: r.rev.revisionNo,
      summary: r.rev.changeSummary,
      result: r.rev.result,
      updatedAt: r.rev.updatedAt,
    };
    if (!r.rev.submittedAt) {
      if (r.latestRevisionId === r.rev.id) drafts.push({ ...item, state: 'draft' });
      continue;
    }
    const ds = decisions.filter((d) => d.revisionId === r.rev.id).map((d) => d.decision);
    const state =
      r.approvedRevisionId === r.rev.id
        ? 'approved'
        : ds.includes('reject')
          ? 'rejected'
          : ds.includes('request_changes')
            ? 'changes_requested'
            : r.latestRevisionId === r.rev.id && r.findingStatus === 'submitted'
              ? 'submitted'
              : ds.includes('approve') && r.latestRevisionId === r.rev.id
                ? 'submitted'
                : 'superseded';
    submitted.push({ ...item, state });
  }
  return { drafts, submitted };
}

export async function findingIdByPublicId(db: Db, publicId: string): Promise<number | null> {
  const [f] = await db.select({ id: findings.id }).from(findings).where(eq(findings.publicId, publicId));
  return f?.id ?? null;
}
