/**
 * The PRISMA 2020 flow of the literature intake (issue 13, item 4): one row per candidate record as
 * lib/prisma/counts.ts wants it, grouped in SQL (identical rows counted once) so the dashboard never
 * holds 100,000 objects. Origin labels: "File: <name>" per upload, "Europe PMC: <search>" per saved
 * search, "Suggestions". A record is a duplicate when it points at another record or at a source.
 * The exclusion reason is the one of the decision that settled it: a resolving exclude with a reason,
 * else the first screener's exclude. Curated: the paper's source has a finding past draft, or its
 * curation status says findings submitted or done.
 */
import { sql } from 'drizzle-orm';
import { type PrismaCounts, prismaCounts, type PrismaRow } from '../../lib/prisma/counts';
import type { ScreeningState } from '../../lib/screening/state';
import type { DbOrTx } from '../client';

export type PrismaGroup = { row: PrismaRow; n: number };

export type PrismaScope = { batchId?: number };

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

const reasonOf = (stage: 'resolve' | 'screen', order: 'asc' | 'desc') => sql`(
  select r.label from screening_decisions d join exclusion_reasons r on r.id = d.reason_id
  where d.candidate_id = c.id and d.stage = ${stage} and d.decision = 'exclude'
  order by d.id ${sql.raw(order)} limit 1)`;

/** The flow's rows, grouped: each distinct row once with how many records it stands for, in first-seen order. */
export async function prismaGroups(db: DbOrTx, scope: PrismaScope = {}): Promise<PrismaGroup[]> {
  const where = scope.batchId !== undefined ? sql`where c.batch_id = ${scope.batchId}` : sql``;
  const res = await db.execute(sql`
    with x as (
      select c.id,
        case c.origin
          when 'file' then 'File: ' || coalesce(b.filename, 'upload')
          when 'search' then 'Europe PMC: ' || coalesce(s.name, 'search')
          else 'Suggestions' end as origin,
        (c.duplicate_of_id is not null or c.duplicate_source_id is not null) as duplicate,
        c.outcome,
        case when c.outcome = 'excluded'
          then coalesce(${reasonOf('resolve', 'desc')}, ${reasonOf('screen', 'asc')}) end as reason,
        (c.outcome = 'included' and (
          c.curation_status in ('findings_submitted', 'done')
          or exists (select 1 from findings f where f.source_id = c.source_id and f.status <> 'draft')
        )) as curated
      from candidates c
      left join intake_batches b on b.id = c.batch_id
      left join search_runs sr on sr.id = c.search_run_id
      left join saved_searches s on s.id = sr.search_id
      ${where}
    )
    select origin, duplicate, outcome, reason, curated, count(*)::int as n, min(id) as first
    from x group by origin, duplicate, outcome, reason, curated order by min(id)`);
  return rowsOf<{
    origin: string;
    duplicate: boolean;
    outcome: string;
    reason: string | null;
    curated: boolean;
    n: number | string;
  }>(res).map((r) => ({
    row: {
      origin: r.origin,
      duplicate: r.duplicate,
      outcome: r.outcome as ScreeningState,
      exclusionReason: r.reason,
      curated: r.curated,
    },
    n: Number(r.n),
  }));
}

/** Each group's row as many times as records it stands for (what prismaCounts iterates). */
export function* expandGroups(groups: Iterable<PrismaGroup>): Generator<PrismaRow> {
  for (const g of groups) for (let i = 0; i < g.n; i++) yield g.row;
}

export async function literaturePrismaCounts(db: DbOrTx, scope: PrismaScope = {}): Promise<PrismaCounts> {
  return prismaCounts(expandGroups(await prismaGroups(db, scope)));
}
