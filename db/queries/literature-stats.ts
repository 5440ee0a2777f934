/**
 * Figures of the literature dashboard (issue 13): screeners' agreement (Cohen's kappa over the records
 * two screeners screened) and the sizes of the screening queues a viewer would see.
 */
import { sql } from 'drizzle-orm';
import { cohensKappa, type KappaResult, type ScreeningDecision } from '../../lib/screening/kappa';
import type { DbOrTx } from '../client';
import { candidates } from '../schema';
import { kept, resolvableBy, waitingFor } from './screening';

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/**
 * The decisions of records screened by exactly two screeners in the `screen` stage, as (first, second)
 * pairs in the order they screened; resolutions by a third person are not part of the agreement.
 */
export async function screeningPairs(db: DbOrTx): Promise<[ScreeningDecision, ScreeningDecision][]> {
  const res = await db.execute(sql`
    select array_agg(decision order by id) as decisions from screening_decisions
    where stage = 'screen' group by candidate_id having count(*) = 2 order by candidate_id`);
  return rowsOf<{ decisions: ScreeningDecision[] | string }>(res).map((r) => {
    const d =
      typeof r.decisions === 'string'
        ? (r.decisions.replace(/[{}]/g, '').split(',') as ScreeningDecision[])
        : r.decisions;
    return [d[0]!, d[1]!];
  });
}

export async function screeningAgreement(db: DbOrTx): Promise<KappaResult> {
  return cohensKappa(await screeningPairs(db));
}

export type QueueCounts = { toScreen: number; conflicts: number; merged: number };

/** What waits for this viewer: records to screen, conflicts to resolve, and merged records to review. */
export async function queueCounts(db: DbOrTx, viewerId: number): Promise<QueueCounts> {
  const [r] = await db
    .select({
      toScreen: sql<number>`count(*) filter (where ${waitingFor(viewerId)})`.mapWith(Number),
      conflicts: sql<number>`count(*) filter (where ${resolvableBy(viewerId)})`.mapWith(Number),
      merged: sql<number>`count(*) filter (where not (${kept}))`.mapWith(Number),
    })
    .from(candidates);
  return { toScreen: r?.toScreen ?? 0, conflicts: r?.conflicts ?? 0, merged: r?.merged ?? 0 };
}
