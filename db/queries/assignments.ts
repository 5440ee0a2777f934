/**
 * Included papers on their way to findings (issue 13, item 4): each included candidate with a source is
 * assigned to a curator (by a reviewer or an admin) or claimed (by any curator, while nobody has it), and
 * carries a curation status. The listed status is derived: a paper still "to curate" or "in progress"
 * whose source has a finding past draft is shown as "findings submitted" (the submit path stays as it is).
 */
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { CurationStatus } from '../schema/literature';
import { DomainError } from '../../lib/errors';
import { hasRole } from '../../lib/auth/roles';
import type { Role } from '../../lib/vocab/terms';
import type { Db, DbOrTx } from '../client';
import { candidates, sources, users } from '../schema';
import { recordAudit } from './audit';

export type IncludedPaper = {
  candidateId: number;
  title: string;
  year: number | null;
  sourceId: number;
  doi: string;
  assignee: { id: number; name: string; email: string } | null;
  status: CurationStatus;
};

const submittedFinding = sql`exists (select 1 from findings f where f.source_id = ${candidates.sourceId} and f.status <> 'draft')`;
const derivedStatus = sql<CurationStatus>`case
  when ${candidates.curationStatus} in ('to_curate', 'in_progress') and ${submittedFinding} then 'findings_submitted'
  else coalesce(${candidates.curationStatus}, 'to_curate') end`;

const papers = and(eq(candidates.outcome, 'included'), sql`${candidates.sourceId} is not null`);

/** Included papers with a source, oldest first; only those assigned to `assignedTo` when given. */
export async function listIncludedPapers(
  db: DbOrTx,
  opts: { assignedTo?: number; limit?: number } = {},
): Promise<IncludedPaper[]> {
  const rows = await db
    .select({
      candidateId: candidates.id,
      title: candidates.title,
      year: candidates.year,
      sourceId: candidates.sourceId,
      doi: sources.doi,
      sourceTitle: sources.title,
      assigneeId: users.id,
      assigneeName: users.name,
      assigneeEmail: users.email,
      status: derivedStatus,
    })
    .from(candidates)
    .innerJoin(sources, eq(sources.id, candidates.sourceId))
    .leftJoin(users, eq(users.id, candidates.assignedTo))
    .where(and(papers, opts.assignedTo !== undefined ? eq(candidates.assignedTo, opts.assignedTo) : undefined))
    .orderBy(asc(candidates.id))
    .limit(opts.limit ?? 500);
  return rows.map((r) => ({
    candidateId: r.candidateId,
    title: r.title || r.sourceTitle || '(no title)',
    year: r.year,
    sourceId: r.sourceId!,
    doi: r.doi,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName!, email: r.assigneeEmail! } : null,
    status: r.status,
  }));
}

/** Active people a paper can be assigned to (every role curates). */
export async function listAssignableUsers(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.isSystem, false), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
}

async function updatePaper(
  db: Db,
  actorId: number,
  candidateId: number,
  set: Partial<typeof candidates.$inferInsert>,
  guard: SQL | undefined,
  audit: { action: string; detail: Record<string, unknown>; refusal: DomainError },
) {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: candidates.id, assignedTo: candidates.assignedTo, status: candidates.curationStatus })
      .from(candidates)
      .where(and(eq(candidates.id, candidateId), papers));
    if (!p) throw new DomainError('not_found', 'paper', 'No included paper with that id.');
    const [done] = await tx
      .update(candidates)
      .set(set)
      .where(and(eq(candidates.id, candidateId), papers, guard))
      .returning({ id: candidates.id });
    if (!done) throw audit.refusal;
    await recordAudit(tx, {
      actorId,
      action: audit.action,
      entity: 'candidate',
      entityId: candidateId,
      detail: { before: { assignedTo: p.assignedTo, status: p.status }, ...audit.detail },
    });
    return { candidateId };
  });
}

/** A reviewer or admin assigns a paper to someone (or to nobody, with `userId` null). */
export async function assignPaper(db: Db, actorId: number, candidateId: number, userId: number | null) {
  if (userId !== null) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.isSystem, false), isNull(users.disabledAt)));
    if (!u)
      throw new DomainError('invalid', 'paper', 'Choose an active user.', undefined, {
        fields: { userId: 'Choose an active user.' },
      });
  }
  return updatePaper(db, actorId, candidateId, { assignedTo: userId }, undefined, {
    action: 'paper.assign',
    detail: { assignedTo: userId },
    refusal: new DomainError('not_found', 'paper', 'No included paper with that id.'),
  });
}

/** A curator takes a paper nobody has yet. */
export async function claimPaper(db: Db, actorId: number, candidateId: number) {
  return updatePaper(db, actorId, candidateId, { assignedTo: actorId }, isNull(candidates.assignedTo), {
    action: 'paper.claim',
    detail: { assignedTo: actorId },
    refusal: new DomainError('conflict', 'paper', 'Someone has already taken this paper.'),
  });
}

/** The assignee, or a reviewer or admin, sets where the paper's curation stands. */
export async function setCurationStatus(
  db: Db,
  actor: { id: number; role: Role },
  candidateId: number,
  status: CurationStatus,
) {
  const mine = hasRole(actor.role, 'reviewer') ? undefined : eq(candidates.assignedTo, actor.id);
  return updatePaper(db, actor.id, candidateId, { curationStatus: status }, mine, {
    action: 'paper.status',
    detail: { status },
    refusal: new DomainError('forbidden', 'paper', 'Only the curator assigned to this paper can change its status.'),
  });
}
