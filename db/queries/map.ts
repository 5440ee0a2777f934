import { sql } from 'drizzle-orm';
import { type CrosstalkEdge, type MapGrouping, OTHER_ORGAN, type OrganTotal, organTotals } from '../../lib/map/labels';
import { ORGANS } from '../../lib/vocab/organs';
import type { Direction } from '../../lib/vocab/terms';
import type { DbOrTx } from '../client';
import { findings } from '../schema';

export type CrosstalkData = {
  edges: CrosstalkEdge[];
  organs: OrganTotal[];
  total: number;
  /** The name of every organ on the map, by id: the review's label for an organ group, else the term's label. */
  labels: Record<string, string>;
};

const GROUP_IDS = ORGANS.map((o) => o.id);
const groupArray = sql.raw(`array[${GROUP_IDS.map((id) => `'${id}'`).join(', ')}]::text[]`);

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/**
 * The organ an exact term is drawn as: itself (by exact term), or its nearest ancestor among the 16
 * organ groups — fewest steps up through term_ancestors, a tie going to the group listed first —
 * and "Other" when it is under none.
 */
function drawnAs(column: 'origin' | 'target_organ', grouping: MapGrouping) {
  if (grouping === 'term') return sql.raw(`e.${column}`);
  return sql`coalesce((select a.ancestor from term_ancestors a where a.curie = ${sql.raw(`e.${column}`)}
      and a.ancestor = any(${groupArray}) order by a.depth, array_position(${groupArray}, a.ancestor) limit 1),
    ${OTHER_ORGAN})`;
}

/**
 * Approved findings counted per edge of the crosstalk map. An edge always runs
 * from the donor organ (`origin`) to the `target_organ`, whatever the direction:
 * muscle_to_organ is Skeletal muscle → organ, organ_to_muscle is donor organ →
 * Skeletal muscle, and within_muscle is Skeletal muscle's loop onto itself. So
 * each edge's link can filter the findings table on exactly these three columns
 * (the organ filters include the terms under the organ, as the groups here do).
 *
 * One GROUP BY over the findings projection, restricted by the same
 * `approved_revision_id is not null` predicate as its partial indexes; each
 * distinct (origin, target, direction) is then drawn as its organs (grouped or
 * exact) and summed; the per-organ totals are summed from the edges, not queried again.
 */
export async function crosstalkEdges(db: DbOrTx, grouping: MapGrouping = 'group'): Promise<CrosstalkData> {
  const res = await db.execute(sql`
    with e as (
      select ${findings.origin} as origin, ${findings.targetOrgan} as target_organ, ${findings.direction} as direction,
        count(*)::int as n
      from ${findings} where ${findings.approvedRevisionId} is not null group by 1, 2, 3)
    select d.from_organ as "from", d.to_organ as "to", e.direction, sum(e.n)::int as count
    from e cross join lateral (
      select ${drawnAs('origin', grouping)} as from_organ, ${drawnAs('target_organ', grouping)} as to_organ) d
    group by 1, 2, 3 order by 1, 2, 3`);
  // Approved revisions passed the finding schema, so direction is one of DIRECTIONS.
  const edges = rowsOf<CrosstalkEdge>(res).map((r) => ({
    from: r.from,
    to: r.to,
    direction: r.direction as Direction,
    count: Number(r.count),
  }));
  const organs = organTotals(edges);
  return {
    edges,
    organs,
    total: edges.reduce((s, e) => s + e.count, 0),
    labels: await organLabels(
      db,
      organs.map((o) => o.id),
    ),
  };
}

/** Names for the map: the review's organ-group labels, "Other", and every other term's label from the terms table. */
async function organLabels(db: DbOrTx, ids: readonly string[]): Promise<Record<string, string>> {
  const labels: Record<string, string> = { [OTHER_ORGAN]: 'Other' };
  for (const o of ORGANS) labels[o.id] = o.label;
  const rest = ids.filter((id) => !(id in labels));
  if (rest.length > 0) {
    const list = sql.join(
      rest.map((id) => sql`${id}`),
      sql`, `,
    );
    const res = await db.execute(sql`select curie, label from terms where curie in (${list})`);
    for (const r of rowsOf<{ curie: string; label: string }>(res)) labels[r.curie] = r.label;
  }
  for (const id of rest) labels[id] ??= id;
  return labels;
}
