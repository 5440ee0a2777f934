/**
 * Figures of the literature dashboard (issue 13): screeners' agreement (Cohen's kappa over the records
 * two screeners screened) and the sizes of the screening queues a viewer would see.
 */
import { sql } from 'drizzle-orm';
import { cohensKappa, type KappaResult, type ScreeningDecision } from '../../lib/screening/kappa';
import type { DbOrTx } from '../client';

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
  const res = await db.execute(sql`
    select
      count(*) filter (where kept and c.outcome in ('unscreened', 'awaiting_second') and not exists (
        select 1 from screening_decisions d
        where d.candidate_id = c.id and d.screener_id = ${viewerId} and d.stage = 'screen'))::int as to_screen,
      count(*) filter (where kept and c.outcome in ('conflict', 'maybe') and not exists (
        select 1 from screening_decisions d where d.candidate_id = c.id and d.screener_id = ${viewerId}))::int
        as conflicts,
      count(*) filter (where not kept)::int as merged
    from (select *, (duplicate_of_id is null and duplicate_source_id is null) as kept from candidates) c`);
  const [r] = rowsOf<{ to_screen: number; conflicts: number; merged: number }>(res);
  return { toScreen: Number(r?.to_screen ?? 0), conflicts: Number(r?.conflicts ?? 0), merged: Number(r?.merged ?? 0) };
}
