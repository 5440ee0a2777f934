import { asc, count, isNotNull } from 'drizzle-orm';
import { type CrosstalkEdge, type OrganTotal, organTotals } from '../../lib/map/labels';
import type { Direction } from '../../lib/vocab/terms';
import type { DbOrTx } from '../client';
import { findings } from '../schema';

export type CrosstalkData = { edges: CrosstalkEdge[]; organs: OrganTotal[]; total: number };

/**
 * Approved findings counted per edge of the crosstalk map. An edge always runs
 * from the donor organ (`origin`) to the `target_organ`, whatever the direction:
 * muscle_to_organ is Skeletal muscle → organ, organ_to_muscle is donor organ →
 * Skeletal muscle, and within_muscle is Skeletal muscle's loop onto itself. So
 * each edge's link can filter the findings table on exactly these three columns.
 *
 * One GROUP BY over the findings projection, restricted by the same
 * `approved_revision_id is not null` predicate as its partial indexes; the
 * per-organ totals are summed from the grouped rows, not queried again.
 */
export async function crosstalkEdges(db: DbOrTx): Promise<CrosstalkData> {
  const rows = await db
    .select({ from: findings.origin, to: findings.targetOrgan, direction: findings.direction, count: count() })
    .from(findings)
    .where(isNotNull(findings.approvedRevisionId))
    .groupBy(findings.origin, findings.targetOrgan, findings.direction)
    .orderBy(asc(findings.origin), asc(findings.targetOrgan), asc(findings.direction));
  // Approved revisions passed the finding schema, so direction is one of DIRECTIONS.
  const edges = rows.map((r) => ({ ...r, direction: r.direction as Direction, count: Number(r.count) }));
  return { edges, organs: organTotals(edges), total: edges.reduce((s, e) => s + e.count, 0) };
}
