import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { commentSchema, flagSchema, resolveFlagSchema } from '../../lib/discussion/schema';
import { DomainError } from '../../lib/errors';
import { hasRole } from '../../lib/auth/roles';
import type { Db, DbOrTx } from '../client';
import { comments, findingRevisions, findings, flags, users } from '../schema';
import { recordAudit } from './audit';
import { listRetractionNotices } from './retraction';
import type { Actor } from './finding-tx';
import { parseOrThrow } from './finding-tx';

export type CommentView = {
  id: number;
  parentId: number | null;
  author: string;
  authorId: number;
  body: string;
  createdAt: Date;
};

export async function listComments(db: DbOrTx, findingId: number): Promise<CommentView[]> {
  return db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      author: users.name,
      authorId: comments.authorId,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.findingId, findingId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

/** Threaded one level: a reply's parent must be a top-level comment of the same finding. */
export async function addComment(db: Db, actor: Actor, input: unknown): Promise<{ id: number }> {
  const data = parseOrThrow(commentSchema, input, 'comment');
  return db.transaction(async (tx) => {
    const [f] = await tx
      .select({ id: findings.id, latestRevisionId: findings.latestRevisionId })
      .from(findings)
      .where(eq(findings.id, data.findingId));
    if (!f) throw new DomainError('not_found', 'finding', 'No such finding.');
    if (data.parentId) {
      const [parent] = await tx
        .select({ findingId: comments.findingId, parentId: comments.parentId })
        .from(comments)
        .where(eq(comments.id, data.parentId));
      if (!parent || parent.findingId !== data.findingId)
        throw new DomainError('invalid', 'comment', 'The comment you reply to is not on this finding.', 'parentId');
      if (parent.parentId)
        throw new DomainError(
          'invalid',
          'comment',
          'Reply to the thread’s first comment; threads are one level deep.',
          'parentId',
        );
    }
    const [c] = await tx
      .insert(comments)
      .values({
        findingId: data.findingId,
        revisionId: f.latestRevisionId,
        parentId: data.parentId ?? null,
        authorId: actor.id,
        body: data.body,
      })
      .returning({ id: comments.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'comment.add',
      entity: 'finding',
      entityId: data.findingId,
      detail: { commentId: c!.id, parentId: data.parentId ?? null },
    });
    return { id: c!.id };
  });
}

export type FlagView = {
  id: number;
  reason: string;
  note: string;
  raisedBy: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
};

export async function listFlags(db: DbOrTx, findingId: number): Promise<FlagView[]> {
  const resolver = alias(users, 'resolver');
  return db
    .select({
      id: flags.id,
      reason: flags.reason,
      note: flags.note,
      raisedBy: users.name,
      createdAt: flags.createdAt,
      resolvedAt: flags.resolvedAt,
      resolvedBy: resolver.name,
      resolution: flags.resolution,
    })
    .from(flags)
    .innerJoin(users, eq(users.id, flags.raisedBy))
    .leftJoin(resolver, eq(resolver.id, flags.resolvedBy))
    .where(eq(flags.findingId, findingId))
    .orderBy(desc(flags.createdAt));
}

export async function countOpenFlags(db: DbOrTx, findingId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(flags)
    .where(and(eq(flags.findingId, findingId), isNull(flags.resolvedAt)));
  return r?.n ?? 0;
}

/** Any signed-in user may flag an approved finding. */
export async function raiseFlag(db: Db, actor: Actor, input: unknown): Promise<{ id: number }> {
  const data = parseOrThrow(flagSchema, input, 'flag');
  return db.transaction(async (tx) => {
    const [f] = await tx
      .select({ approvedRevisionId: findings.approvedRevisionId })
      .from(findings)
      .where(eq(findings.id, data.findingId));
    if (!f) throw new DomainError('not_found', 'finding', 'No such finding.');
    if (!f.approvedRevisionId)
      throw new DomainError('conflict', 'flag', 'Only approved findings can be flagged; comment on drafts instead.');
    const [row] = await tx
      .insert(flags)
      .values({ findingId: data.findingId, raisedBy: actor.id, reason: data.reason, note: data.note })
      .returning({ id: flags.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'flag.raise',
      entity: 'finding',
      entityId: data.findingId,
      detail: { flagId: row!.id, reason: data.reason },
    });
    return { id: row!.id };
  });
}

/** A reviewer resolves a flag with a comment, which is also posted to the discussion. */
export async function resolveFlag(db: Db, actor: Actor, input: unknown): Promise<void> {
  if (!hasRole(actor.role, 'reviewer'))
    throw new DomainError('forbidden', 'flag', 'Only reviewers and admins resolve flags.');
  const data = parseOrThrow(resolveFlagSchema, input, 'flag');
  await db.transaction(async (tx) => {
    const [flag] = await tx.select().from(flags).where(eq(flags.id, data.flagId)).for('update');
    if (!flag) throw new DomainError('not_found', 'flag', 'No such flag.');
    if (flag.resolvedAt) throw new DomainError('conflict', 'flag', 'This flag was already resolved.');
    await tx
      .update(flags)
      .set({ resolvedAt: new Date(), resolvedBy: actor.id, resolution: data.resolution })
      .where(eq(flags.id, flag.id));
    await tx.insert(comments).values({
      findingId: flag.findingId,
      authorId: actor.id,
      body: `Resolved flag “${flag.reason}”: ${data.resolution}`,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'flag.resolve',
      entity: 'finding',
      entityId: flag.findingId,
      detail: { flagId: flag.id },
    });
  });
}

export type Notifications = {
  changesRequested: { publicId: string; at: Date }[];
  queue: number;
  replies: { publicId: string; author: string; at: Date; body: string }[];
  /** Open 'retracted' flags on findings the user wrote or reviewed (issue 13). */
  retractions: { publicId: string; note: string; at: Date }[];
  unseen: number;
};

/** What needs the user: changes requested of their revisions, their review queue, replies, retracted sources. */
export async function getNotifications(
  db: DbOrTx,
  user: { id: number; role: Actor['role'] },
  queueCount: number,
): Promise<Notifications> {
  const [me] = await db.select({ seen: users.notificationsSeenAt }).from(users).where(eq(users.id, user.id));
  const seen = me?.seen ?? new Date(0);
  const changesRequested = await db
    .select({ publicId: findings.publicId, at: findings.updatedAt })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .where(and(eq(findings.status, 'changes_requested'), eq(findingRevisions.authorId, user.id)))
    .orderBy(desc(findings.updatedAt))
    .limit(50);
  const parent = alias(comments, 'parent');
  const replies = await db
    .select({ publicId: findings.publicId, author: users.name, at: comments.createdAt, body: comments.body })
    .from(comments)
    .innerJoin(parent, eq(parent.id, comments.parentId))
    .innerJoin(findings, eq(findings.id, comments.findingId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(parent.authorId, user.id),
        sql`${comments.authorId} <> ${user.id}`,
        gt(comments.createdAt, sql`now() - interval '30 days'`),
      ),
    )
    .orderBy(desc(comments.createdAt))
    .limit(50);
  const retractions = await listRetractionNotices(db, user.id);
  const unseen =
    changesRequested.filter((c) => c.at > seen).length +
    replies.filter((r) => r.at > seen).length +
    retractions.filter((r) => r.at > seen).length +
    (hasRole(user.role, 'reviewer') ? queueCount : 0);
  return { changesRequested, queue: hasRole(user.role, 'reviewer') ? queueCount : 0, replies, retractions, unseen };
}

export async function markNotificationsSeen(db: DbOrTx, userId: number): Promise<void> {
  // The database's clock, like the comment times it is compared with.
  await db
    .update(users)
    .set({ notificationsSeenAt: sql`now()` })
    .where(eq(users.id, userId));
}
