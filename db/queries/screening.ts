/**
 * Screening (issue 13, item 3): the queue of kept candidates a screener has not decided yet, their decisions
 * (append-only), the outcome by lib/screening/state.ts, and an included paper becoming a source waiting for
 * curation. In dual mode screening is blind: nobody sees another's decision until the outcome is settled.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type ScreeningDecisionRow, screeningState, type ScreeningMode } from '../../lib/screening/state';
import { DomainError } from '../../lib/errors';
import type { Db, DbOrTx, Tx } from '../client';
import { candidates, exclusionReasons, screeningDecisions, sources } from '../schema';
import { recordAudit } from './audit';

export type ScreeningInput = {
  candidateId: number;
  decision: 'include' | 'exclude' | 'maybe';
  reasonId?: number | null;
  note?: string;
};

/** A record that is not merged into another record or an existing source: the one that is screened. */
export const kept = and(isNull(candidates.duplicateOfId), isNull(candidates.duplicateSourceId));

/** Kept, still open, and not yet screened by this screener: what the queue, its count and the dashboard count. */
export function waitingFor(screenerId: number) {
  return and(
    kept,
    sql`${candidates.outcome} in ('unscreened', 'awaiting_second')`,
    sql`not exists (select 1 from ${screeningDecisions} d where d.candidate_id = ${candidates.id}
      and d.screener_id = ${screenerId} and d.stage = 'screen')`,
  );
}

/** Kept, in conflict (or an agreed "maybe"), and not screened by this viewer: what a third screener resolves. */
export function resolvableBy(viewerId: number) {
  return and(
    kept,
    sql`${candidates.outcome} in ('conflict', 'maybe')`,
    sql`not exists (select 1 from ${screeningDecisions} d where d.candidate_id = ${candidates.id}
      and d.screener_id = ${viewerId})`,
  );
}

/** The next candidates for this screener: kept, undecided, not yet decided by them; oldest first, keyset by id. */
function queueQuery(db: DbOrTx, screenerId: number, opts: { after?: number; limit?: number } = {}) {
  return db
    .select({
      id: candidates.id,
      title: candidates.title,
      abstract: candidates.abstract,
      keywords: candidates.keywords,
      authors: candidates.authors,
      year: candidates.year,
      journal: candidates.journal,
      doi: candidates.doi,
      pmid: candidates.pmid,
      isPreprint: candidates.isPreprint,
      outcome: candidates.outcome,
    })
    .from(candidates)
    .where(and(waitingFor(screenerId), opts.after ? gt(candidates.id, opts.after) : undefined))
    .orderBy(asc(candidates.id))
    .limit(opts.limit ?? 20);
}

export async function screeningQueue(db: DbOrTx, screenerId: number, opts: { after?: number; limit?: number } = {}) {
  return queueQuery(db, screenerId, opts);
}

/** The queue's SQL, for the benchmark's EXPLAIN ANALYZE of exactly what the app runs. */
export function screeningQueueSql(db: DbOrTx, screenerId: number, opts: { after?: number; limit?: number } = {}) {
  return queueQuery(db, screenerId, opts).toSQL();
}

/** Conflicts (and agreed "maybe"s in dual mode) waiting for a third screener who has not screened them. */
export async function conflictQueue(db: DbOrTx, viewerId: number, limit = 50) {
  return db
    .select({
      id: candidates.id,
      title: candidates.title,
      abstract: candidates.abstract,
      year: candidates.year,
      doi: candidates.doi,
      outcome: candidates.outcome,
    })
    .from(candidates)
    .where(resolvableBy(viewerId))
    .orderBy(asc(candidates.id))
    .limit(limit);
}

