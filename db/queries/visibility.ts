import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { findingRevisions, findings } from '../schema';

/** What the read policy (lib/policy/read.ts) needs to decide whether a finding is visible. */
export type FindingVisibility = {
  id: number;
  approvedRevisionId: number | null;
  latest: { id: number; authorId: number; submittedAt: Date | null } | null;
};

export async function getFindingVisibility(db: DbOrTx, findingId: number): Promise<FindingVisibility | null> {
  const [row] = await db
    .select({
      id: findings.id,
      approvedRevisionId: findings.approvedRevisionId,
      latestId: findingRevisions.id,
      authorId: findingRevisions.authorId,
      submittedAt: findingRevisions.submittedAt,
    })
    .from(findings)
    .leftJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .where(eq(findings.id, findingId))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    approvedRevisionId: row.approvedRevisionId,
    latest: row.latestId === null ? null : { id: row.latestId, authorId: row.authorId!, submittedAt: row.submittedAt },
  };
}
