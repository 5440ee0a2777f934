import { and, asc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import type { FindingDraft } from '../../lib/finding/schema';
import { type Decision, transition } from '../../lib/workflow';
import type { Db, DbOrTx } from '../client';
import { auditEvents, findingRevisions, findings, users } from '../schema';
import { recordAudit } from './audit';
import { saveDraftTx } from './curation';
import { checkVersion, lostRace, readFindingState, readReviewsOfLatest, readSettings } from './finding-state';
import { type Actor, checkLock, lockFinding, together, workflowContext } from './finding-tx';
import { writeDecision } from './finding-writes';

export { countActionableQueue, getReviewItem, listQueue, type QueueFilter, type QueueItem } from './review-queue';

export type DecisionInput = {
  findingId: number;
  revisionNo: number;
  lockVersion: number;
  decision: Decision;
  comment: string;
};

/**
 * Record a reviewer's decision on the revision awaiting review, and apply the
 * transition it causes, as one statement (finding-writes.ts) that applies only
 * while the lock version is the one read: two reviewers acting at once cannot
 * both decide, and nobody decides on what they did not see (the revision
 * number must match too). Two round trips: the reads together, then the write.
 */
export async function decide(
  db: Db,
  actor: Actor,
  input: DecisionInput,
): Promise<{ status: string; lockVersion: number }> {
  const comment = input.comment.trim();
  const [state, previous, settings] = await together(
    readFindingState(db, input.findingId),
    readReviewsOfLatest(db, input.findingId),
    readSettings(db),
  );
  checkVersion(state, input.lockVersion);
  const { f, latest } = state;
  if (latest.revisionNo !== input.revisionNo)
    throw new DomainError('conflict', 'finding', 'A newer revision replaced the one you reviewed; reload to see it.');
  const outcome = transition(
    input.decision,
    workflowContext(f, latest, actor, {
      approvals: previous.filter((p) => p.decision === 'approve' && p.reviewerId !== actor.id).length,
      approvalsRequired: settings.approvalsRequired as 1 | 2,
      actorDecided: previous.some((p) => p.reviewerId === actor.id),
      comment,
    }),
  );
  if (!outcome.ok)
    throw new DomainError(
      outcome.error,
      'review',
      outcome.message,
      outcome.error === 'invalid' ? 'comment' : undefined,
    );
  const detail = { revisionNo: latest.revisionNo };
  const row = await writeDecision(db, {
    findingId: f.id,
    lockVersion: input.lockVersion,
    actorId: actor.id,
    revisionId: latest.id,
    decision: input.decision,
    comment,
    next: outcome.next,
    publishes: outcome.publishes,
    // The listing shows the approved revision, else the latest: it changes on publishing, or may while none is approved.
    listed: outcome.publishes || !f.approvedRevisionId ? latest.id : null,
    events: [
      {
        action: `review.${input.decision}`,
        detail: { ...detail, from: f.status, to: outcome.next, ...(comment ? { comment } : {}) },
      },
      ...(outcome.publishes ? [{ action: 'finding.approved', detail }] : []),
    ],
  });
  if (!row) return lostRace(db, f.id);
  return { status: outcome.next, lockVersion: row.lockVersion };
}

/** The author takes a submitted revision back: a new draft equal to it. */
export async function withdraw(db: Db, actor: Actor, input: { findingId: number; lockVersion: number }) {
  return db.transaction(async (tx) => {
    const { f, latest } = await lockFinding(tx, input.findingId);
    await checkLock(tx, f, input.lockVersion);
    const outcome = transition('withdraw', workflowContext(f, latest, actor));
    if (!outcome.ok) throw new DomainError(outcome.error, 'finding', outcome.message);
    const saved = await saveDraftTx(
      tx,
      actor,
      f.id,
      input.lockVersion,
      revisionToContent(latest) as FindingDraft,
      latest.changeSummary,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'finding.withdraw',
      entity: 'finding',
      entityId: f.id,
      detail: { revisionNo: latest.revisionNo },
    });
    return saved;
  });
}

/** An admin reopens a rejected finding: it goes back to its author as "changes requested". */
export async function reopen(db: Db, actor: Actor, input: { findingId: number; lockVersion: number; comment: string }) {
  return db.transaction(async (tx) => {
    const { f, latest } = await lockFinding(tx, input.findingId);
    await checkLock(tx, f, input.lockVersion);
    const outcome = transition('reopen', workflowContext(f, latest, actor, { comment: input.comment }));
    if (!outcome.ok) throw new DomainError(outcome.error, 'finding', outcome.message);
    const [updated] = await tx
      .update(findings)
      .set({ status: outcome.next, lockVersion: sql`${findings.lockVersion} + 1`, updatedAt: new Date() })
      .where(eq(findings.id, f.id))
      .returning({ lockVersion: findings.lockVersion });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'finding.reopen',
      entity: 'finding',
      entityId: f.id,
      detail: { comment: input.comment.trim() },
    });
    return { lockVersion: updated!.lockVersion };
  });
}

/** A finding's workflow position and its audit trail (oldest first), for the API and tests. */
export async function getWorkflowTrail(db: DbOrTx, publicId: string) {
  const [f] = await db.select().from(findings).where(eq(findings.publicId, publicId));
  if (!f) return null;
  const [latest] = await db.select().from(findingRevisions).where(eq(findingRevisions.id, f.latestRevisionId!));
  const events = await db
    .select({ action: auditEvents.action, actor: users.email, at: auditEvents.at, detail: auditEvents.detail })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.entity, 'finding'),
        eq(auditEvents.entityId, String(f.id)),
        sql`${auditEvents.action} not like 'comment.%'`,
      ),
    )
    .orderBy(asc(auditEvents.id));
  return {
    publicId: f.publicId,
    status: f.status,
    lockVersion: f.lockVersion,
    revisionNo: latest!.revisionNo,
    approved: f.approvedRevisionId != null,
    events,
    /** For the read policy; not part of the answer. */
    visibility: {
      approvedRevisionId: f.approvedRevisionId,
      latest: { id: latest!.id, authorId: latest!.authorId, submittedAt: latest!.submittedAt },
    },
  };
}
