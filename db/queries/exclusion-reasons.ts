/**
 * Exclusion reasons of screening (issue 13, item 3), managed by admins: added, renamed, retired and
 * reactivated — never deleted, since past decisions point at them. Only active reasons are offered to
 * screeners (decideScreening refuses a retired one); a retired reason keeps its label in the history.
 */
import { and, asc, count, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import type { Db, DbOrTx, Tx } from '../client';
import { sqlState, UNIQUE_VIOLATION } from '../errors';
import { exclusionReasons, screeningDecisions } from '../schema';
import { recordAudit } from './audit';

export type ExclusionReason = typeof exclusionReasons.$inferSelect;

/** Reasons in their order; `activeOnly` for what a screener may choose. */
export async function listExclusionReasons(db: DbOrTx, opts: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(exclusionReasons)
    .where(opts.activeOnly ? eq(exclusionReasons.active, true) : undefined)
    .orderBy(asc(exclusionReasons.sortOrder), asc(exclusionReasons.id));
}

/** How many decisions cite each reason (a reason in use is retired, not removed). */
export async function exclusionReasonUse(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db
    .select({ id: screeningDecisions.reasonId, n: count() })
    .from(screeningDecisions)
    .where(isNotNull(screeningDecisions.reasonId))
    .groupBy(screeningDecisions.reasonId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

const taken = (label: string) =>
  new DomainError('conflict', 'exclusion_reason', `There is already a reason called “${label}”.`, 'label');

/** Refuses a label that another reason has already, whatever its case. */
async function checkFree(tx: Tx, label: string, exceptId?: number) {
  const [other] = await tx
    .select({ id: exclusionReasons.id })
    .from(exclusionReasons)
    .where(
      and(
        sql`lower(${exclusionReasons.label}) = lower(${label})`,
        exceptId ? ne(exclusionReasons.id, exceptId) : undefined,
      ),
    );
  if (other) throw taken(label);
}

async function guarded<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    // Two admins adding the same label at once: the unique index decides.
    if (sqlState(e) === UNIQUE_VIOLATION) throw taken(label);
    throw e;
  }
}

/** A new active reason, listed after the others. */
export async function addExclusionReason(db: Db, actorId: number, label: string): Promise<ExclusionReason> {
  return guarded(label, () =>
    db.transaction(async (tx) => {
      await checkFree(tx, label);
      const [last] = await tx
        .select({ next: sql<number>`coalesce(max(${exclusionReasons.sortOrder}), 0) + 10`.mapWith(Number) })
        .from(exclusionReasons);
      const [r] = await tx
        .insert(exclusionReasons)
        .values({ label, sortOrder: last?.next ?? 10 })
        .returning();
      await recordAudit(tx, {
        actorId,
        action: 'exclusion_reason.add',
        entity: 'exclusion_reason',
        entityId: r!.id,
        detail: { label },
      });
      return r!;
    }),
  );
}

async function lockReason(tx: Tx, id: number): Promise<ExclusionReason> {
  const [r] = await tx.select().from(exclusionReasons).where(eq(exclusionReasons.id, id)).for('update');
  if (!r) throw new DomainError('not_found', 'exclusion_reason', 'No such exclusion reason.');
  return r;
}

/** A new label for a reason; decisions that cite it show the new label. */
export async function renameExclusionReason(
  db: Db,
  actorId: number,
  id: number,
  label: string,
): Promise<ExclusionReason> {
  return guarded(label, () =>
    db.transaction(async (tx) => {
      const before = await lockReason(tx, id);
      if (before.label === label) return before;
      await checkFree(tx, label, id);
      const [r] = await tx.update(exclusionReasons).set({ label }).where(eq(exclusionReasons.id, id)).returning();
      await recordAudit(tx, {
        actorId,
        action: 'exclusion_reason.rename',
        entity: 'exclusion_reason',
        entityId: id,
        detail: { before: before.label, after: label },
      });
      return r!;
    }),
  );
}

/** Retires (active false) or reactivates a reason; a no-op when it is already so. */
export async function setExclusionReasonActive(
  db: Db,
  actorId: number,
  id: number,
  active: boolean,
): Promise<ExclusionReason> {
  return db.transaction(async (tx) => {
    const before = await lockReason(tx, id);
    if (before.active === active) return before;
    const [r] = await tx.update(exclusionReasons).set({ active }).where(eq(exclusionReasons.id, id)).returning();
    await recordAudit(tx, {
      actorId,
      action: active ? 'exclusion_reason.reactivate' : 'exclusion_reason.retire',
      entity: 'exclusion_reason',
      entityId: id,
      detail: { label: before.label },
    });
    return r!;
  });
}
