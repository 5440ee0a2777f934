/**
 * What the screening pages read besides the queues of db/queries/screening.ts: how many records are left for
 * a screener, and — for the third screener only — the two decisions on a record in conflict. Blindness is
 * enforced here too: decisions are returned only for records whose outcome is a conflict or an agreed
 * "maybe" and that the viewer did not screen, whatever ids the caller passes.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { resolvableBy, waitingFor } from './screening';
import { candidates, exclusionReasons, screeningDecisions, users } from '../schema';

/** The number of records screeningQueue would give this screener, all pages together. */
export async function screeningLeft(db: DbOrTx, screenerId: number): Promise<number> {
  const [r] = await db.select({ n: count() }).from(candidates).where(waitingFor(screenerId));
  return Number(r?.n ?? 0);
}

export type ConflictDecision = {
  candidateId: number;
  screener: string;
  decision: 'include' | 'exclude' | 'maybe';
  stage: 'screen' | 'resolve';
  reason: string | null;
  note: string;
  at: Date;
};

/** The decisions (screens, and any earlier resolve that left a maybe) on records waiting for this viewer as the third screener, oldest first. */
export async function conflictDecisions(
  db: DbOrTx,
  viewerId: number,
  candidateIds: readonly number[],
): Promise<ConflictDecision[]> {
  if (candidateIds.length === 0) return [];
  const rows = await db
    .select({
      candidateId: screeningDecisions.candidateId,
      screener: users.name,
      decision: screeningDecisions.decision,
      stage: screeningDecisions.stage,
      reason: exclusionReasons.label,
      note: screeningDecisions.note,
      at: screeningDecisions.createdAt,
    })
    .from(screeningDecisions)
    .innerJoin(candidates, eq(candidates.id, screeningDecisions.candidateId))
    .innerJoin(users, eq(users.id, screeningDecisions.screenerId))
    .leftJoin(exclusionReasons, eq(exclusionReasons.id, screeningDecisions.reasonId))
    .where(and(inArray(screeningDecisions.candidateId, [...candidateIds]), resolvableBy(viewerId)))
    .orderBy(asc(screeningDecisions.candidateId), asc(screeningDecisions.id));
  return rows.map((r) => ({
    ...r,
    decision: r.decision as ConflictDecision['decision'],
    stage: r.stage as ConflictDecision['stage'],
  }));
}

/** Bibliographic details of records, for the conflicts page (the queue gives title, abstract, year, DOI). */
export async function candidateDetails(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: candidates.id,
      authors: candidates.authors,
      journal: candidates.journal,
      keywords: candidates.keywords,
      pmid: candidates.pmid,
      isPreprint: candidates.isPreprint,
    })
    .from(candidates)
    .where(inArray(candidates.id, [...ids]));
}