/** Records a screener's decision, recomputes the outcome, and makes an included paper a source. */
export async function decideScreening(db: Db, actorId: number, mode: ScreeningMode, input: ScreeningInput) {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(candidates).where(eq(candidates.id, input.candidateId)).for('update');
    if (!c) throw new DomainError('not_found', 'candidate', 'No such candidate.');
    if (c.duplicateOfId || c.duplicateSourceId)
      throw new DomainError('conflict', 'candidate', 'This record is a duplicate; screen the record it duplicates.');
    const before = await tx
      .select({
        screener: screeningDecisions.screenerId,
        decision: screeningDecisions.decision,
        stage: screeningDecisions.stage,
      })
      .from(screeningDecisions)
      .where(eq(screeningDecisions.candidateId, c.id))
      .orderBy(asc(screeningDecisions.id));
    const stage = stageFor(mode, c.outcome, before, actorId);
    if (input.decision === 'exclude' && stage === 'screen') await checkReason(tx, input.reasonId);
    await tx.insert(screeningDecisions).values({
      candidateId: c.id,
      screenerId: actorId,
      stage,
      decision: input.decision,
      reasonId: input.decision === 'exclude' ? (input.reasonId ?? null) : null,
      note: input.note ?? '',
    });
    const rows = [...before, { screener: actorId, decision: input.decision, stage }].map((d) => ({
      screener: String(d.screener),
      decision: d.decision as ScreeningDecisionRow['decision'],
      stage: d.stage as ScreeningDecisionRow['stage'],
    }));
    const outcome = screeningState(mode, rows);
    const made = outcome === 'included' && !c.sourceId ? await sourceFor(tx, actorId, c) : null;
    const sourceId = made?.id ?? c.sourceId;
    await tx
      .update(candidates)
      .set({ outcome, sourceId, curationStatus: sourceId && !c.curationStatus ? 'to_curate' : c.curationStatus })
      .where(eq(candidates.id, c.id));
    await recordAudit(tx, {
      actorId,
      action: 'screening.decide',
      entity: 'candidate',
      entityId: c.id,
      detail: { stage, decision: input.decision, reasonId: input.reasonId ?? null, outcome },
    });
    return { outcome, stage, sourceId, sourceCreated: made?.created ?? false };
  });
}

type Prior = { screener: number; decision: string; stage: string };

function stageFor(mode: ScreeningMode, outcome: string, before: Prior[], actorId: number): 'screen' | 'resolve' {
  if (before.some((d) => d.screener === actorId))
    throw new DomainError('conflict', 'screening', 'You have already screened this record.');
  if (outcome === 'unscreened' || (mode === 'dual' && outcome === 'awaiting_second')) return 'screen';
  if (mode === 'dual' && (outcome === 'conflict' || outcome === 'maybe')) return 'resolve';
  throw new DomainError('conflict', 'screening', 'This record has already been screened.');
}

async function checkReason(tx: Tx, reasonId: number | null | undefined) {
  const [r] = reasonId
    ? await tx
        .select()
        .from(exclusionReasons)
        .where(and(eq(exclusionReasons.id, reasonId), eq(exclusionReasons.active, true)))
    : [];
  if (!r)
    throw new DomainError('invalid', 'screening', 'Choose a reason for excluding this record.', undefined, {
      fields: { reasonId: 'Choose a reason for excluding this record.' },
    });
}

/** The source an included paper becomes: the existing one with its DOI, else a new one from the record. */
async function sourceFor(
  tx: Tx,
  actorId: number,
  c: typeof candidates.$inferSelect,
): Promise<{ id: number; created: boolean } | null> {
  if (!c.doi) return null;
  const [existing] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.doi, c.doi));
  if (existing) return { id: existing.id, created: false };
  const [s] = await tx
    .insert(sources)
    .values({
      doi: c.doi,
      pmid: c.pmid,
      title: c.title || null,
      authors: c.authors.join('; ') || null,
      journal: c.journal || null,
      year: c.year,
      metadataOrigin: 'manual',
      createdBy: actorId,
    })
    .returning({ id: sources.id });
  await recordAudit(tx, {
    actorId,
    action: 'source.create',
    entity: 'source',
    entityId: s!.id,
    detail: { doi: c.doi, origin: 'screening', candidateId: c.id },
  });
  return { id: s!.id, created: true };
}
